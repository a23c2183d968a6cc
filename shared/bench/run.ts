// `pnpm --filter @zapfloor-exact/shared bench`: the matching core on one large division, indexed versus
// naive. Each side runs in a process of its own, on a fresh heap: a full scan in particular slows down
// markedly when its accounts land scattered among the remains of earlier work, and neither side should
// pay for the other. Progress goes to stderr; stdout gets only the Markdown section for the report.
import { spawnSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { IndexedResult, IndexedRun } from "./indexed";
import { ACCOUNTS, CUSTOMERS, count, ms, SEED } from "./measure";
import type { NaiveResult } from "./naive";

const load = () => os.loadavg()[0]!.toFixed(2);
const wallOf = (run: IndexedRun) => run.build.wall + run.match.wall;

/** Runs one part with the same Node flags as this process (the TypeScript loader) and reads its JSON. */
function runPart<T>(file: string): T {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL(file, import.meta.url))],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`The benchmark part ${file} failed (exit ${run.status}).`);
  return JSON.parse(run.stdout) as T;
}

const loadAtStart = load();
const indexed = runPart<IndexedResult>("./indexed.ts");
const naive = runPart<NaiveResult>("./naive.ts");

const runs = [...indexed.runs].sort((a, b) => wallOf(a) - wallOf(b));
const best = runs[0]!;
const median = runs[Math.floor(runs.length / 2)]!;

const sampled = naive.customers < CUSTOMERS;
const scale = CUSTOMERS / naive.customers;
const naiveMatch = { wall: naive.match.wall * scale, cpu: naive.match.cpu * scale };
const naiveTotal = naive.build.wall + naiveMatch.wall;
const agreeing = naive.fingerprints.filter((print, i) => print === indexed.fingerprints[i]).length;

const extrapolated = sampled ? " (extrapolated)" : "";
const lines = [
  "## Matching core",
  "",
  `One division of ${count(ACCOUNTS)} Exact accounts and ${count(CUSTOMERS)} zapfloor customers, generated from seed ${SEED} ` +
    "(VAT numbers with valid check digits in varied spellings, padded Codes, shared VAT numbers, prospects, stale links, look-alike names). " +
    `Machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ` +
    `${os.platform()} ${os.arch()}; 1-minute load average ${loadAtStart} at the start and ${load()} at the end.`,
  "",
  `| measure | indexed (\`AccountIndex\`), best of ${indexed.runs.length}, wall | its CPU | indexed, median run, wall | naive (every customer × every account), wall | its CPU |`,
  "|---|---:|---:|---:|---:|---:|",
  `| normalise and build over ${count(ACCOUNTS)} accounts | ${ms(best.build.wall)} | ${ms(best.build.cpu)} | ${ms(median.build.wall)} | ${ms(naive.build.wall)} | ${ms(naive.build.cpu)} |`,
  `| match ${count(CUSTOMERS)} customers | ${ms(best.match.wall)} | ${ms(best.match.cpu)} | ${ms(median.match.wall)} | ${ms(naiveMatch.wall)}${extrapolated} | ${ms(naiveMatch.cpu)}${extrapolated} |`,
  `| **total** (target for indexed: under 1,000 ms) | **${ms(wallOf(best))}** | ${ms(best.build.cpu + best.match.cpu)} | ${ms(wallOf(median))} | **${ms(naiveTotal)}**${extrapolated} | ${ms(naive.build.cpu + naiveMatch.cpu)} |`,
  `| **ratio naive / indexed** (wall, best run) | | | | **${(naiveTotal / wallOf(best)).toFixed(0)}×** | |`,
  "",
  `- Indexed: ${indexed.runs.length} runs in one process, each building a fresh index (totals ${indexed.runs.map((run) => ms(wallOf(run))).join(", ")}, in run order; the first includes JIT warm-up). The best run is the least disturbed by other work on the machine; the median shows a typical one.`,
  sampled
    ? `- Naive, in a process of its own: **measured on the first ${count(naive.customers)} customers only** (${ms(naive.match.wall)} wall) and **extrapolated linearly** to ${count(CUSTOMERS)}; its build step ran in full.`
    : `- Naive, in a process of its own: measured in full, all ${count(CUSTOMERS)} customers against all ${count(ACCOUNTS)} accounts.`,
  `- Both give the same decisions: ${count(agreeing)} of ${count(naive.fingerprints.length)} compared customers agree on outcome, account, reasons and candidates.`,
  `- Keeping the index in step with the mirror: ${count(indexed.updates.count)} single-account upserts took ${ms(indexed.updates.wall)} (${((indexed.updates.wall * 1000) / indexed.updates.count).toFixed(0)} µs each).`,
  `- Outcomes: ${[...indexed.outcomes]
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${outcome} ${count(n)}`)
    .join(", ")}.`,
];
process.stdout.write(`${lines.join("\n")}\n`);
