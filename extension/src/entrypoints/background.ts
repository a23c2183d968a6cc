import { browser, defineBackground } from "#imports";
import { indexedDbAccountCache } from "../background/account-cache";
import { createMessageHandlers } from "../background/message-handlers";
import { onMessages } from "../utils/messaging";
import { originPermissionPattern } from "../utils/proxy-url";
import { proxySettings, proxySettingsRevision } from "../utils/storage";

const BADGE_ALARM = "count-open-problems";

export default defineBackground(() => {
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
    accountCache: indexedDbAccountCache(),
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
});
