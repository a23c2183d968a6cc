#!/usr/bin/env node
// `pnpm --filter @zapfloor-exact/extension check:size`, after a build: fails when the content script, which
// every Exact account page loads, grows past its budget (gzipped). Part of `npm test`.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KIB = 15;
const file = join(
  dirname(fileURLToPath(import.meta.url)),
  "../.output/chrome-mv3/content-scripts/exact-account.js",
);
const gzipped = gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const line = `content script exact-account.js: ${gzipped.toFixed(1)} KiB gzipped (budget ${BUDGET_KIB} KiB)`;
if (gzipped > BUDGET_KIB) {
  console.error(
    `✖ ${line}. Keep the panel lean: no language's messages or libraries the background can serve.`,
  );
  process.exit(1);
}
console.log(`✔ ${line}`);
