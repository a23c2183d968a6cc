// `pnpm --filter @zapfloor-exact/proxy bench`: each module measures one thing and returns a Markdown section.
// Sections go to stdout (collected into BENCHMARKS.md); progress goes to stderr.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export type Bench = () => Promise<string>;

const benches: [string, () => Promise<{ default: Bench }>][] = [
  ["Exact calls of the account mirror", () => import("./exact-calls")],
  ["Exact calls per pushed sales entry", () => import("./sales-entries")],
  ["Account-link lookup under load", () => import("./account-lookup")],
  ["Many divisions in one replica", () => import("./many-divisions")],
  ["Overview counts per state", () => import("./overview-counts")],
  ["Proxy start-up", () => import("./start-up")],
  ["Webhook delivery", () => import("./webhooks")],
  ["Mirror freshness with Exact's webhooks", () => import("./freshness")],
];

// Each benchmark runs in a process of its own, which loads that benchmark's code only: what another one loads
// or leaves on the heap (a database, a simulator, a load generator, its indexes) must not count in its heap figures.
const only = process.argv[2];
const exact = process.env.BENCH_EXACT_NAME;
const chosen = benches.filter(([name]) =>
  exact ? name === exact : !only || name.toLowerCase().includes(only.toLowerCase()),
);
for (const [name, load] of chosen) {
  if (chosen.length === 1) {
    process.stderr.write(`[bench] ${name}\n`);
    const { default: bench } = await load();
    process.stdout.write(`${await bench()}\n\n`);
    continue;
  }
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_EXACT_NAME: name },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the benchmark "${name}" failed (exit ${run.status})`);
  process.stdout.write(run.stdout);
}
