import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "#imports";
import { catalogOf } from "../i18n/translate";
import { linkedDetail, sampleDetail } from "../testing/sample-data";
import { keptAccountKey, PANEL_MESSAGES_KEY, PANEL_STYLE_KEY } from "../utils/panel-session";
import { indexedDbAccountCache } from "./account-cache";
import { keptInSession, publishPanelKit } from "./panel-session";

const GUID = "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42";
const session = fakeBrowser.storage.session;

describe("what the panel reads from the session area", () => {
  beforeEach(() => fakeBrowser.reset());

  it("holds the stylesheet and every language's messages, written once per session", async () => {
    await publishPanelKit(session, async () => ".zfx-panel{position:fixed}");
    await publishPanelKit(session, async () => "changed");
    const stored = await session.get(null);
    expect(stored[PANEL_STYLE_KEY]).toBe(".zfx-panel{position:fixed}");
    expect(stored[PANEL_MESSAGES_KEY]).toEqual({
      en: catalogOf("en"),
      fr: catalogOf("fr"),
      nl: catalogOf("nl"),
    });
  });

  it("holds nothing when the stylesheet cannot be read, so that a later start tries again", async () => {
    await publishPanelKit(session, async () => "");
    expect(await session.get(null)).toEqual({});
  });

  it("keeps a copy of each answer the cache keeps or gives, with the settings' revision, the latest few only", async () => {
    const cache = keptInSession(indexedDbAccountCache(), session, 2);
    const ref = (n: number) => ({ division: 1234567, accountId: `${GUID.slice(0, -1)}${n}` });
    await cache.put(ref(1), 3, linkedDetail());
    expect(await session.get(keptAccountKey(ref(1)))).toMatchObject({
      [keptAccountKey(ref(1))]: { detail: linkedDetail(), revision: 3 },
    });
    await cache.put(ref(2), 3, sampleDetail());
    await cache.put(ref(3), 3, sampleDetail());
    const keys = Object.keys(await session.get(null));
    expect(keys).not.toContain(keptAccountKey(ref(1)));
    expect(keys).toEqual(expect.arrayContaining([keptAccountKey(ref(2)), keptAccountKey(ref(3))]));
    // An answer read from the cache itself (after a restart emptied the session area) is copied there again.
    expect((await cache.get(ref(1), 3))?.detail).toEqual(linkedDetail());
    await new Promise((resolve) => setTimeout(resolve, 0));
    const again = await session.get(null);
    expect(again[keptAccountKey(ref(1))]).toMatchObject({ detail: linkedDetail(), revision: 3 });
    expect(again[keptAccountKey(ref(2))]).toBeUndefined();
  });
});
