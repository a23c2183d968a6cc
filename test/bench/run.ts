// `pnpm --filter @zapfloor-exact/e2e bench`: the content script's size, the account panel's time from page
// load to its linked / unlinked state, and the Accounts Overview on 100,000 accounts — in Chromium with the
// built extension, the real proxy and the simulator. Progress goes to stderr; stdout gets only the Markdown
// section for BENCHMARKS.md. `bench panel` or `bench overview` runs that part alone (its rows only; a
// partial section is for comparing before and after, not for BENCHMARKS.md).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { extensionWorker, launchExtensionBrowser } from "../e2e/support/extension-browser";
import { ensureExtensionBuilt } from "../e2e/support/extension-build";
import { freePort } from "../e2e/support/free-port";
import { builtExtensionDir } from "../e2e/support/paths";
import { startProxy } from "../e2e/support/proxy-process";
import { figure } from "./figures";
import { benchOverview } from "./overview-scroll";
import { benchPanelLoad } from "./panel-load";

const RUNS = 20;
const PARTS = ["panel", "overview"] as const;
const asked = process.argv.slice(2).filter((arg) => arg !== "--");
for (const part of asked) {
  if (!(PARTS as readonly string[]).includes(part)) {
    throw new Error(`Unknown bench part "${part}"; the parts are ${PARTS.join(", ")}.`);
  }
}
const runs = (part: (typeof PARTS)[number]) => asked.length === 0 || asked.includes(part);

function sizes(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path.join(builtExtensionDir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => {
  const s = sorted(values);
  const middle = s.length >> 1;
  return s.length % 2 ? s[middle]! : (s[middle - 1]! + s[middle]!) / 2;
};
const p90 = (values: number[]) => sorted(values)[Math.ceil(values.length * 0.9) - 1]!;
const ms = (value: number) => `${Math.round(value).toLocaleString("en-GB")} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  process.stderr.write("Building the extension when stale…\n");
  ensureExtensionBuilt();
  const script = sizes("content-scripts/exact-account.js");
  const style = sizes("content-scripts/exact-account.css");

  const dataDir = mkdtempSync(path.join(tmpdir(), "zfx-bench-"));
  // The simulator at Exact's own minutely limit (the e2e stack raises it), as when these figures were first taken.
  const proxy = await startProxy({
    port: await freePort(),
    simPort: await freePort(),
    dataDir,
    env: { SIM_MINUTELY_LIMIT: "60" },
  });
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
    const extensionId = new URL((await extensionWorker(context)).url()).host;
    const panel = runs("panel") ? await benchPanelLoad(context, stack, RUNS) : null;
    const overview = runs("overview") ? await benchOverview(context, stack, extensionId) : null;

    process.stdout.write(
      [
        "## Browser extension (Chromium, built extension, real proxy, simulator)",
        "",
        "| content script | raw | gzipped |",
        "|---|---|---|",
        `| exact-account.js | ${kib(script.raw)} | ${kib(script.gzip)} |`,
        `| exact-account.css (into the shadow root) | ${kib(style.raw)} | ${kib(style.gzip)} |`,
        "",
        ...(panel ? panelRows(panel) : []),
        ...(overview ? overviewRows(overview) : []),
        figure("extension.gzip", kib(script.gzip)),
        ...(overview ? [figure("overview.first", ms(overview.firstRowsMs))] : []),
        ...(panel ? [panelFigure(panel)] : []),
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

const row = (label: string, values: number[]) =>
  `| ${label} | ${ms(median(values))} | ${ms(Math.min(...values))} | ${ms(p90(values))} | ${ms(Math.max(...values))} |`;

type PanelLoads = Awaited<ReturnType<typeof benchPanelLoad>>;

/** From the second load of each account on, the panel has the state it was last told. */
function loadsAgain(panel: PanelLoads) {
  const again = [...panel.linked.slice(1), ...panel.unlinked.slice(1)];
  return {
    again,
    kept: again.filter((load) => load.fromCache),
    firstPaint: again.map((load) => load.firstPaint),
    afterPagePaint: again.map((load) => load.firstPaint - load.pagePaint),
    confirmedAgain: again.map((load) => load.confirmed),
  };
}

function panelRows(panel: PanelLoads): string[] {
  const loads = [...panel.linked, ...panel.unlinked];
  const { again, kept, firstPaint, afterPagePaint, confirmedAgain } = loadsAgain(panel);
  return [
    `Account panel, from the start of the page's navigation to the end of the first frame showing the link state, styled and on screen (${RUNS} page loads each, one browser, warm proxy):`,
    "",
    "| state | median | min | p90 | max |",
    "|---|---|---|---|---|",
    row(
      "linked",
      panel.linked.map((load) => load.confirmed),
    ),
    row(
      "unlinked (with candidates and search)",
      panel.unlinked.map((load) => load.confirmed),
    ),
    "",
    `The same accounts again (${again.length} loads of pages the panel showed before): it paints the state it was last told at once, marked as being checked, then the proxy's answer; when that answer is there as soon, it paints that instead. ${kept.length} of ${again.length} loads painted the kept state first.`,
    "",
    "| an account shown before: the panel's first frame of its state | median | min | p90 | max |",
    "|---|---|---|---|---|",
    row("after the page's own first paint (0: in the page's first frame)", afterPagePaint),
    row("from the start of the page's navigation", firstPaint),
    row("confirmed by the proxy, from the start of the navigation", confirmedAgain),
    `| page's own first paint, from the start of the navigation | ${ms(median(loads.map((load) => load.pagePaint)))} | | | |`,
    `| page's own DOMContentLoaded, from the start of the navigation | ${ms(median(loads.map((load) => load.domContentLoaded)))} | | | |`,
    "",
  ];
}

function panelFigure(panel: PanelLoads): string {
  const { again, kept, firstPaint, afterPagePaint, confirmedAgain } = loadsAgain(panel);
  return figure(
    "panel.cached",
    `${ms(median(afterPagePaint))} after the page's own first paint (${ms(median(firstPaint))} from navigation start; the kept state first in ${kept.length} of ${again.length}), confirmed at ${ms(median(confirmedAgain))}`,
  );
}

function overviewRows(overview: Awaited<ReturnType<typeof benchOverview>>): string[] {
  return [
    `Accounts Overview on a division of 100,000 accounts, of which it lists the ${overview.listedRows.toLocaleString("en-GB")} customers:`,
    "",
    "| what | figure |",
    "|---|---|",
    `| mirror the division (proxy, full load from the simulator) | ${ms(overview.mirrorMs)} |`,
    `| first rows on screen, right after the division's first load, its index not built yet (the first page read from the database): told by the page in the frame that shows them / seen by a locator's wait | ${ms(overview.firstRowsMs)} / ${ms(overview.firstRowsLocatorMs)} |`,
    `| of which, from the page's navigation start: request for the first page sent / answer received (proxy's own time) / divisions received / rows painted | ${ms(overview.firstRowsPhases.requestSent)} / ${ms(overview.firstRowsPhases.answerReceived)} (${ms(overview.firstRowsPhases.proxyMs)}) / ${ms(overview.firstRowsPhases.divisionsReceived)} / ${ms(overview.firstRowsPhases.rowsPainted)} |`,
    `| every row loaded by scrolling to the end (pages of 500) | ${ms(overview.allLoadedMs)} |`,
    `| frame interval while scrolling through every row, steps and jumps (median / p95 / max) | ${ms(overview.frames.median)} / ${ms(overview.frames.p95)} / ${ms(overview.frames.max)} |`,
    `| rows in the DOM at most | ${overview.maxRenderedRows} |`,
    "",
  ];
}

await main();
