#!/usr/bin/env node
// `pnpm --filter @zapfloor-exact/proxy build`: the proxy as one JavaScript file, dist/index.js, that plain `node`
// runs. The workspace packages (shared, and the simulator behind sandbox mode) are TypeScript and are bundled in,
// with the npm packages they use; libSQL (its client and its driver) stays outside, as it loads a native binary.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const proxyDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(proxyDir, "dist");
rmSync(outdir, { recursive: true, force: true });

const started = Date.now();
const result = await build({
  absWorkingDir: proxyDir,
  entryPoints: ["src/index.ts"],
  outdir,
  bundle: true,
  platform: "node",
  target: "node20.19",
  format: "esm",
  // The simulator is only loaded in sandbox mode: its own chunk, not parsed by a proxy with a real Exact app.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  external: ["@libsql/client", "libsql"],
  // CommonJS dependencies bundled into an ES module still call require() for Node's own modules.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stderr.write(
  `dist/ written in ${Date.now() - started} ms (${Math.round(bytes / 1024)} KiB with source maps)\n`,
);
