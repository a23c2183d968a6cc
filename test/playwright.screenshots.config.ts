import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * `pnpm screenshots`: the docs' screenshots of the panel, the overview, the options page and the popup in
 * English, Dutch and French, taken from the e2e stack (real proxy, simulator, built extension) into
 * `docs/screenshots/<language>/`. Not part of the e2e suite: run it after changing what those screens show.
 */
export default defineConfig({
  ...base,
  testMatch: "**/*.shots.ts",
  workers: 1,
  use: { ...base.use, screenshot: "off", trace: "off" },
});
