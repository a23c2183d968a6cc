import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

// Only the background worker calls the proxy, so it needs host access to the proxy's origin.
// Loopback is granted up front for the sandbox (`pnpm start`); any other proxy origin is asked for at
// runtime from the options page (browser.permissions.request on Save / Test connection), https only.
const loopbackProxies = ["http://localhost/*", "http://127.0.0.1/*"];
const remoteProxies = ["https://*/*"];

export default defineConfig({
  srcDir: "src",
  // Explicit imports (from "#imports" for WXT's own APIs) keep every file's dependencies visible.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ manifestVersion }) => ({
    // public/_locales holds the name and description in English, Dutch and French.
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "en",
    // alarms: the toolbar badge counts open problems again every few minutes.
    permissions: ["storage", "alarms"],
    host_permissions: loopbackProxies,
    // Manifest V2 (Firefox) has no optional_host_permissions: origins go in optional_permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: remoteProxies }
      : { optional_permissions: remoteProxies }),
  }),
});
