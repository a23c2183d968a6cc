import type { BrowserContext, Page } from "@playwright/test";
import {
  insertExactAccount,
  linkViaApi,
  mirrorChanges,
  putCustomer,
  uniqueNumber,
} from "../e2e/support/exact-data";
import { accountPageUrl, serveSavedExactPages } from "../e2e/support/exact-pages";
import type { E2eStack } from "../e2e/support/stack";
import { connectedTenant } from "../e2e/support/tenant";

const HOST = "start.exactonline.nl";
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** One page load: when the panel first showed the state (perhaps the kept one, being checked) and when it was checked. */
export interface PanelLoad {
  /** From the start of the navigation to the end of the first frame that showed the state. */
  firstPaint: number;
  /** Whether that frame showed the state kept from an earlier answer, while the proxy was asked again. */
  fromCache: boolean;
  /** The same, to the end of the first frame of the state the proxy just confirmed. */
  confirmed: number;
  /** The page's own first paint, from the start of the navigation: when Exact's page appeared. */
  pagePaint: number;
  /** The page's own DOMContentLoaded, from the start of the navigation. */
  domContentLoaded: number;
}

/** Per link state the panel showed: its first frame, and the first one confirmed by the proxy. */
type FrameWatch = Record<string, { shown: { at: number; checking: boolean }; confirmed?: number }>;

/**
 * Runs in the page's own world as each document starts, before anything else in it, so that no frame goes unseen
 * while the test's process is still asking for the page. Every animation frame until a state is confirmed, it
 * looks for the panel (in its open shadow root) showing a link state as a person would see it: styled (docked in
 * the corner, which only its stylesheet does) and with a box inside the window. A state seen in a frame's callback
 * is what that frame paints; the time taken is the end of that frame (a message posted from the callback is
 * handled after the frame's rendering), not its start.
 */
function watchPanelFrames() {
  const watch: FrameWatch = {};
  (window as unknown as { zfxFrames: FrameWatch }).zfxFrames = watch;
  const afterFrame = new MessageChannel();
  let seen: { state: string; checking: boolean } | undefined;
  afterFrame.port1.onmessage = () => {
    if (!seen) return;
    const at = performance.now();
    const { state, checking } = seen;
    watch[state] ??= { shown: { at, checking } };
    if (!checking) watch[state].confirmed ??= at;
  };
  const frame = () => {
    const panel = document
      .querySelector("zapfloor-exact-panel")
      ?.shadowRoot?.querySelector<HTMLElement>("section[data-state]");
    const state = panel?.getAttribute("data-state");
    seen = undefined;
    if (
      panel &&
      (state === "linked" || state === "unlinked") &&
      getComputedStyle(panel).position === "fixed"
    ) {
      const box = panel.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.top < innerHeight && box.left < innerWidth) {
        seen = { state, checking: panel.hasAttribute("data-checking") };
        afterFrame.port2.postMessage(null);
        if (!seen.checking) return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One page load, timed inside the page: `performance.now()` counts from the navigation's start. */
async function timeToState(page: Page, url: string, state: "linked" | "unlinked"): Promise<PanelLoad> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (wanted) => {
      const seen = (window as unknown as { zfxFrames?: FrameWatch }).zfxFrames?.[wanted];
      if (seen?.confirmed === undefined) return null;
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const pagePaint = performance.getEntriesByName("first-paint")[0]?.startTime;
      if (pagePaint === undefined) return null;
      // A frame made before the page's first one reached the screen is seen only with it.
      return {
        firstPaint: Math.max(seen.shown.at, pagePaint),
        fromCache: seen.shown.checking,
        confirmed: Math.max(seen.confirmed, pagePaint),
        pagePaint,
        domContentLoaded: navigation.domContentLoadedEventEnd,
      };
    },
    state,
    { polling: 50, timeout: 30_000 },
  );
  return (await handle.jsonValue()) as PanelLoad;
}

/** Loads an account page `runs` times for a linked and for an unlinked account; milliseconds per load. */
export async function benchPanelLoad(
  context: BrowserContext,
  stack: E2eStack,
  runs: number,
): Promise<{ linked: PanelLoad[]; unlinked: PanelLoad[] }> {
  progress("Setting up a tenant, a linked and an unlinked account…");
  const tenant = await connectedTenant(stack, "bench panel");
  const number = uniqueNumber();
  const linked = await insertExactAccount(stack, { Name: "Bench Linked BV", Code: number });
  const unlinked = await insertExactAccount(stack, { Name: "Bench Unlinked BV", Code: uniqueNumber() });
  await putCustomer(stack, tenant, number, { name: "Bench Linked", country: "NL" });
  await mirrorChanges(stack, tenant);
  await linkViaApi(stack, tenant, linked.id, number);

  const worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"))!;
  await worker.evaluate(
    (settings) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set(settings),
    { proxySettings: { url: stack.proxyUrl, token: tenant.tokens.bookkeeper }, panelCollapsed: false },
  );
  const page = await context.newPage();
  await serveSavedExactPages(page, HOST);
  // As source: tsx wraps the function's inner functions in a naming helper the page does not have.
  await page.addInitScript({ content: `(() => { const __name = (f) => f; (${watchPanelFrames})(); })();` });

  const times = { linked: [] as PanelLoad[], unlinked: [] as PanelLoad[] };
  for (let run = 1; run <= runs; run++) {
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
    const line = (load: PanelLoad) =>
      `${Math.round(load.firstPaint)} ms${load.fromCache ? " (kept state)" : ""} (page ${Math.round(load.pagePaint)} ms), confirmed ${Math.round(load.confirmed)} ms`;
    progress(
      `  run ${run}/${runs}: linked ${line(times.linked.at(-1)!)}; unlinked ${line(times.unlinked.at(-1)!)}`,
    );
  }
  await page.close();
  return times;
}
