import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "#imports";
import { proxySettings } from "../utils/storage";
import { type BackgroundDeps, createMessageHandlers } from "./message-handlers";

const sender = {};

function backgroundDeps(overrides: Partial<BackgroundDeps> = {}): BackgroundDeps {
  return {
    loadSettings: () => proxySettings.getValue(),
    hasOriginPermission: async () => true,
    openOptionsPage: vi.fn(async () => {}),
    fetch: vi.fn(async () => Response.json({ ok: true, version: "0.1.0", db: "ok" })),
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
    const [url, init] = vi.mocked(deps.fetch).mock.calls[0]!;
    expect(url).toBe("http://127.0.0.1:8787/health");
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

  it("opens the options page for a content script", async () => {
    const deps = backgroundDeps();
    await createMessageHandlers(deps).openOptionsPage(undefined, sender);
    expect(deps.openOptionsPage).toHaveBeenCalledOnce();
  });
});
