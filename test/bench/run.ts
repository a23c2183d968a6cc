// `pnpm --filter @zapfloor-exact/e2e bench`: the content script's size and the account panel's time from
// page load to its linked / unlinked state, in Chromium with the built extension, the real proxy and the
// simulator. Progress goes to stderr; stdout gets only the Markdown section for BENCHMARKS.md.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import {
  insertExactAccount,
  linkViaApi,
  mirrorChanges,
  putCustomer,
  uniqueNumber,
} from "../e2e/support/exact-data";
import { accountPageUrl, serveSavedExactPages } from "../e2e/support/exact-pages";
import { extensionWorker, launchExtensionBrowser } from "../e2e/support/extension-browser";
import { ensureExtensionBuilt } from "../e2e/support/extension-build";
import { freePort } from "../e2e/support/free-port";
import { builtExtensionDir } from "../e2e/support/paths";
import { startProxy } from "../e2e/support/proxy-process";
import { connectedTenant } from "../e2e/support/tenant";

const RUNS = 20;
const HOST = "start.exactonline.nl";
const progress = (line: string) => process.stderr.write(`${line}\n`);

function gzipped(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path.join(builtExtensionDir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * One page load, timed inside the page: `performance.now()` counts from the navigation's start, and the
 * check runs every animation frame until the panel (in its open shadow root) shows the state.
 */
async function timeToState(page: Page, url: string, state: "linked" | "unlinked"): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (wanted) => {
      const panel = document
        .querySelector("zapfloor-exact-panel")
        ?.shadowRoot?.querySelector("section[data-state]");
      return panel?.getAttribute("data-state") === wanted ? performance.now() : null;
    },
    state,
    { polling: "raf", timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  progress("Building the extension when stale…");
  ensureExtensionBuilt();
  const script = gzipped("content-scripts/exact-account.js");
  const style = gzipped("content-scripts/exact-account.css");

  const dataDir = mkdtempSync(path.join(tmpdir(), "zfx-bench-"));
  const proxy = await startProxy({ port: await freePort(), simPort: await freePort(), dataDir });
  const userDataDir = mkdtempSync(path.join(tmpdir(), "zfx-bench-chromium-"));
  const context = await launchExtensionBrowser(userDataDir);
  try {
    const stack = {
      proxyUrl: proxy.proxyUrl,
      simUrl: proxy.simUrl,
      databaseUrl: proxy.databaseUrl,
      secretKey: proxy.secretKey,
      proxyLogFile: proxy.logFile,
    };
    progress("Setting up a tenant, a linked and an unlinked account…");
    const tenant = await connectedTenant(stack, "bench");
    const number = uniqueNumber();
    const linked = await insertExactAccount(stack, { Name: "Bench Linked BV", Code: number });
    const unlinked = await insertExactAccount(stack, { Name: "Bench Unlinked BV", Code: uniqueNumber() });
    await putCustomer(stack, tenant, number, { name: "Bench Linked", country: "NL" });
    await mirrorChanges(stack, tenant);
    await linkViaApi(stack, tenant, linked.id, number);

    const worker = await extensionWorker(context);
    await worker.evaluate(
      (settings) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set(settings),
      { proxySettings: { url: proxy.proxyUrl, token: tenant.tokens.bookkeeper }, panelCollapsed: false },
    );
    const page = await context.newPage();
    await serveSavedExactPages(page, HOST);

    const times = { linked: [] as number[], unlinked: [] as number[] };
    for (let run = 1; run <= RUNS; run++) {
      for (const [state, account] of [
        ["linked", linked],
        ["unlinked", unlinked],
      ] as const) {
        const url = accountPageUrl(HOST, "CRMAccountCard.aspx", "%7b…%7d", {
          division: tenant.division,
          accountId: account.id,
        });
        times[state].push(await timeToState(page, url, state));
      }
      progress(
        `  run ${run}/${RUNS}: linked ${ms(times.linked.at(-1)!)}, unlinked ${ms(times.unlinked.at(-1)!)}`,
      );
    }

    const row = (label: string, values: number[]) =>
      `| ${label} | ${ms(median(values))} | ${ms(Math.min(...values))} | ${ms(percentile(values, 90))} | ${ms(Math.max(...values))} |`;
    process.stdout.write(
      [
        "## Browser extension (Chromium, built extension, real proxy, simulator)",
        "",
        "| content script | raw | gzipped |",
        "|---|---|---|",
        `| exact-account.js | ${kb(script.raw)} | ${kb(script.gzip)} |`,
        `| exact-account.css (into the shadow root) | ${kb(style.raw)} | ${kb(style.gzip)} |`,
        "",
        `Account panel, from the start of the page's navigation to the panel showing the link state (${RUNS} page loads each, one browser, warm proxy):`,
        "",
        "| state | median | min | p90 | max |",
        "|---|---|---|---|---|",
        row("linked", times.linked),
        row("unlinked (with candidates and search)", times.unlinked),
        "",
      ].join("\n"),
    );
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await proxy.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
