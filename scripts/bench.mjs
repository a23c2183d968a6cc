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

/**
 * What people wait on, each beside its target and the figure measured before the work on it
 * (the run of 2026-11-26 on this kind of 2-core machine). The sections below mark each figure with
 * `<!-- figure key: value -->`.
 */
const summaryRows = [
  [
    "panel lookup `GET …/accounts/{exactId}`, 16 connections",
    "lookup.panel",
    "p50 23 ms, p99 40 ms, 657 req/s",
    "p99 < 10 ms at ≥ 2,000 req/s",
  ],
  [
    "zapfloor's lookup `POST …/match {create:false}`",
    "lookup.match",
    "p50 35 ms, p99 60 ms, 442 req/s",
    "p99 < 15 ms at ≥ 1,500 req/s",
  ],
  [
    "first request after a start (builds the division's indexes)",
    "lookup.first",
    "4,237 ms",
    "< 1 s, and no request waits on a full build",
  ],
  ["overview: first rows on screen", "overview.first", "5,492 ms", "< 1 s"],
  [
    "overview: counts per state after one change (link, account, customer)",
    "overview.counts",
    "933 ms (a full recount)",
    "< 50 ms, no pass over the division",
  ],
  ["content script, gzipped", "extension.gzip", "25.5 KiB", "≤ 15 KiB"],
  ["Exact calls per pushed entry, no faults", "outbox.calls", "1.020", "≤ 1.005"],
  [
    "push throughput with a backlog, share of Exact's minutely limit used",
    "outbox.share",
    "not measured",
    "≥ 95 %, 0 × 429",
  ],
  [
    "mirror freshness after a change in Exact, with webhooks",
    "freshness.webhook",
    "not measured",
    "< 5 s median",
  ],
  [
    "panel with a cached state, to first paint of that state",
    "panel.cached",
    "not measured",
    "< 50 ms, then revalidated",
  ],
  [
    "heap of a process serving one 100k-account division",
    "heap.division",
    "186 MB after a collection",
    "≤ 100 MB",
  ],
  [
    "a replica serving 200 divisions × 5,000 accounts",
    "replica.many",
    "unbounded",
    "heap within the budget, lookup p99 < 25 ms for a division just evicted",
  ],
  [
    "webhook delivery, state change → receiver 2xx",
    "webhooks.latency",
    "no webhooks",
    "p50 < 1 s, p99 < 5 s",
  ],
  [
    "API p99 while a webhook receiver hangs (healthy receiver only)",
    "webhooks.hang",
    "no webhooks",
    "no worse than with a healthy receiver",
  ],
  [
    "proxy start-up to listening (production start)",
    "startup.compiled",
    "figure:startup.source",
    "faster than from source",
  ],
];

function summary(text) {
  const figures = new Map();
  for (const [, key, value] of text.matchAll(/<!-- figure ([\w.]+): (.*?) -->/g)) figures.set(key, value);
  return [
    "## What people wait on",
    "",
    "| figure (100k-account division, this machine) | before | now | target |",
    "|---|---:|---:|---:|",
    ...summaryRows.map(
      ([label, key, before, target]) =>
        `| ${label} | ${before.startsWith("figure:") ? `${figures.get(before.slice(7)) ?? "?"} (tsx, this run)` : before} | ${figures.get(key) ?? "not measured"} | ${target} |`,
    ),
  ].join("\n");
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const report = [
  "# Benchmarks",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}.`,
  "Written by `pnpm bench`; every figure below comes from that run.",
  "",
  summary(sections.join("\n")),
  "",
  ...sections.flatMap((section) => [section, ""]),
].join("\n");
writeFileSync(join(root, "BENCHMARKS.md"), report);
process.stdout.write(`${report}\n`);
process.stderr.write("\n✔ Written to BENCHMARKS.md\n");
