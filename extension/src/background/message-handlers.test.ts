import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "#imports";
import { errorBody, fakeProxyFetch, HEALTHY, NOT_CONNECTED } from "../testing/fake-proxy";
import { linkedDetail } from "../testing/sample-data";
import { proxySettings, proxySettingsRevision } from "../utils/storage";
import { indexedDbAccountCache } from "./account-cache";
import { type BackgroundDeps, createMessageHandlers } from "./message-handlers";

const sender = {};
const GUID = "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42";

function backgroundDeps(overrides: Partial<BackgroundDeps> = {}): BackgroundDeps {
  return {
    loadSettings: () => proxySettings.getValue(),
    saveSettings: (settings) => proxySettings.setValue(settings),
    hasOriginPermission: async () => true,
    openOptionsPage: vi.fn(async () => {}),
    openTab: vi.fn(async () => {}),
    extensionUrl: (path) => `chrome-extension://abc${path}`,
    setBadge: vi.fn(async () => {}),
    fetch: fakeProxyFetch({ "GET /health": HEALTHY, "GET /v1/exact/connection": NOT_CONNECTED }),
    accountCache: indexedDbAccountCache(),
    settingsRevision: () => proxySettingsRevision.getValue(),
    ...overrides,
  };
}

describe("background message handlers", () => {
  beforeEach(() => fakeBrowser.reset());

  it("reports the proxy as not configured before anything was saved", async () => {
    const deps = backgroundDeps();
    expect(await createMessageHandlers(deps).getProxyHealth(undefined, sender)).toEqual({
      state: "not_configured",
    });
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it("checks the saved proxy with the saved token", async () => {
    await proxySettings.setValue({ url: "http://127.0.0.1:8787", token: "bookkeeper-token" });
    const deps = backgroundDeps();
    expect(await createMessageHandlers(deps).getProxyHealth(undefined, sender)).toEqual({
      state: "healthy",
      version: "0.1.0",
    });
    const [url, init] = vi.mocked(deps.fetch).mock.calls[1]!;
    expect(url).toBe("http://127.0.0.1:8787/v1/exact/connection");
    expect(init?.headers).toMatchObject({ Authorization: "Bearer bookkeeper-token" });
  });

  it("tests settings that were not saved, without saving them", async () => {
    const deps = backgroundDeps({ hasOriginPermission: async () => false });
    const settings = { url: "https://link.example.com", token: "" };
    expect(await createMessageHandlers(deps).testProxyConnection(settings, sender)).toEqual({
      state: "permission_missing",
      origin: "https://link.example.com",
    });
    expect(await proxySettings.getValue()).toEqual({ url: "", token: "" });
  });

  it("answers an account request with the problem when nothing is configured", async () => {
    const handlers = createMessageHandlers(backgroundDeps());
    expect(await handlers.getAccount({ division: 1, accountId: GUID }, sender)).toEqual({
      ok: false,
      problem: { kind: "not_configured" },
    });
  });

  it("links through the saved proxy", async () => {
    await proxySettings.setValue({ url: "http://127.0.0.1:8787", token: "t" });
    const fetch = fakeProxyFetch({
      [`PUT /v1/divisions/1234567/accounts/${GUID}/link`]: (_, body) => [
        200,
        {
          ...linkedDetail({
            link: {
              ...linkedDetail().link!,
              customerNumber: (body as { customerNumber: string }).customerNumber,
            },
          }),
          searchCodeResult: { outcome: "already_set", searchCode: "77", message: "The SearchCode is 77." },
        },
      ],
    });
    const handlers = createMessageHandlers(backgroundDeps({ fetch }));
    const result = await handlers.linkAccount(
      { division: 1234567, accountId: GUID, customerNumber: "77" },
      sender,
    );
    expect(result.ok && result.value.link?.customerNumber).toBe("77");
  });

  it("keeps the last answer about an account for the panel, only for the settings it was read with", async () => {
    await proxySettings.setValue({ url: "http://127.0.0.1:8787", token: "t" });
    const ref = { division: 1234567, accountId: GUID };
    let linkedTo = "1042";
    const fetch = fakeProxyFetch({
      [`GET /v1/divisions/1234567/accounts/${GUID}`]: () => [
        200,
        linkedDetail({ link: { ...linkedDetail().link!, customerNumber: linkedTo } }),
      ],
      [`DELETE /v1/divisions/1234567/accounts/${GUID}/link`]: () => [200, { ...linkedDetail(), link: null }],
    });
    const handlers = createMessageHandlers(backgroundDeps({ fetch }));
    expect(await handlers.getCachedAccount(ref, sender)).toBeNull();
    await handlers.getAccount(ref, sender);
    expect((await handlers.getCachedAccount(ref, sender))?.detail.link?.customerNumber).toBe("1042");
    linkedTo = "2002";
    await handlers.getAccount(ref, sender);
    expect((await handlers.getCachedAccount(ref, sender))?.detail.link?.customerNumber).toBe("2002");
    // A change the panel made is what it paints next time.
    await handlers.unlinkAccount(ref, sender);
    expect((await handlers.getCachedAccount(ref, sender))?.detail.link).toBeNull();
    // Other settings (perhaps another tenant's token): nothing read before is shown.
    await proxySettings.setValue({ url: "http://127.0.0.1:8787", token: "other" });
    expect(await handlers.getCachedAccount(ref, sender)).toBeNull();
    // Nothing of it where content scripts can read.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain("1042");
  });

  it("starts Exact's consent in a new tab, on the chosen country host, its pages in the extension's language", async () => {
    await proxySettings.setValue({ url: "http://127.0.0.1:8787", token: "t" });
    const fetch = fakeProxyFetch({
      "GET /v1/exact/connect": (url) => [
        200,
        {
          authorizeUrl: `https://link.example.com/exact/consent?host=${url.searchParams.get("host")}&lang=${url.searchParams.get("lang")}&returnTo=${url.searchParams.get("returnTo")}`,
          expiresAt: "2026-11-25T23:00:00.000Z",
        },
      ],
    });
    const deps = backgroundDeps({ fetch });
    const result = await createMessageHandlers(deps).connectExact(
      { host: "start.exactonline.be", lang: "fr" },
      sender,
    );
    expect(result).toEqual({ ok: true, value: null });
    expect(deps.openTab).toHaveBeenCalledWith(
      "https://link.example.com/exact/consent?host=start.exactonline.be&lang=fr&returnTo=null",
    );
  });

  it("does not open a tab when the proxy refuses to start the consent", async () => {
    await proxySettings.setValue({ url: "http://127.0.0.1:8787", token: "t" });
    const fetch = fakeProxyFetch({
      "GET /v1/exact/connect": [403, errorBody("forbidden", "Bookkeepers only.")],
    });
    const deps = backgroundDeps({ fetch });
    const result = await createMessageHandlers(deps).connectExact(
      { host: "start.exactonline.nl", lang: "nl" },
      sender,
    );
    expect(result).toEqual({ ok: false, problem: { kind: "forbidden", message: "Bookkeepers only." } });
    expect(deps.openTab).not.toHaveBeenCalled();
  });

  it("exchanges a pairing code without a token and saves the proxy URL with the token it answers", async () => {
    const fetch = fakeProxyFetch({
      "POST /v1/pairing/exchange": (_, body) =>
        (body as { code: string }).code === "K7QM-3XPA"
          ? [
              200,
              { token: "paired-token", role: "bookkeeper", label: "bookkeeper (paired)", tenantName: "Acme" },
            ]
          : [
              400,
              errorBody("validation", "This pairing code is not valid, was used already or has expired."),
            ],
    });
    const handlers = createMessageHandlers(backgroundDeps({ fetch }));

    const wrong = await handlers.pairWithCode({ url: "http://127.0.0.1:8787/", code: "AAAA-AAAA" }, sender);
    expect(wrong).toMatchObject({ ok: false, problem: { kind: "failed", httpStatus: 400 } });
    expect(await proxySettings.getValue()).toEqual({ url: "", token: "" });

    const paired = await handlers.pairWithCode({ url: "http://127.0.0.1:8787/", code: "K7QM-3XPA" }, sender);
    expect(paired).toEqual({ ok: true, value: { tenantName: "Acme" } });
    expect(await proxySettings.getValue()).toEqual({ url: "http://127.0.0.1:8787", token: "paired-token" });
    const [, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(init?.headers).not.toHaveProperty("Authorization");
  });

  it("does not pair with a proxy the browser has not allowed", async () => {
    const deps = backgroundDeps({ hasOriginPermission: async () => false });
    const result = await createMessageHandlers(deps).pairWithCode(
      { url: "https://link.example.com", code: "K7QM-3XPA" },
      sender,
    );
    expect(result).toEqual({
      ok: false,
      problem: { kind: "permission_missing", origin: "https://link.example.com" },
    });
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it("opens the overview on a division", async () => {
    const deps = backgroundDeps();
    await createMessageHandlers(deps).openOverview({ division: 42 }, sender);
    expect(deps.openTab).toHaveBeenCalledWith("chrome-extension://abc/overview.html?division=42");
  });

  it("opens the options page for a content script", async () => {
    const deps = backgroundDeps();
    await createMessageHandlers(deps).openOptionsPage(undefined, sender);
    expect(deps.openOptionsPage).toHaveBeenCalledOnce();
  });
});
