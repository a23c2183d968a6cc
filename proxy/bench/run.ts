// `pnpm --filter @zapfloor-exact/proxy bench`: each module measures one thing and returns a Markdown section.
// Sections go to stdout (collected into BENCHMARKS.md); progress goes to stderr.
import accountLookup from "./account-lookup";
import exactCalls from "./exact-calls";
import freshness from "./freshness";
import manyDivisions from "./many-divisions";
import overviewCounts from "./overview-counts";
import salesEntries from "./sales-entries";
import startUp from "./start-up";
import webhooks from "./webhooks";

export type Bench = () => Promise<string>;

const benches: [string, Bench][] = [
  ["Exact calls of the account mirror", exactCalls],
  ["Exact calls per pushed sales entry", salesEntries],
  ["Account-link lookup under load", accountLookup],
  ["Many divisions in one replica", manyDivisions],
  ["Overview counts per state", overviewCounts],
  ["Proxy start-up", startUp],
  ["Webhook delivery", webhooks],
  ["Mirror freshness with Exact's webhooks", freshness],
];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && !name.toLowerCase().includes(only.toLowerCase())) continue;
  process.stderr.write(`[bench] ${name}\n`);
  process.stdout.write(`${await bench()}\n\n`);
}
