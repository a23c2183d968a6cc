// One replica serving many divisions (an accounting firm: 200 divisions of 5,000 accounts) within a memory
// budget for the divisions' in-memory indexes (`INDEX_MEMORY_MB`): the heap, the evictions, and the panel lookup
// for divisions just evicted (answered from the database while their index is built again in the background).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { systemClock } from "@zapfloor-exact/shared/clock";
import { BYTES_PER_INDEXED_ACCOUNT, setIndexMemoryBudget } from "../src/services/matching/index-memory";
import { mirrorIndexStats } from "../src/services/matching/mirror-index";
import { divisionViewIfBuilt } from "../src/services/overview/division-view";
import { collectGarbage, withBenchProxy } from "./bench-proxy";
import { figure } from "./figures";
import { ms, n } from "./format";
import { writeLargeDivision } from "./large-division";
import { LOOKUP_CONNECTIONS, LOOKUP_SECONDS, loadFrom } from "./load";

const DIVISIONS = Number(process.env.BENCH_DIVISIONS ?? 200);
const ACCOUNTS = 5_000;
const CUSTOMERS = 100;
const LINKED = 50;
const BUDGET_MB = Number(process.env.BENCH_INDEX_MEMORY_MB ?? 512);
const FIRST_DIVISION = 8_000_001;

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);

export default function manyDivisions(): Promise<string> {
  return withBenchProxy(
    {
      folderPrefix: "zfx-bench-many-",
      tenantName: "Accounting firm",
      before: (db) => setIndexMemoryBudget(db, BUDGET_MB),
    },
    async ({ db, deps, tenant, listen }) => {
      progress(`writing ${n(DIVISIONS)} divisions of ${n(ACCOUNTS)} accounts`);
      let started = performance.now();
      const divisions: { division: number; linked: string[] }[] = [];
      for (let i = 0; i < DIVISIONS; i++) {
        const division = FIRST_DIVISION + i;
        const data = await writeLargeDivision(db, {
          tenantId: tenant.tenantId,
          division,
          accounts: ACCOUNTS,
          customers: CUSTOMERS,
          linked: LINKED,
          now: systemClock.now(),
        });
        divisions.push({ division, linked: data.accountIds.slice(0, LINKED) });
        if ((i + 1) % 20 === 0) progress(`${i + 1} divisions written`);
      }
      const writeMs = performance.now() - started;

      const server = await listen();
      const headers = { authorization: `Bearer ${tenant.tokens.bookkeeper}` };
      const detail = (division: number, id: string) => `/v1/divisions/${division}/accounts/${id}`;
      progress("a panel lookup in every division, one after another, each index built before the next");
      const builds: number[] = [];
      const firsts: number[] = [];
      started = performance.now();
      for (const { division, linked } of divisions) {
        const scope = { tenantId: tenant.tenantId, division };
        const sent = performance.now();
        const answer = await fetch(`${server.url}${detail(division, linked[0]!)}`, { headers });
        if (answer.status !== 200)
          throw new Error(`lookup answered ${answer.status}: ${await answer.text()}`);
        await answer.arrayBuffer();
        firsts.push(performance.now() - sent);
        while (!(await divisionViewIfBuilt(deps, scope)))
          await new Promise((resolve) => setTimeout(resolve, 5));
        builds.push(performance.now() - sent);
      }
      const warmMs = performance.now() - started;
      collectGarbage();
      const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
      const afterWarm = mirrorIndexStats(deps);

      // The least recently used divisions are the ones evicted: the first touched.
      const evicted = divisions.slice(0, Math.min(20, DIVISIONS - afterWarm.kept));
      progress(`${LOOKUP_SECONDS} s of panel lookups spread over ${evicted.length} divisions just evicted`);
      const paths = evicted.flatMap(({ division, linked }) => linked.map((id) => detail(division, id)));
      // Interleaved, so that every division is asked for from the first second on.
      paths.sort((a, b) => a.slice(-36).localeCompare(b.slice(-36)));
      const result = await loadFrom({
        url: server.url,
        method: "GET",
        paths,
        headers,
      });
      collectGarbage();
      const heapAfterMb = process.memoryUsage().heapUsed / 2 ** 20;
      const afterLoad = mirrorIndexStats(deps);
      const failed = result.errors + result.timeouts + result.non2xx;
      const sorted = [...builds].sort((a, b) => a - b);
      const median = sorted[sorted.length >> 1] ?? 0;
      const heapNote = `${n(heapAfterMb)} MB heap, budget ${BUDGET_MB} MB for indexes`;

      return [
        `## A replica serving ${n(DIVISIONS)} divisions × ${n(ACCOUNTS)} accounts`,
        "",
        `One process, a libSQL file database holding ${n(DIVISIONS)} divisions of ${n(ACCOUNTS)} Exact accounts each (one`,
        `tenant, ${CUSTOMERS} customers and ${LINKED} links per division; writing them took ${n(writeMs / 1000)} s), \`INDEX_MEMORY_MB=${BUDGET_MB}\`.`,
        `Each division's account index is estimated at ${n(BYTES_PER_INDEXED_ACCOUNT)} bytes per account; beyond the budget the`,
        "least recently used are evicted, and an evicted division's lookups are answered from the database while its",
        `index is built again in the background. Machine: ${os.cpus().length} CPUs, Node ${process.version}, 1-minute load ${os.loadavg()[0]!.toFixed(1)} at the end.`,
        "",
        "| | figure |",
        "|---|---:|",
        `| a first lookup in each division, one after another (from the database), median / max | ${ms(sortedMedian(firsts))} ms / ${ms(Math.max(...firsts))} ms |`,
        `| that division's index built in the background, median / max | ${ms(median)} ms / ${ms(Math.max(...builds))} ms |`,
        `| all ${n(DIVISIONS)} divisions touched | ${n(warmMs / 1000)} s |`,
        `| indexes kept after that / estimated bytes / evicted | ${afterWarm.kept} / ${n(afterWarm.bytes / 2 ** 20)} MB / ${afterWarm.evictions} |`,
        `| heap after a collection, after touching every division | ${n(heapMb)} MB |`,
        `| lookups in ${evicted.length} divisions just evicted, ${LOOKUP_CONNECTIONS} connections, ${LOOKUP_SECONDS} s: p50 / p99 / throughput | ${ms(result.latency.p50)} ms / ${ms(result.latency.p99)} ms / ${n(result.requests.average)} req/s |`,
        `| failed requests | ${failed} |`,
        `| evictions during those lookups | ${afterLoad.evictions - afterWarm.evictions} |`,
        `| heap after a collection, after those lookups | ${n(heapAfterMb)} MB |`,
        "",
        figure(
          "replica.many",
          `${heapNote}; ${afterLoad.evictions} evictions; evicted-division lookup p99 ${ms(result.latency.p99)} ms`,
        ),
      ].join("\n");
    },
  );
}

function sortedMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}
