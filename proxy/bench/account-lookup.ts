// The account-link lookup under concurrent load: the proxy's real HTTP server on loopback with a 100,000-account
// mirror in a libSQL file, hammered by autocannon. Progress goes to stderr; the Markdown section is returned.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { divisionViewIfBuilt } from "../src/services/overview/division-view";
import { collectGarbage, withBenchProxy } from "./bench-proxy";
import { figure } from "./figures";
import { ms, n } from "./format";
import { STANDARD_DIVISION, writeStandardDivision } from "./large-division";
import { LOOKUP_CONNECTIONS, LOOKUP_SECONDS, loadFrom } from "./load";

const { accounts: ACCOUNTS, linked: LINKED } = STANDARD_DIVISION;
/** A folder: each row's CPU profile of the server is written there (`name.cpuprofile`, for Chrome's DevTools). */
const PROFILES = process.env.BENCH_CPU_PROFILE;
/** A file: the heap of the process serving the division, caches warm, is written there (for Chrome's DevTools). */
const HEAP_SNAPSHOT = process.env.BENCH_HEAP_SNAPSHOT;
const DIVISION = 9_000_001;

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);

export default function accountLookup(): Promise<string> {
  return withBenchProxy(
    { folderPrefix: "zfx-bench-lookup-", tenantName: "Bench operator" },
    async ({ db, deps, tenant, listen }) => {
      let started = performance.now();
      const data = await writeStandardDivision(
        db,
        { tenantId: tenant.tenantId, division: DIVISION },
        progress,
      );
      const writeMs = performance.now() - started;

      const server = await listen();
      const auth = (token: string) => ({ authorization: `Bearer ${token}` });
      const detail = (id: string) => `/v1/divisions/${DIVISION}/accounts/${id}`;
      progress(
        "first request: answered from the database while the division's indexes build in the background",
      );
      const scope = { tenantId: tenant.tenantId, division: DIVISION };
      collectGarbage();
      const heapBeforeMb = process.memoryUsage().heapUsed / 1e6;
      started = performance.now();
      const first = await fetch(`${server.url}${detail(data.accountIds[0]!)}`, {
        headers: auth(tenant.tokens.bookkeeper),
      });
      if (first.status !== 200)
        throw new Error(`account lookup answered ${first.status}: ${await first.text()}`);
      const coldMs = performance.now() - started;
      const firstFromMemory = (await divisionViewIfBuilt(deps, scope)) !== undefined;
      // Requests sent while the build runs: none of them waits for it.
      const duringBuild: number[] = [];
      while (!(await divisionViewIfBuilt(deps, scope))) {
        const sent = performance.now();
        const answer = await fetch(`${server.url}${detail(data.accountIds[duringBuild.length % LINKED]!)}`, {
          headers: auth(tenant.tokens.bookkeeper),
        });
        await answer.arrayBuffer();
        duringBuild.push(performance.now() - sent);
      }
      const buildMs = performance.now() - started;
      collectGarbage();
      const heapMb = process.memoryUsage().heapUsed / 1e6;

      const linkedAccounts = data.accountIds.slice(0, LINKED).map(detail);
      const anyAccounts = Array.from({ length: 20_000 }, (_, i) =>
        detail(data.accountIds[(i * 7919) % ACCOUNTS]!),
      );
      const linkedCustomers = data.linkedCustomers.map(
        (number) => `/v1/divisions/${DIVISION}/customers/${number}/match`,
      );

      const scenarios = [
        {
          key: "lookup.panel",
          label: "`GET …/accounts/{exactId}`, linked accounts (the extension's panel)",
          run: () => load(server.url, "GET", linkedAccounts, auth(tenant.tokens.bookkeeper)),
        },
        {
          key: "lookup.any",
          label: "`GET …/accounts/{exactId}`, any account (linked or not, with suggestions)",
          run: () => load(server.url, "GET", anyAccounts, auth(tenant.tokens.bookkeeper)),
        },
        {
          key: "lookup.match",
          label: "`POST …/customers/{number}/match` `{create:false}`, linked customers (zapfloor's lookup)",
          run: () =>
            load(
              server.url,
              "POST",
              linkedCustomers,
              {
                ...auth(tenant.tokens.integration),
                "content-type": "application/json",
              },
              JSON.stringify({ create: false }),
            ),
        },
      ];
      const rows: string[] = [];
      const figures: string[] = [];
      for (const scenario of scenarios) {
        progress(`${LOOKUP_SECONDS} s of ${scenario.label}`);
        const result = await profiled(scenario.key, scenario.run);
        const failed = result.errors + result.timeouts + result.non2xx;
        rows.push(
          `| ${scenario.label} | ${ms(result.latency.p50)} ms | ${ms(result.latency.p99)} ms | ${n(result.requests.average)} req/s | ${n(result.requests.total)} | ${failed} |`,
        );
        figures.push(
          figure(
            scenario.key,
            `p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, ${n(result.requests.average)} req/s`,
          ),
        );
      }

      // The heap of a process serving the division, its caches warm after the requests above: the lists of
      // request paths and ids this benchmark made go first, as a server would not hold them.
      for (const list of [
        data.accountIds,
        data.linkedCustomers,
        linkedAccounts,
        anyAccounts,
        linkedCustomers,
      ])
        list.length = 0;
      collectGarbage();
      const heapWarmMb = process.memoryUsage().heapUsed / 1e6;
      if (HEAP_SNAPSHOT) v8.writeHeapSnapshot(HEAP_SNAPSHOT);

      return [
        "## Account-link lookup under load",
        "",
        `The proxy's HTTP server on loopback, one process, a libSQL file database (WAL) holding a mirror of ${n(ACCOUNTS)}`,
        `Exact accounts, ${n(data.customers)} zapfloor customers and ${n(LINKED)} links; autocannon with ${LOOKUP_CONNECTIONS}`,
        `connections for ${LOOKUP_SECONDS} s per row, each sending its next request when the last is answered, in a process of its own on`,
        `the same machine (${os.cpus().length} CPUs, Node ${process.version}; 1-minute load average ${os.loadavg()[0]!.toFixed(1)} at the end): the load generator takes`,
        "CPU the server would otherwise have. Each request authenticates its token (kept in memory for a few seconds, with",
        "a check of revocations at most a second old), reads the division's and the tenant's change versions (two",
        "primary-key seeks, kept current by triggers on every write; requests arriving in the same turn of the event loop",
        "share one read, made after the last of them arrived) and answers from memory; reads keep their statements",
        "prepared. Exact is never called.",
        "",
        "| request | p50 | p99 | throughput | requests | failed |",
        "|---|---:|---:|---:|---:|---:|",
        ...rows,
        "",
        `Writing the mirror took ${n(writeMs / 1000)} s. The first request after start starts building the division's`,
        "in-memory indexes (accounts, customers, links) in the background and is answered from the database (index",
        `seeks around the one account) meanwhile: it took **${n(coldMs)} ms**${firstFromMemory ? " (the indexes were already built when it ended)" : ""}.`,
        "The build reads and files 2,000 rows at a time and lets requests run between those parts:",
        `it took ${n(buildMs)} ms; ${duringBuild.length} lookups sent one after another while it ran took`,
        `${duringBuild.length ? `${ms(Math.max(...duringBuild))} ms at most` : "—"} (none waits for the build). After a collection the heap held **${n(heapMb)} MB**,`,
        `${n(heapBeforeMb)} MB before the first request (the code, and the ids this benchmark sends): the indexes took`,
        `${n(heapMb - heapBeforeMb)} MB, ${n(((heapMb - heapBeforeMb) * 1e6) / ACCOUNTS)} bytes per mirrored account, customers and links included.`,
        `After the requests above, with the division's caches warm and the benchmark's own lists of ids and paths`,
        `dropped, the heap held **${n(heapWarmMb)} MB** after a collection. This benchmark runs in a process of its own.`,
        "Later requests only check that the change versions have not moved before using them (what the indexes are",
        "derived from is read again only when they have); the panel's suggestions are worked out once per change and kept for the 2,000 accounts asked about last.",
        "",
        figure(
          "lookup.first",
          `${n(coldMs)} ms (from the database; full build ${n(buildMs)} ms in the background)`,
        ),
        figure(
          "heap.division",
          `${n(heapWarmMb)} MB after a collection with caches warm (${n(heapMb)} MB after the build; indexes ${n(heapMb - heapBeforeMb)} MB, ${n(((heapMb - heapBeforeMb) * 1e6) / ACCOUNTS)} bytes per account)`,
        ),
        ...figures,
      ].join("\n");
    },
  );
}

async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILES) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(join(PROFILES, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

function load(url: string, method: string, paths: string[], headers: Record<string, string>, body?: string) {
  return loadFrom({ url, method, paths, headers, ...(body ? { body } : {}) });
}
