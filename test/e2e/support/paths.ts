import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const extensionPackageDir = path.join(repoRoot, "extension");
/** What `wxt build` produces and Chromium loads unpacked. */
export const builtExtensionDir = path.join(extensionPackageDir, ".output/chrome-mv3");
export const hostPagesDir = path.join(repoRoot, "test/fixtures/host-pages");
/** Where the suite writes its screenshots of the panel and the overview (kept across runs, not committed). */
export const screenshotsDir = path.join(repoRoot, "test/screenshots");
