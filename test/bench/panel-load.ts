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

/** One page load: when the panel first painted the state (perhaps the kept one, being checked) and when it was checked. */
export interface PanelLoad {
  /** From the start of the navigation to the first frame showing the state. */
  firstPaint: number;
  /** Whether that frame showed the state kept from an earlier answer, while the proxy was asked again. */
  fromCache: boolean;
  /** The same, to the first frame of the state the proxy just confirmed. */
  confirmed: number;
  /** The page's own DOMContentLoaded, from the start of the navigation: before it, no content script runs. */
  domContentLoaded: number;
}

/**
 * One page load, timed inside the page: `performance.now()` counts from the navigation's start, and the
 * check runs every animation frame until the panel (in its open shadow root) shows the state, confirmed.
 */
async function timeToState(page: Page, url: string, state: "linked" | "unlinked"): Promise<PanelLoad> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (wanted) => {
      const seen = window as unknown as { zfxFirstPaint?: number; zfxFromCache?: boolean };
      const panel = document
        .querySelector("zapfloor-exact-panel")
        ?.shadowRoot?.querySelector("section[data-state]");
      if (panel?.getAttribute("data-state") !== wanted) return null;
      const checking = panel.hasAttribute("data-checking");
      if (seen.zfxFirstPaint === undefined) {
        seen.zfxFirstPaint = performance.now();
        seen.zfxFromCache = checking;
      }
      if (checking) return null;
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        firstPaint: seen.zfxFirstPaint,
        fromCache: seen.zfxFromCache === true,
        confirmed: performance.now(),
        domContentLoaded: navigation.domContentLoadedEventEnd,
      };
    },
    state,
    { polling: "raf", timeout: 30_000 },
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
      `${Math.round(load.firstPaint)} ms${load.fromCache ? " (kept state)" : ""}, confirmed ${Math.round(load.confirmed)} ms`;
    progress(
      `  run ${run}/${runs}: linked ${line(times.linked.at(-1)!)}; unlinked ${line(times.unlinked.at(-1)!)}`,
    );
  }
  await page.close();
  return times;
}
