#!/usr/bin/env node
// Runs every package's benchmark, prints the figures, and writes them to BENCHMARKS.md. Each package's
// `bench` script prints Markdown sections on stdout and its progress on stderr.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = [
  "@zapfloor-exact/shared",
  "@zapfloor-exact/exact-sim",
  "@zapfloor-exact/proxy",
  "@zapfloor-exact/e2e",
];

const sections = [];
for (const name of packages) {
  process.stderr.write(`\n▶ Benchmarks of ${name}\n`);
  const run = spawnSync("pnpm", ["--silent", "--filter", name, "run", "bench"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.stderr.write(`✖ ${name} benchmarks failed\n`);
    process.exit(1);
  }
  sections.push(run.stdout.trim());
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const report = [
  "# Benchmarks",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}.`,
  "Written by `pnpm bench`; every figure below comes from that run.",
  "",
  ...sections.flatMap((section) => [section, ""]),
].join("\n");
writeFileSync(join(root, "BENCHMARKS.md"), report);
process.stdout.write(`${report}\n`);
process.stderr.write("\n✔ Written to BENCHMARKS.md\n");
