// `pnpm --filter @zapfloor-exact/proxy bench`: each module measures one thing and returns a Markdown section.
// Sections go to stdout (collected into BENCHMARKS.md); progress goes to stderr.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import accountLookup from "./account-lookup";
import exactCalls from "./exact-calls";
import freshness from "./freshness";
import manyDivisions from "./many-divisions";
import overviewCounts from "./overview-counts";
import salesEntries from "./sales-entries";
import startUp from "./start-up";
import webhooks from "./webhooks";

export type Bench = () => Promise<string>;

const benches: [string, Bench][] = [
  ["Exact calls of the account mirror", exactCalls],
  ["Exact calls per pushed sales entry", salesEntries],
  ["Account-link lookup under load", accountLookup],
  ["Many divisions in one replica", manyDivisions],
  ["Overview counts per state", overviewCounts],
  ["Proxy start-up", startUp],
  ["Webhook delivery", webhooks],
  ["Mirror freshness with Exact's webhooks", freshness],
];

// Each benchmark runs in a process of its own: what one leaves on the heap (a database, a simulator, its
// indexes) must not count in the next one's heap figures.
const only = process.argv[2];
const exact = process.env.BENCH_EXACT_NAME;
const chosen = benches.filter(([name]) =>
  exact ? name === exact : !only || name.toLowerCase().includes(only.toLowerCase()),
);
for (const [name, bench] of chosen) {
  if (chosen.length === 1) {
    process.stderr.write(`[bench] ${name}\n`);
    process.stdout.write(`${await bench()}\n\n`);
    continue;
  }
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_EXACT_NAME: name },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the benchmark "${name}" failed (exit ${run.status})`);
  process.stdout.write(run.stdout);
}
