import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CustomerInput } from "@zapfloor-exact/shared/schemas/customers";
import type { MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type RunningServer } from "../server";
import { CLAIM_LEASE_MS } from "../services/matching/create-account-once";
import type { CreatedTenant } from "../services/tenants/create-tenant";
import { type SimHarness, startSimHarness } from "../testing/sim-harness";
import { createTestApp } from "../testing/test-app";

// The whole proxy over real HTTP on loopback, against the Exact Online simulator: every outcome of the
// decision table end to end, and exactly-once creation under concurrency (two proxy processes' worth of
// apps on one database file) and under a crash right after Exact answered.

const DIVISION = 7_300_001;
const child = fileURLToPath(new URL("../testing/crash-after-create-child.ts", import.meta.url));
const proxyRoot = fileURLToPath(new URL("../..", import.meta.url));

let folder: string;
let harness: SimHarness;
let tenant: CreatedTenant;
let first: RunningServer;
let second: RunningServer;
let closeSecond: () => void;
let accountIds: string[];

const accounts: Record<string, unknown>[] = [
  { Name: "Acme NV", Status: "C", IsSales: true, VATNumber: "BE 0407.186.105", Country: "BE" },
  { Name: "Beta BV", Status: "C", IsSales: true, SearchCode: "2002" },
  { Name: "Codex BVBA", Status: "C", IsSales: true, Code: "3003" },
  { Name: "Epsilon NV", Status: "C", IsSales: true, SearchCode: "4004", VATNumber: "BE1111111145" },
  { Name: "Zeta NV", Status: "C", IsSales: true, VATNumber: "BE1212121205" },
  { Name: "Delta Groep", Status: "C", IsSales: true, VATNumber: "BE1020304002" },
  { Name: "Delta Groep Gent", Status: "C", IsSales: true, VATNumber: "be1020304002" },
  { Name: "Gamma Prospect", Status: "P", VATNumber: "BE1000000120" },
  { Name: "Sigma Supplies", Status: "A", IsSupplier: true, VATNumber: "BE1357913589" },
  { Name: "Eta BV", Status: "C", IsSales: true, VATNumber: "BE1472583625" },
  { Name: "Theta BV", Status: "C", IsSales: true, VATNumber: "BE1593574693" },
  { Name: "Iota BV", Status: "C", IsSales: true, VATNumber: "BE1728394696" },
  { Name: "Kappa BV", Status: "C", IsSales: true, ChamberOfCommerce: "1827.364.588", Country: "BE" },
];

const customers: Record<string, CustomerInput> = {
  "1001": { name: "Acme", vatNumber: "BE0407186105", country: "BE" },
  "2002": { name: "Beta", country: "BE" },
  "3003": { name: "Codex", country: "BE" },
  "4004": { name: "Epsilon", vatNumber: "BE1212121205", country: "BE" },
  "8008": { name: "Delta", vatNumber: "BE1020304002", country: "BE" },
  "7007": { name: "Gamma", vatNumber: "BE1000000120", country: "BE" },
  "5005": { name: "Sigma", vatNumber: "BE1357913589", country: "BE" },
  "9001": { name: "Eta", vatNumber: "BE1472583625", country: "BE" },
  "9002": { name: "Eta Two", vatNumber: "BE1472583625", country: "BE" },
  "9100": { name: "Theta", vatNumber: "BE1593574693", country: "BE" },
  "9200": { name: "Iota", vatNumber: "BE1728394696", country: "BE" },
  "9300": { name: "Kappa Holding", companyNumber: "1827364588", country: "BE" },
  "6006": { name: "Newco BV", vatNumber: "NL 8057.76.621.B01", country: "NL" },
  "6100": { name: "Parallel BV", country: "BE" },
  "6200": { name: "Crashing BV", country: "BE" },
};

async function api(server: RunningServer, token: string, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function match(number: string, create: boolean, server = first): Promise<MatchResult> {
  const response = await api(
    server,
    tenant.tokens.integration,
    "POST",
    `/v1/divisions/${DIVISION}/customers/${number}/match`,
    {
      create,
    },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as MatchResult;
}

async function sync() {
  const response = await api(
    first,
    tenant.tokens.integration,
    "POST",
    `/v1/divisions/${DIVISION}/sync?wait=true`,
  );
  expect(response.status).toBe(200);
}

const codes = (result: MatchResult) => result.reasons.map((reason) => reason.code);
const numbered = (number: string) =>
  harness.sim.control
    .accounts(DIVISION)
    .filter((account) => String(account.SearchCode ?? "").trim() === number);

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "zfx-linking-http-"));
  const databaseUrl = `file:${join(folder, "proxy.db")}`;
  harness = await startSimHarness({ databaseUrl, sim: { seed: { seed: 3, divisions: [] } } });
  harness.sim.control.addDivision({
    code: DIVISION,
    name: "Linking over HTTP B.V.",
    accounts: 0,
    country: "BE",
  });
  accountIds = accounts.map((fields) => harness.sim.control.insertAccount(DIVISION, fields).ID.toLowerCase());
  tenant = await harness.connectTenant();
  first = await listen(harness.app, 0, "127.0.0.1");
  // A second proxy on the same database: its own Exact runtime, caches and instance id, as another process has.
  const replica = await createTestApp({
    databaseUrl,
    clock: harness.clock,
    exact: { app: harness.exactApp, secretKey: harness.secretKey },
  });
  second = await listen(replica.app, 0, "127.0.0.1");
  closeSecond = () => replica.database.close();

  await sync();
  for (const [number, customer] of Object.entries(customers)) {
    const stored = await api(first, tenant.tokens.integration, "PUT", `/v1/customers/${number}`, customer);
    expect(stored.status).toBe(201);
  }
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  closeSecond?.();
  await harness?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("match-or-create over HTTP, every outcome of the decision table", () => {
  it("decides from the mirror without calling Exact, and a dry run changes nothing", async () => {
    harness.sim.control.resetCalls();
    const dry = await Promise.all(Object.keys(customers).map((number) => match(number, false)));
    expect(dry.map((result) => result.performed)).toEqual(dry.map(() => "none"));
    expect(harness.sim.control.calls({ division: DIVISION })).toEqual([]);
    const events = await api(first, tenant.tokens.bookkeeper, "GET", `/v1/divisions/${DIVISION}/link-events`);
    expect(await events.json()).toEqual({ events: [], nextCursor: null });
  });

  it("match: on VAT however it is spelled, on SearchCode, on Code; each is linked with how it matched", async () => {
    const vat = await match("1001", true);
    expect(vat).toMatchObject({
      outcome: "match",
      performed: "linked",
      link: { exactId: accountIds[0], method: "vat" },
    });
    const searchCode = await match("2002", true);
    expect(searchCode).toMatchObject({
      outcome: "match",
      link: { exactId: accountIds[1], method: "searchCode" },
    });
    const code = await match("3003", true);
    expect(code).toMatchObject({ outcome: "match", link: { exactId: accountIds[2], method: "code" } });
  });

  it("linked: the next call finds the link", async () => {
    expect(await match("1001", true, second)).toMatchObject({ outcome: "linked", performed: "none" });
  });

  it("conflict: the number points to one account and the VAT number to another", async () => {
    const result = await match("4004", true);
    expect(result).toMatchObject({ outcome: "conflict", performed: "none", link: null });
    expect(codes(result)).toContain("vat_contradiction");
    expect(result.candidates.map((candidate) => candidate.account.id)).toEqual(
      expect.arrayContaining([accountIds[3], accountIds[4]]),
    );
  });

  it("ambiguous: two customer accounts share the VAT number", async () => {
    const result = await match("8008", true);
    expect(result).toMatchObject({ outcome: "ambiguous", performed: "none" });
    expect(codes(result)).toEqual(["vat_shared_by_several"]);
    expect(result.candidates).toHaveLength(2);
  });

  it("review, never a new customer: only a prospect or a supplier matches; promotion is offered", async () => {
    for (const number of ["7007", "5005"]) {
      const result = await match(number, true);
      expect(result).toMatchObject({ outcome: "review", performed: "none", link: null });
      expect(result.reasons).toContainEqual(
        expect.objectContaining({ code: "not_a_customer", action: "promote_and_link" }),
      );
    }
    const companyOnly = await match("9300", true);
    expect(companyOnly).toMatchObject({ outcome: "review", exactAccount: { id: accountIds[12] } });
    expect(codes(companyOnly)).toEqual(["company_number_only"]);
    expect(harness.sim.control.accounts(DIVISION)).toHaveLength(accounts.length);
  });

  it("conflict: the matching account is already linked to another customer", async () => {
    expect(await match("9001", true)).toMatchObject({ performed: "linked" });
    const result = await match("9002", true);
    expect(result).toMatchObject({ outcome: "conflict", performed: "none" });
    expect(result.reasons).toContainEqual(
      expect.objectContaining({ code: "already_linked_elsewhere", customerNumber: "9001" }),
    );
  });

  it("stale: the linked account was blocked or deleted in Exact; never silently relinked", async () => {
    expect(await match("9100", true)).toMatchObject({ performed: "linked" });
    expect(await match("9200", true)).toMatchObject({ performed: "linked" });
    harness.sim.control.updateAccount(DIVISION, accountIds[10]!, { Blocked: true });
    harness.sim.control.deleteAccount(DIVISION, accountIds[11]!);
    await sync();
    const blocked = await match("9100", true);
    expect(blocked).toMatchObject({ outcome: "stale", performed: "none" });
    expect(codes(blocked)).toContain("account_blocked");
    const deleted = await match("9200", true, second);
    expect(deleted).toMatchObject({ outcome: "stale", performed: "none" });
    expect(codes(deleted)).toContain("account_deleted");
  });

  it("create: nothing matches, so the Exact customer is created once (Status C, SearchCode, VAT as Exact spells it)", async () => {
    harness.sim.control.resetCalls();
    const created = await match("6006", true);
    expect(created).toMatchObject({ outcome: "create", performed: "created", link: { method: "created" } });
    expect(numbered("6006")).toEqual([
      expect.objectContaining({ Name: "Newco BV", Status: "C", IsSales: true, VATNumber: "NL805776621B01" }),
    ]);
    expect(await match("6006", true, second)).toMatchObject({
      outcome: "linked",
      exactAccount: { id: created.exactAccount?.id },
    });
    const posts = harness.sim.control.calls({ division: DIVISION, method: "POST" });
    expect(posts).toHaveLength(1);
  });
});

describe("exactly-once creation", () => {
  it("20 parallel calls over two proxies create one account, and all answer with it", async () => {
    harness.sim.control.resetCalls();
    // Exact takes its time, so that every call arrives while the first is still posting.
    harness.sim.control.addFault({ method: "POST", path: "crm/Accounts", latencyMs: 400, times: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => match("6100", true, i % 2 === 0 ? first : second)),
    );
    const ids = new Set(results.map((result) => result.exactAccount?.id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.performed === "created")).toHaveLength(1);
    expect(results.every((result) => result.link?.customerNumber === "6100")).toBe(true);
    expect(numbered("6100")).toHaveLength(1);
    expect(harness.sim.control.calls({ division: DIVISION, method: "POST" })).toHaveLength(1);
  });

  it("a proxy killed right after Exact created the account: the retry finds it by SearchCode, never creates another", async () => {
    harness.sim.control.resetCalls();
    const exit = await new Promise<NodeJS.Signals | number | null>((resolve, reject) => {
      const process_ = spawn(process.execPath, ["--import", "tsx", child], {
        cwd: proxyRoot,
        env: {
          ...process.env,
          DATABASE_URL: `file:${join(folder, "proxy.db")}`,
          SECRET_KEY: harness.secretKey.toString("base64"),
          SIM_URL: harness.simulator.url,
          TENANT_ID: tenant.tenantId,
          DIVISION: String(DIVISION),
          CUSTOMER: "6200",
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      process_.on("error", reject);
      process_.on("exit", (code, signal) => resolve(signal ?? code));
    });
    expect(exit).toBe("SIGKILL");
    expect(numbered("6200")).toHaveLength(1);
    const orphan = numbered("6200")[0]!.ID.toLowerCase();
    expect((await match("6200", false)).link).toBeNull();

    // The dead process's claim holds until its lease runs out; then the next call repairs.
    harness.clock.advance(CLAIM_LEASE_MS + 1_000);
    const repaired = await match("6200", true, second);
    expect(repaired.link).toMatchObject({ customerNumber: "6200", exactId: orphan });
    // Found through its SearchCode: by the sync that a stale mirror gets first, or by the claim's own lookup.
    expect(codes(repaired).some((code) => code === "searchCode" || code === "recovered")).toBe(true);
    expect(numbered("6200")).toHaveLength(1);
    expect(harness.sim.control.calls({ division: DIVISION, method: "POST" })).toHaveLength(1);
    expect(await match("6200", true)).toMatchObject({ outcome: "linked", exactAccount: { id: orphan } });
  });
});
