// How soon the account mirror shows a change made in Exact, with Exact's webhooks: the simulator changes an
// account, posts its signed notification to the proxy's HTTP server, and the proxy refreshes that one account.

import os from "node:os";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { createApp } from "../src/app";
import { exactAccounts } from "../src/db/schema";
import { listen } from "../src/server";
import { ensureAccountsWebhook } from "../src/services/mirror/ensure-webhook";
import { syncDivision } from "../src/services/mirror/sync-division";
import { startSimHarness } from "../src/testing/sim-harness";
import { figure } from "./figures";

const DIVISION = 7_100_001;
const ACCOUNTS = 1_000;
const CHANGES = 30;
const GAP_MS = 250;

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const ms = (value: number) => `${Math.round(value).toLocaleString("en-GB")} ms`;

export default async function freshness(): Promise<string> {
  const harness = await startSimHarness();
  const server = await listen(createApp({ ...harness.deps, publicUrl: "" }), 0, "127.0.0.1");
  try {
    harness.sim.control.addDivision({ code: DIVISION, name: "Freshness B.V.", accounts: ACCOUNTS });
    const { tenantId } = await harness.connectTenant();
    const ctx = { ...harness.deps, publicUrl: server.url };
    await syncDivision(ctx, { tenantId, division: DIVISION });
    if ((await ensureAccountsWebhook(ctx, { tenantId, division: DIVISION })) !== "subscribed")
      throw new Error("the webhook subscription was not made");
    await harness.sim.control.flushWebhooks();

    progress(`${CHANGES} account changes in Exact, ${GAP_MS} ms apart`);
    const accounts = harness.sim.control.accounts(DIVISION);
    const latencies: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const target = accounts[(i * 37) % accounts.length]!;
      const name = `Renamed ${i} BV`;
      const changed = performance.now();
      harness.sim.control.updateAccount(DIVISION, target.ID, { Name: name });
      for (;;) {
        const [row] = await harness.deps.db
          .select({ name: exactAccounts.name })
          .from(exactAccounts)
          .where(eq(exactAccounts.id, target.ID.toLowerCase()));
        if (row?.name === name) break;
        if (performance.now() - changed > 60_000) throw new Error(`change ${i} never reached the mirror`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      latencies.push(performance.now() - changed);
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    const p90 = sorted[Math.ceil(sorted.length * 0.9) - 1]!;
    return [
      "## Mirror freshness with Exact's webhooks",
      "",
      `A division of ${ACCOUNTS.toLocaleString("en-GB")} accounts, mirrored; the proxy subscribed to Exact's account webhooks. The simulator`,
      `changes one account every ${GAP_MS} ms and posts its signed notification to the proxy's HTTP server on loopback; the`,
      "proxy reads that one account back from Exact and writes it to the mirror. Time from the change in Exact to the",
      `new name in the mirror table, ${CHANGES} changes (${os.cpus().length} CPUs, 1-minute load ${os.loadavg()[0]!.toFixed(1)}):`,
      "",
      "| median | p90 | max |",
      "|---:|---:|---:|",
      `| ${ms(median)} | ${ms(p90)} | ${ms(sorted[sorted.length - 1]!)} |`,
      "",
      "Exact's own delivery delay is not simulated (unknown, see docs/exact-online.md); it adds to these figures.",
      "",
      figure(
        "freshness.webhook",
        `median ${ms(median)}, p90 ${ms(p90)} (simulator; Exact's delivery delay not included)`,
      ),
    ].join("\n");
  } finally {
    await server.close();
    await harness.close();
  }
}
