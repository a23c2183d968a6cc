import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { builtExtensionDir, extensionPackageDir, repoRoot } from "./paths";

/** Everything the built extension is made from. */
const SOURCES = [
  path.join(extensionPackageDir, "src"),
  path.join(extensionPackageDir, "public"),
  path.join(extensionPackageDir, "wxt.config.ts"),
  path.join(extensionPackageDir, "package.json"),
  path.join(repoRoot, "shared/src"),
];

/** Builds the extension unless its build is newer than every source file. */
export function ensureExtensionBuilt(): void {
  const manifest = path.join(builtExtensionDir, "manifest.json");
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newestSourceMtime()) return;
  // On stderr: the benchmarks keep stdout for their report.
  process.stderr.write("Building the extension for the end-to-end tests…\n");
  execFileSync("pnpm", ["--filter", "@zapfloor-exact/extension", "build"], {
    cwd: repoRoot,
    stdio: ["ignore", process.stderr, process.stderr],
  });
}

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (file: string) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) if (entry !== "node_modules") visit(path.join(file, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const source of SOURCES) visit(source);
  return newest;
}
