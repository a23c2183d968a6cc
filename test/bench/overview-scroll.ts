import { readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { BrowserContext, Page, Worker } from "@playwright/test";
import type { E2eStack } from "../e2e/support/stack";
import { connectedTenant, syncDivision } from "../e2e/support/tenant";
import { simControl } from "./sim-control";

const ACCOUNTS = 100_000;
const DIVISION = 9_100_000;
const FRAMES = 240;

export interface OverviewFigures {
  mirrorMs: number;
  firstRowsMs: number;
  /** The same, as a locator's wait first saw them. */
  firstRowsLocatorMs: number;
  firstRowsPhases: FirstRowsPhases;
  allLoadedMs: number;
  frames: { median: number; p95: number; max: number };
  maxRenderedRows: number;
  /** The rows the overview lists: the division's customer accounts (the generator makes some prospects etc.). */
  listedRows: number;
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Where the time to the first rows goes, each from the start of the page's navigation (the page's clock): the
 * background's request for the first page sent to the proxy and its answer received (the service worker's
 * resource timing), the end of the first frame showing a row, and the proxy's own time for that request (its
 * request log).
 */
export interface FirstRowsPhases {
  domContentLoaded: number;
  pagePaint: number;
  requestSent: number;
  answerReceived: number;
  /** The divisions (the page shows the list once it has them too) received by the background. */
  divisionsReceived: number;
  rowsPainted: number;
  proxyMs: number;
}

/**
 * Runs in the overview page as its document starts (as source, see `scrollFrames`). Every animation frame until
 * then, it looks for a row of the list inside the window; the time taken is the end of the frame that shows it
 * (a message posted from the frame's callback is handled after the frame's rendering), and the bench is told at
 * once (`zfxRowsShown`, exposed to the page).
 */
const WATCH_FIRST_ROW = `(() => {
  const afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = () => { window.zfxRowsPainted = performance.now(); window.zfxRowsShown(); };
  const frame = () => {
    const box = document.querySelector(".zfx-vlist__row")?.getBoundingClientRect();
    if (box && box.height > 0 && box.top < innerHeight) return afterFrame.port2.postMessage(null);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** The overview's pages: GET /v1/divisions/{division}/accounts. */
const PAGE_PATH = `/v1/divisions/${DIVISION}/accounts`;

/** The proxy's time for the first page in the log lines written after `offset`. */
function proxyTimeOfFirstPage(logFile: string, offset: number): number {
  const added = readFileSync(logFile).subarray(offset).toString("utf8");
  for (const line of added.split("\n")) {
    if (!line.includes(`"${PAGE_PATH}"`)) continue;
    const entry = JSON.parse(line) as { msg?: string; path?: string; ms?: number };
    if (entry.msg === "request" && entry.path === PAGE_PATH && typeof entry.ms === "number") return entry.ms;
  }
  return Number.NaN;
}

type RequestTiming = { startTime: number; responseEnd: number };

/** The phases of the first rows' load just measured (see `FirstRowsPhases`). */
async function firstRowsPhases(
  page: Page,
  worker: Worker,
  logFile: string,
  logOffset: number,
): Promise<FirstRowsPhases> {
  // Evaluated by the browser itself: the extension's pages allow no eval, which a wait for a function would use.
  const inPage = (await page.evaluate(`(() => {
    const navigation = performance.getEntriesByType("navigation")[0];
    return { timeOrigin: performance.timeOrigin, rowsPainted: window.zfxRowsPainted,
      pagePaint: performance.getEntriesByName("first-paint")[0]?.startTime ?? 0,
      domContentLoaded: navigation.domContentLoadedEventEnd };
  })()`)) as {
    timeOrigin: number;
    rowsPainted: number;
    pagePaint: number;
    domContentLoaded: number;
  };
  const requests = (await worker.evaluate(`(() => {
    const timing = (path) => {
      const entry = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === path);
      return entry && { startTime: entry.startTime, responseEnd: entry.responseEnd };
    };
    return { timeOrigin: performance.timeOrigin, page: timing("${PAGE_PATH}"), divisions: timing("/v1/divisions") };
  })()`)) as { timeOrigin: number; page?: RequestTiming; divisions?: RequestTiming };
  const { page: request, divisions } = requests;
  if (!request || !divisions)
    throw new Error("The background's resource timing misses the page's first requests.");
  const shift = requests.timeOrigin - inPage.timeOrigin;
  return {
    domContentLoaded: inPage.domContentLoaded,
    pagePaint: inPage.pagePaint,
    requestSent: request.startTime + shift,
    answerReceived: request.responseEnd + shift,
    divisionsReceived: divisions.responseEnd + shift,
    rowsPainted: Math.max(inPage.rowsPainted, inPage.pagePaint),
    proxyMs: proxyTimeOfFirstPage(logFile, logOffset),
  };
}

/**
 * Scrolls to the end until every row is loaded (each time near the end the page asks for the next 500);
 * returns how many rows the overview lists (the division's customer accounts).
 */
async function loadEveryRow(page: Page): Promise<number> {
  const deadline = performance.now() + 300_000;
  let reported = performance.now();
  while (performance.now() < deadline) {
    const state = await page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>(".zfx-vlist");
      if (viewport) viewport.scrollTop = viewport.scrollHeight;
      return {
        rows: Number(document.querySelector(".zfx-vlist__row")?.getAttribute("aria-setsize") ?? 0),
        footer: document.querySelector(".zfx-vlist__footer")?.textContent ?? "",
        problem: document.querySelector("[role=alert]")?.textContent ?? null,
      };
    });
    // The footer says "N accounts" once the proxy has no next page ("N accounts loaded" before).
    if (state.rows > 0 && state.footer === `${state.rows} accounts`) return state.rows;
    if (state.problem) throw new Error(`The overview failed: ${state.problem}`);
    if (performance.now() - reported > 10_000) {
      progress(`  … ${state.rows.toLocaleString("en-GB")} rows (${state.footer})`);
      reported = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("Not every row was loaded within 5 minutes.");
}

/**
 * Scrolls through the loaded list one step per animation frame, half in small steps and half in long jumps,
 * and measures the time between frames (what a person sees as smooth or not) and the rows in the DOM.
 */
async function scrollFrames(page: Page): Promise<{ intervals: number[]; maxRows: number }> {
  // A string, not a function: tsx names inner functions with a helper that does not exist in the page.
  const script = `new Promise((resolve) => {
    const viewport = document.querySelector(".zfx-vlist");
    const intervals = [];
    let maxRows = 0;
    let last = performance.now();
    let frame = 0;
    function step(now) {
      intervals.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, document.querySelectorAll(".zfx-vlist__row").length);
      viewport.scrollTop = frame % 2 === 1 ? Math.random() * viewport.scrollHeight : viewport.scrollTop + 400;
      if (++frame < ${FRAMES}) requestAnimationFrame(step);
      else resolve({ intervals: intervals.slice(1), maxRows });
    }
    requestAnimationFrame(step);
  })`;
  return page.evaluate(script) as Promise<{ intervals: number[]; maxRows: number }>;
}

/** The Accounts Overview on a division of 100,000 customer accounts. */
export async function benchOverview(
  context: BrowserContext,
  stack: E2eStack,
  extensionId: string,
): Promise<OverviewFigures> {
  progress(`Adding a division of ${ACCOUNTS.toLocaleString("en-GB")} accounts to the simulator…`);
  // The proxy keeps Exact's 60 calls a minute; the simulator need not slow the load down further.
  await simControl(stack, "PUT", "/rate-limits", { minutely: 1_000_000, daily: 100_000_000 });
  await simControl(stack, "POST", "/divisions", {
    code: DIVISION,
    name: "Bench 100k",
    accounts: ACCOUNTS,
    country: "NL",
  });
  let started = performance.now();
  const tenant = await connectedTenant(stack, "bench overview");
  await syncDivision(stack, tenant.tokens.bookkeeper, DIVISION);
  const mirrorMs = performance.now() - started;
  progress(`  mirrored in ${Math.round(mirrorMs)} ms`);

  const worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"))!;
  await worker.evaluate(
    (settings) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set(settings),
    { proxySettings: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper }, languagePreference: "en" },
  );
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  let shown!: () => void;
  const rowsShown = new Promise<void>((resolve) => {
    shown = resolve;
  });
  await page.exposeFunction("zfxRowsShown", () => shown());
  await page.addInitScript({ content: WATCH_FIRST_ROW });
  await worker.evaluate(() => performance.clearResourceTimings());
  const logOffset = statSync(stack.proxyLogFile).size;
  started = performance.now();
  await page.goto(`chrome-extension://${extensionId}/overview.html?division=${DIVISION}`);
  // Told by the page in the frame that shows them: a locator's wait checks again after 20, 50, 100, 100 and then
  // every 500 ms, which would count up to half a second after the rows showed.
  const [firstRowsMs, locatorMs] = await Promise.all([
    rowsShown.then(() => performance.now() - started),
    page
      .locator(".zfx-vlist__row")
      .first()
      .waitFor()
      .then(() => performance.now() - started),
  ]);
  const phases = await firstRowsPhases(page, worker, stack.proxyLogFile, logOffset);
  const at = (value: number) => `${Math.round(value)} ms`;
  progress(
    `  first rows after ${Math.round(firstRowsMs)} ms (seen by a locator's wait: ${Math.round(locatorMs)} ms; from the navigation's start: DOMContentLoaded ${at(phases.domContentLoaded)}, ` +
      `first paint ${at(phases.pagePaint)}, request sent ${at(phases.requestSent)}, answer received ${at(phases.answerReceived)} ` +
      `(proxy ${at(phases.proxyMs)}), divisions received ${at(phases.divisionsReceived)}, rows painted ${at(phases.rowsPainted)}); loading every row…`,
  );
  started = performance.now();
  const listedRows = await loadEveryRow(page);
  const allLoadedMs = performance.now() - started;
  progress(`  all rows after ${Math.round(allLoadedMs)} ms; scrolling…`);
  const { intervals, maxRows } = await scrollFrames(page);
  await page.close();
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    mirrorMs,
    firstRowsMs,
    firstRowsLocatorMs: locatorMs,
    firstRowsPhases: phases,
    allLoadedMs,
    frames: {
      median: sorted[sorted.length >> 1]!,
      p95: sorted[Math.ceil(sorted.length * 0.95) - 1]!,
      max: sorted.at(-1)!,
    },
    maxRenderedRows: maxRows,
    listedRows,
  };
}
