// How long the proxy takes from its process starting to listening, compiled (`node dist/index.js`, what
// `npm start` and production run) and from source under tsx (what `npm start` ran before the build).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { startProxyProcess } from "../src/testing/processes";
import { figure } from "./figures";

const RUNS = 5;
const proxyRoot = fileURLToPath(new URL("..", import.meta.url));
const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function timeStart(compiled: boolean, folder: string): Promise<number> {
  const started = performance.now();
  const proxy = await startProxyProcess(
    {
      DATABASE_URL: `file:${join(folder, "proxy.db")}`,
      SECRET_KEY: randomBytes(32).toString("base64"),
      // A real Exact app configured: production starts no simulator.
      EXACT_CLIENT_ID: "bench",
      EXACT_CLIENT_SECRET: "bench",
      LOG_LEVEL: "info",
    },
    120_000,
    { compiled },
  );
  const elapsed = performance.now() - started;
  await proxy.stop();
  return elapsed;
}

export default async function startUp(): Promise<string> {
  progress("building dist/");
  const started = performance.now();
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: proxyRoot, stdio: "ignore" });
  const buildMs = performance.now() - started;
  const folder = mkdtempSync(join(os.tmpdir(), "zfx-bench-start-"));
  try {
    // The first start migrates a new database; the runs measured start on a migrated one, as a restart does.
    await timeStart(true, folder);
    const compiled: number[] = [];
    const source: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      progress(`start-up ${run + 1} of ${RUNS}`);
      compiled.push(await timeStart(true, folder));
      source.push(await timeStart(false, folder));
    }
    const row = (label: string, values: number[]) =>
      `| ${label} | ${Math.round(median(values))} ms | ${Math.round(Math.min(...values))} ms | ${Math.round(Math.max(...values))} ms |`;
    return [
      "## Proxy start-up",
      "",
      `From spawning the process to its "listening" log line, with a real Exact app configured (no sandbox simulator)`,
      `and a migrated libSQL file; ${RUNS} starts each, alternating. \`pnpm build\` (esbuild) wrote \`dist/\` in ${Math.round(buildMs)} ms.`,
      "",
      "| how | median | min | max |",
      "|---|---:|---:|---:|",
      row("`node dist/index.js` (compiled; `npm start`, production)", compiled),
      row("`tsx src/index.ts` (from source; `npm start` before, `pnpm --filter …proxy dev` now)", source),
      "",
      figure("startup.compiled", `${Math.round(median(compiled))} ms`),
      figure("startup.source", `${Math.round(median(source))} ms`),
    ].join("\n");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
