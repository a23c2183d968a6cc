import { browser, defineBackground } from "#imports";
import { indexedDbAccountCache } from "../background/account-cache";
import { createMessageHandlers } from "../background/message-handlers";
import { keptInSession, publishPanelKit } from "../background/panel-session";
import { onMessages } from "../utils/messaging";
import { readPanelStylesheet } from "../utils/panel-session";
import { originPermissionPattern } from "../utils/proxy-url";
import { proxySettings, proxySettingsRevision } from "../utils/storage";

const BADGE_ALARM = "count-open-problems";

export default defineBackground(() => {
  // The panel reads its first paint from the session area itself; Firefox's Manifest V2 build keeps it closed.
  const session = "setAccessLevel" in (browser.storage.session ?? {}) ? browser.storage.session : undefined;
  const accountCache = indexedDbAccountCache();
  if (session) {
    void session
      .setAccessLevel({ accessLevel: "TRUSTED_AND_UNTRUSTED_CONTEXTS" })
      .then(() => publishPanelKit(session, readPanelStylesheet))
      .catch(() => undefined);
  }
  const handlers = createMessageHandlers({
    loadSettings: () => proxySettings.getValue(),
    saveSettings: (settings) => proxySettings.setValue(settings),
    hasOriginPermission: (origin) =>
      browser.permissions.contains({ origins: [originPermissionPattern(origin)] }),
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    extensionUrl: (path) => browser.runtime.getURL(path as "/overview.html"),
    fetch: (input, init) => fetch(input, init),
    accountCache: session ? keptInSession(accountCache, session) : accountCache,
    settingsRevision: () => proxySettingsRevision.getValue(),
    setBadge: async (count) => {
      // Manifest V3 has `action`, Firefox's Manifest V2 build `browserAction`.
      const action = browser.action ?? browser.browserAction;
      await action.setBadgeText({ text: count > 0 ? String(count) : "" });
      if (count > 0) await action.setBadgeBackgroundColor({ color: "#b3261e" });
    },
  });
  onMessages(handlers);

  const refreshBadge = () =>
    void Promise.resolve(handlers.refreshBadge(undefined, {})).catch(() => undefined);
  void browser.alarms.create(BADGE_ALARM, { periodInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) refreshBadge();
  });
  proxySettings.watch(refreshBadge);
  refreshBadge();
  // Wakes the worker as the browser starts, so the session area holds the panel's kit before the first page.
  browser.runtime.onStartup.addListener(() => undefined);
});
