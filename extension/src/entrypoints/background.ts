import { browser, defineBackground } from "#imports";
import { createMessageHandlers } from "../background/message-handlers";
import { onMessages } from "../utils/messaging";
import { originPermissionPattern } from "../utils/proxy-url";
import { proxySettings } from "../utils/storage";

export default defineBackground(() => {
  onMessages(
    createMessageHandlers({
      loadSettings: () => proxySettings.getValue(),
      hasOriginPermission: (origin) =>
        browser.permissions.contains({ origins: [originPermissionPattern(origin)] }),
      openOptionsPage: () => browser.runtime.openOptionsPage(),
      openTab: async (url) => {
        await browser.tabs.create({ url });
      },
      extensionUrl: (path) => browser.runtime.getURL(path as "/overview.html"),
      fetch: (input, init) => fetch(input, init),
    }),
  );
});
