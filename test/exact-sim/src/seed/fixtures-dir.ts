import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The recorded Exact payloads, `test/fixtures/exact` (override: EXACT_FIXTURES_DIR). */
export const FIXTURES_DIR = process.env.EXACT_FIXTURES_DIR ?? path.join(repoRoot(), "test/fixtures/exact");

/** The workspace root, found upwards: this file runs from `src/seed/` and bundled into the proxy's `dist/`. */
function repoRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(folder);
    if (parent === folder) return path.resolve(fileURLToPath(new URL("../../../../", import.meta.url)));
    folder = parent;
  }
  return folder;
}

export function fixturesAvailable(): boolean {
  return existsSync(path.join(FIXTURES_DIR, "SOURCES.md"));
}

/** Parses a fixture file (a leading BOM is tolerated). */
export function readFixture<T = unknown>(relativePath: string): T {
  const text = readFileSync(path.join(FIXTURES_DIR, relativePath), "utf8").replace(/^\uFEFF/, "");
  return JSON.parse(text) as T;
}

/** The rows of a recorded `{"d":{"results":[…]}}`, `{"d":{…}}` or `{"d":[…]}` body. */
export function fixtureRows(relativePath: string): Record<string, unknown>[] {
  const body = readFixture<{ d: unknown }>(relativePath);
  const d = body.d as Record<string, unknown> | Record<string, unknown>[];
  if (Array.isArray(d)) return d;
  if (Array.isArray(d.results)) return d.results as Record<string, unknown>[];
  return [d];
}
