// `pnpm --filter @zapfloor-exact/exact-sim bench`: how fast the simulator seeds and serves a 100,000-account
// division in process. Markdown on stdout (collected into BENCHMARKS.md), progress on stderr.
import { createExactSimulator, createManualClock } from "../src/index";

const DIVISION = 1;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function build(accounts: number) {
  const clock = createManualClock(Date.UTC(2026, 5, 25, 12));
  const started = performance.now();
  const sim = createExactSimulator({
    clock,
    rateLimits: { minutely: 1_000_000_000, daily: 1_000_000_000 },
    seed: { seed: 1, divisions: [{ code: DIVISION, name: "Bench", accounts }] },
  });
  return { sim, clock, seconds: performance.now() - started };
}

async function readAll(sim: ReturnType<typeof build>["sim"], token: string, first: string) {
  let url: string | undefined = first;
  let pages = 0;
  let rows = 0;
  const started = performance.now();
  while (url) {
    const response = await sim.app.request(url, {
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { d: { results: unknown[]; __next?: string } };
    pages++;
    rows += body.d.results.length;
    url = body.d.__next;
  }
  return { pages, rows, elapsed: performance.now() - started };
}

const lines: string[] = ["## Exact Online simulator", "", "| measurement | result |", "|---|---|"];

for (const size of [10_000, 100_000]) {
  process.stderr.write(`[bench] seeding ${size} accounts ×3\n`);
  const times = [0, 1, 2].map(() => build(size).seconds);
  lines.push(
    `| seed a division of ${size.toLocaleString("en")} accounts (median of 3, incl. ledger) | ${ms(median(times))} |`,
  );
}

const { sim } = build(100_000);
const token = sim.control.issueTokens().access_token;
const base = `http://sim.test/api/v1/${DIVISION}`;

process.stderr.write("[bench] bulk read of 100,000 accounts\n");
const bulk = await readAll(
  sim,
  token,
  `${base}/bulk/CRM/Accounts?$select=ID,Code,Name,VATNumber,SearchCode,Status,Blocked,ChamberOfCommerce`,
);
lines.push(
  `| bulk/CRM/Accounts, all ${bulk.rows.toLocaleString("en")} rows in ${bulk.pages} pages | ${ms(bulk.elapsed)} (${ms(bulk.elapsed / bulk.pages)} per page) |`,
);

process.stderr.write("[bench] sync read of 100,000 accounts\n");
const sync = await readAll(
  sim,
  token,
  `${base}/sync/CRM/Accounts?$select=ID,Code,Name,Timestamp&$filter=Timestamp%20gt%200L`,
);
lines.push(
  `| sync/CRM/Accounts from Timestamp 0, ${sync.pages} pages | ${ms(sync.elapsed)} (${ms(sync.elapsed / sync.pages)} per page) |`,
);

const accounts = sim.control.accounts(DIVISION);
for (const account of accounts.slice(0, 100))
  sim.control.updateAccount(DIVISION, account.ID, { Name: `${account.Name.slice(0, 38)} (gewijzigd)` });
const high = sim.state.requireDivision(DIVISION).lastTimestamp - 100;
process.stderr.write("[bench] incremental sync after 100 changes\n");
const incremental = await readAll(
  sim,
  token,
  `${base}/sync/CRM/Accounts?$select=ID,Name,Timestamp&$filter=Timestamp%20gt%20${high}L`,
);
lines.push(`| incremental sync of 100 changes in a 100,000-account division | ${ms(incremental.elapsed)} |`);

process.stderr.write("[bench] VAT lookups\n");
const vats = accounts
  .map((a) => a.VATNumber)
  .filter((v): v is string => typeof v === "string" && v !== "")
  .slice(0, 50);
const started = performance.now();
for (const vat of vats) {
  const filter = encodeURIComponent(`VATNumber eq '${vat.replace(/'/g, "''")}'`);
  await sim.app.request(`${base}/crm/Accounts?$select=ID,Code,Status&$filter=${filter}`, {
    headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
  });
}
lines.push(
  `| crm/Accounts \`$filter=VATNumber eq '…'\` on 100,000 accounts (mean of ${vats.length}) | ${ms((performance.now() - started) / vats.length)} |`,
);

process.stdout.write(`${lines.join("\n")}\n`);
