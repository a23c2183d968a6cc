/** Sends a request to the proxy: `app.request` in-process, or `fetch` against a running replica. */
export type SendToProxy = (path: string, init?: RequestInit) => Promise<Response>;

export const sendTo =
  (baseUrl: string): SendToProxy =>
  (path, init) =>
    fetch(`${baseUrl}${path}`, { redirect: "manual", ...init });

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

export interface BrowserConsent {
  /** The proxy's consent link, as the extension receives it. */
  consentPath: string;
  /** This browser's consent cookie (`name=value`). */
  cookie: string;
  /** Exact's redirect back to the proxy, with `code` and `state`. */
  callbackPath: string;
  state: string;
}

/**
 * A bookkeeper's browser giving consent against the simulator, which consents by itself: the consent link
 * from the proxy, opened in this browser (its cookie kept), Exact's consent page, back to the proxy's callback.
 * Stops before the callback so that a test can send it from this browser or another.
 */
export async function giveConsent(
  send: SendToProxy,
  bookkeeperToken: string,
  query = "",
): Promise<BrowserConsent> {
  const started = await send(`/v1/exact/connect?format=json${query}`, {
    headers: { authorization: `Bearer ${bookkeeperToken}` },
  });
  if (started.status !== 200) throw new Error(`connect: HTTP ${started.status} ${await started.text()}`);
  const consentPath = pathOf(((await started.json()) as { authorizeUrl: string }).authorizeUrl);
  const opened = await send(consentPath, { redirect: "manual" });
  const exactPage = opened.headers.get("location");
  const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (opened.status !== 302 || !exactPage) throw new Error(`consent page: HTTP ${opened.status}`);
  const consent = await fetch(exactPage, { redirect: "manual" });
  const back = consent.headers.get("location");
  if (consent.status !== 302 || !back) throw new Error(`Exact's consent: HTTP ${consent.status}`);
  const callbackPath = pathOf(back);
  return { consentPath, cookie, callbackPath, state: new URL(back).searchParams.get("state") ?? "" };
}

/** The callback in the browser holding `cookie` (none: another browser). */
export const receiveIn = (send: SendToProxy, consent: BrowserConsent, cookie = consent.cookie) =>
  send(consent.callbackPath, { redirect: "manual", headers: cookie ? { cookie } : {} });

/** The bookkeeper's answer on the confirmation page, from the browser holding `cookie`. */
export const answer = (
  send: SendToProxy,
  consent: BrowserConsent,
  decision: "connect" | "cancel" = "connect",
  cookie = consent.cookie,
) =>
  send("/exact/consent", {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams({ state: consent.state, decision }).toString(),
  });

/** The whole consent in one browser, confirmed: what the e2e and scale-out tests need before their own work. */
export async function connectLikeABrowser(send: SendToProxy, bookkeeperToken: string): Promise<Response> {
  const consent = await giveConsent(send, bookkeeperToken);
  const received = await receiveIn(send, consent);
  if (received.status !== 200) throw new Error(`callback: HTTP ${received.status} ${await received.text()}`);
  return answer(send, consent);
}
