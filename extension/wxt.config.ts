import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

export default defineConfig({
  srcDir: "src",
  // Explicit imports (from "#imports" for WXT's own APIs) keep every file's dependencies visible.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: "zapfloor link for Exact Online",
    description: "Shows and manages the link between Exact Online accounts and zapfloor customers.",
    permissions: ["storage"],
    // Only the background worker calls the proxy, so it needs host access to the proxy's origin.
    // Loopback is granted up front for the sandbox (`pnpm start`); any other proxy origin is asked
    // for at runtime from the options page, and only https is offered for those.
    host_permissions: ["http://localhost/*", "http://127.0.0.1/*"],
    optional_host_permissions: ["https://*/*"],
  },
});
