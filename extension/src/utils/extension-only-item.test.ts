import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "#imports";
import { proxySettings, proxySettingsRevision } from "./storage";

const everythingContentScriptsCanRead = async () =>
  JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);

describe("the proxy settings", () => {
  beforeEach(() => fakeBrowser.reset());

  it("keep the bookkeeper token out of the storage content scripts can read", async () => {
    await proxySettings.setValue({ url: "https://link.example.com", token: "zfx_secret_bookkeeper_token" });
    expect(await proxySettings.getValue()).toEqual({
      url: "https://link.example.com",
      token: "zfx_secret_bookkeeper_token",
    });
    expect(await everythingContentScriptsCanRead()).not.toContain("zfx_secret_bookkeeper_token");
  });

  it("move a token an earlier version kept in storage.local out of it on first read", async () => {
    await fakeBrowser.storage.local.set({
      proxySettings: { url: "https://link.example.com", token: "zfx_old" },
    });
    expect(await proxySettings.getValue()).toEqual({ url: "https://link.example.com", token: "zfx_old" });
    expect(await everythingContentScriptsCanRead()).not.toContain("zfx_old");
    expect(await proxySettings.getValue()).toEqual({ url: "https://link.example.com", token: "zfx_old" });
  });

  it("tell a content script that they changed, without telling it what they are", async () => {
    const revisions: number[] = [];
    const seen: string[] = [];
    const stopRevision = proxySettingsRevision.watch((revision) => revisions.push(revision));
    const stopSettings = proxySettings.watch((settings) => seen.push(settings.token));
    await proxySettings.setValue({ url: "https://link.example.com", token: "zfx_1" });
    await expect.poll(() => seen).toEqual(["zfx_1"]);
    await proxySettings.setValue({ url: "https://link.example.com", token: "zfx_2" });
    await expect.poll(() => seen).toEqual(["zfx_1", "zfx_2"]);
    expect(revisions).toEqual([1, 2]);
    stopRevision();
    stopSettings();
  });
});
