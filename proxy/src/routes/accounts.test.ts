import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  AcceptSuggestionsResult,
  AccountDetail,
  LinkResult,
  OverviewCounts,
  OverviewRow,
} from "@zapfloor-exact/shared/schemas/accounts";
import { afterEach, describe, expect, it } from "vitest";
import { listingPageQuery } from "../db/overview-reads";
import { nextTurn } from "../services/matching/kept-in-step";
import { forgetMirrorIndex } from "../services/matching/mirror-index";
import { syncDivision } from "../services/mirror/sync-division";
import { divisionView, divisionViewIfBuilt } from "../services/overview/division-view";
import { createTenant } from "../services/tenants/create-tenant";
import { holdStatements, readsWholeDivision } from "../testing/held-statements";
import { errorOf, jsonOf, problemPathsOf } from "../testing/http";
import { type LinkingFixture, startLinkingFixture } from "../testing/linking-fixture";
import { countStatements } from "../testing/statement-count";

let fixture: LinkingFixture;
const folders: string[] = [];
afterEach(async () => {
  await fixture?.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const ACME = 0;
const BETA = 1;
const GAMMA = 2;
const DELTA = 3;
const DELTA_GENT = 4;
const LONELY = 5;

/** Two suggestions, one VAT group that needs a person, a prospect, and an account nobody matches. */
async function start(databaseUrl?: string) {
  fixture = await startLinkingFixture({
    ...(databaseUrl ? { databaseUrl } : {}),
    accounts: [
      { Name: "Acme NV", Status: "C", IsSales: true, VATNumber: "BE0407186105", Country: "BE" },
      { Name: "Beta BV", Status: "C", IsSales: true, SearchCode: "2002" },
      { Name: "Gamma Prospect", Status: "P", VATNumber: "BE1000000120" },
      { Name: "Delta Groep", Status: "C", IsSales: true, VATNumber: "BE1020304002" },
      { Name: "Delta Groep Gent", Status: "C", IsSales: true, VATNumber: "BE 1020.304.002" },
      { Name: "Lonely BV", Status: "C", IsSales: true },
    ],
    customers: {
      "1001": { name: "Acme", vatNumber: "BE0407186105", country: "BE" },
      "2002": { name: "Beta", country: "BE" },
      "7007": { name: "Gamma", vatNumber: "BE1000000120", country: "BE" },
      "8008": { name: "Delta", vatNumber: "BE1020304002", country: "BE" },
      "9009": { name: "Unrelated Ltd", country: "GB" },
    },
  });
  return fixture;
}

type Page = { accounts: OverviewRow[]; nextCursor: string | null; counts: OverviewCounts | null };
const names = (page: Page) => page.accounts.map((row) => row.account.name);

describe("GET /v1/divisions/{division}/accounts", () => {
  it("lists customer accounts by name with state, best suggestion and link; filters by state and text", async () => {
    const f = await start();
    const base = `/v1/divisions/${f.division}/accounts`;
    const all = await jsonOf<Page>(await f.bookkeeper("GET", base));
    expect(names(all)).toEqual(["Acme NV", "Beta BV", "Delta Groep", "Delta Groep Gent", "Lonely BV"]);
    expect(all.accounts.map((row) => row.state)).toEqual([
      "suggested",
      "suggested",
      "conflict",
      "conflict",
      "unlinked",
    ]);
    expect(all.accounts[0]).toMatchObject({
      link: null,
      suggestion: {
        outcome: "match",
        customer: { number: "1001", name: "Acme" },
        matchedOn: ["vat", "name"],
        score: 0.95,
      },
      warnings: [],
    });
    expect(all.accounts[2]?.suggestion.reasons.map((reason) => reason.code)).toEqual([
      "vat_shared_by_several",
    ]);

    const filtered = async (query: string) =>
      names(await jsonOf<Page>(await f.integration("GET", `${base}?${query}`)));
    expect(await filtered("state=suggested")).toEqual(["Acme NV", "Beta BV"]);
    expect(await filtered("state=conflict")).toEqual(["Delta Groep", "Delta Groep Gent"]);
    expect(await filtered("state=unlinked")).toEqual(["Lonely BV"]);
    expect(await filtered("state=linked")).toEqual([]);
    expect(await filtered("q=groep")).toEqual(["Delta Groep", "Delta Groep Gent"]);
    expect(await filtered(`q=${encodeURIComponent("0407.186")}`)).toEqual(["Acme NV"]);
    expect(await filtered("q=2002")).toEqual(["Beta BV"]);
  });

  it("pages with an opaque cursor", async () => {
    const f = await start();
    const base = `/v1/divisions/${f.division}/accounts?limit=2`;
    const first = await jsonOf<Page>(await f.bookkeeper("GET", base));
    const second = await jsonOf<Page>(await f.bookkeeper("GET", `${base}&cursor=${first.nextCursor}`));
    const third = await jsonOf<Page>(await f.bookkeeper("GET", `${base}&cursor=${second.nextCursor}`));
    expect([names(first), names(second), names(third)]).toEqual([
      ["Acme NV", "Beta BV"],
      ["Delta Groep", "Delta Groep Gent"],
      ["Lonely BV"],
    ]);
    expect(third.nextCursor).toBeNull();
    const conflicts = await jsonOf<Page>(
      await f.bookkeeper(
        "GET",
        `/v1/divisions/${f.division}/accounts?state=conflict&limit=1&cursor=${first.nextCursor}`,
      ),
    );
    expect(names(conflicts)).toEqual(["Delta Groep"]);
  });

  it("answers its pages from the listing index while the division is still being indexed, as from memory", async () => {
    const folder = mkdtempSync(join(tmpdir(), "zfx-overview-"));
    folders.push(folder);
    const f = await start(`file:${join(folder, "proxy.db")}`);
    const scope = { tenantId: f.tenant.tenantId, division: f.division };
    const base = `/v1/divisions/${f.division}/accounts`;
    expect(
      (
        await f.bookkeeper("PUT", `${base}/${f.ids[BETA]}/link`, {
          customerNumber: "2002",
        })
      ).status,
    ).toBe(200);
    // As on a replica just started, or after an eviction: the division's accounts are not in memory.
    forgetMirrorIndex(f.harness.deps, scope);
    const build = holdStatements(f.harness.database, readsWholeDivision);
    let meanwhile: Page;
    let pages: Page[];
    try {
      meanwhile = await jsonOf<Page>(await f.bookkeeper("GET", base));
      // A page after a cursor does not wait for the build either.
      const first = await jsonOf<Page>(await f.bookkeeper("GET", `${base}?limit=2`));
      pages = [
        first,
        await jsonOf<Page>(await f.bookkeeper("GET", `${base}?limit=2&cursor=${first.nextCursor}`)),
      ];
      // The build the page started begins once the page has been answered.
      await nextTurn();
      expect(build.held()).toBe(1);
      expect(await divisionViewIfBuilt(f.harness.deps, scope)).toBeUndefined();
    } finally {
      build.release();
    }
    await divisionView(f.harness.deps, scope);
    const built = await jsonOf<Page>(await f.bookkeeper("GET", base));
    expect(meanwhile.accounts).toEqual(built.accounts);
    expect(pages.flatMap((page) => page.accounts)).toEqual(built.accounts.slice(0, 4));
    // Counting needs every listed account's state: none while the division is indexed, none on the page that
    // starts the count (no page waits on it), then kept.
    expect(meanwhile.counts).toBeNull();
    expect(built.counts).toBeNull();
    await (await divisionView(f.harness.deps, scope)).counts();
    expect((await jsonOf<Page>(await f.bookkeeper("GET", base))).counts).toEqual({
      all: 5,
      linked: 1,
      unlinked: 1,
      suggested: 1,
      conflict: 2,
    });
    expect(names(meanwhile)).toEqual(["Acme NV", "Beta BV", "Delta Groep", "Delta Groep Gent", "Lonely BV"]);
    expect(meanwhile.accounts.map((row) => row.state)).toEqual([
      "suggested",
      "linked",
      "conflict",
      "conflict",
      "unlinked",
    ]);
  });

  it("counts each state over the division, as the listed states, and counts again after a link", async () => {
    const f = await start();
    const scope = { tenantId: f.tenant.tenantId, division: f.division };
    const base = `/v1/divisions/${f.division}/accounts`;
    await (await divisionView(f.harness.deps, scope)).counts();
    const tally = (rows: OverviewRow[]) => {
      const counts = { all: rows.length, linked: 0, unlinked: 0, suggested: 0, conflict: 0 };
      for (const row of rows) counts[row.state]++;
      return counts;
    };
    const before = await jsonOf<Page>(await f.bookkeeper("GET", base));
    expect(before.counts).toEqual(tally(before.accounts));
    expect(before.counts).toEqual({ all: 5, linked: 0, unlinked: 1, suggested: 2, conflict: 2 });
    // Whatever the filter or search, the counts are the division's.
    for (const query of ["state=conflict", "q=lonely", "limit=1"]) {
      expect((await jsonOf<Page>(await f.bookkeeper("GET", `${base}?${query}`))).counts).toEqual(
        before.counts,
      );
    }
    expect(
      (await f.bookkeeper("PUT", `${base}/${f.ids[LONELY]}/link`, { customerNumber: "9009" })).status,
    ).toBe(200);
    const after = await jsonOf<Page>(await f.bookkeeper("GET", `${base}?state=linked`));
    expect(names(after)).toEqual(["Lonely BV"]);
    expect(after.counts).toEqual({ all: 5, linked: 1, unlinked: 0, suggested: 2, conflict: 2 });
    const all = await jsonOf<Page>(await f.bookkeeper("GET", base));
    expect(all.counts).toEqual(tally(all.accounts));
  });

  it("reads a page as a range of the listing index, not by scanning the division", async () => {
    const f = await start();
    const scope = { tenantId: f.tenant.tenantId, division: f.division };
    for (const after of [undefined, { sortName: "delta groep", id: f.ids[DELTA]! }]) {
      const { sql, params } = listingPageQuery(f.harness.deps.db, scope, after, 100).toSQL();
      const plan = await f.harness.database.client.execute({
        sql: `explain query plan ${sql}`,
        args: params as never,
      });
      const steps = plan.rows.map((row) => String(row.detail));
      // After a cursor, a seek to it: a deep page costs no more than the first.
      expect(steps.join("; ")).toMatch(
        after
          ? /SEARCH exact_accounts USING INDEX exact_accounts_listing \(tenant_id=\? AND division=\? AND <expr>>\?\)/
          : /SEARCH exact_accounts USING INDEX exact_accounts_listing \(tenant_id=\? AND division=\?\)/,
      );
      expect(steps.join("; ")).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("lists every problem of a bad query; 401; 404 for another tenant's division", async () => {
    const f = await start();
    const bad = await f.bookkeeper(
      "GET",
      `/v1/divisions/${f.division}/accounts?state=sideways&limit=0&cursor=${encodeURIComponent("'; --")}&q=${"x".repeat(101)}`,
    );
    expect(bad.status).toBe(400);
    expect((await problemPathsOf(bad)).sort()).toEqual([
      "query.cursor",
      "query.limit",
      "query.q",
      "query.state",
    ]);
    const forged = await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts?cursor=eyJ4IjoxfQ`);
    expect(await problemPathsOf(forged)).toEqual(["query.cursor"]);
    expect((await f.call("", "GET", `/v1/divisions/${f.division}/accounts`)).status).toBe(401);
    const other = await createTenant(f.harness.deps, { name: "Other operator" });
    expect(
      (await f.call(other.tokens.bookkeeper, "GET", `/v1/divisions/${f.division}/accounts`)).status,
    ).toBe(404);
  });
});

describe("GET /v1/divisions/{division}/accounts/{exactId}", () => {
  it("shows the account with candidates and reasons, whatever the GUID's braces and case", async () => {
    const f = await start();
    const id = f.ids[ACME]!;
    const detail = await jsonOf<AccountDetail>(
      await f.bookkeeper(
        "GET",
        `/v1/divisions/${f.division}/accounts/${encodeURIComponent(`{${id.toUpperCase()}}`)}`,
      ),
    );
    expect(detail).toMatchObject({
      division: f.division,
      account: {
        id,
        name: "Acme NV",
        status: "C",
        isCustomer: true,
        vatNumber: "BE0407186105",
        deleted: false,
      },
      state: "suggested",
      link: null,
      warnings: [],
    });
    expect(detail.candidates).toEqual([
      expect.objectContaining({
        customer: expect.objectContaining({ number: "1001", name: "Acme" }),
        matchedOn: ["vat", "name"],
        nameSimilarity: 1,
        decision: "match",
        linkedTo: null,
        reasons: [
          expect.objectContaining({ code: "vat", message: "Same VAT number (BE0407186105)." }),
          expect.objectContaining({ code: "name_suggestions", message: 'Name 100% similar ("Acme").' }),
        ],
      }),
    ]);
  });

  it("answers a repeated lookup from memory with one read, and shows a link made meanwhile", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/accounts/${f.ids[ACME]}`;
    // Past the caches' window for recent writes (the fixture just wrote the mirror and the customers).
    f.harness.clock.advance(11_000);
    const first = await jsonOf<AccountDetail>(await f.bookkeeper("GET", path));
    // The indexes the first lookup started to build, once it was answered.
    await nextTurn();
    const statements = countStatements(f.harness.database);
    for (let i = 0; i < 5; i++) {
      expect(await jsonOf<AccountDetail>(await f.bookkeeper("GET", path))).toEqual(first);
    }
    // One read each, and the token's revocation check once a second of the (real-time) clock.
    expect(statements()).toBeGreaterThanOrEqual(5);
    expect(statements()).toBeLessThanOrEqual(7);

    expect((await f.bookkeeper("PUT", `${path}/link`, { customerNumber: "1001" })).status).toBe(200);
    const linked = await jsonOf<AccountDetail>(await f.bookkeeper("GET", path));
    expect(linked).toMatchObject({ state: "linked", link: { customer: { number: "1001" } } });
  });

  it("answers from the database while the division's accounts are still being indexed, the same as from memory", async () => {
    const folder = mkdtempSync(join(tmpdir(), "zfx-panel-"));
    folders.push(folder);
    {
      const f = await start(`file:${join(folder, "proxy.db")}`);
      const scope = { tenantId: f.tenant.tenantId, division: f.division };
      expect(
        (
          await f.bookkeeper("PUT", `/v1/divisions/${f.division}/accounts/${f.ids[BETA]}/link`, {
            customerNumber: "2002",
          })
        ).status,
      ).toBe(200);
      // As on a replica just started, or after an eviction: the division's accounts are not in memory.
      forgetMirrorIndex(f.harness.deps, scope);
      const build = holdStatements(f.harness.database, readsWholeDivision);
      const accounts = [ACME, BETA, GAMMA, DELTA, DELTA_GENT, LONELY];
      const meanwhile = new Map<number, AccountDetail>();
      try {
        for (const account of accounts) {
          const answer = await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts/${f.ids[account]}`);
          expect(answer.status).toBe(200);
          meanwhile.set(account, await jsonOf<AccountDetail>(answer));
        }
        await nextTurn();
        expect(build.held()).toBe(1);
        expect(await divisionViewIfBuilt(f.harness.deps, scope)).toBeUndefined();
      } finally {
        build.release();
      }
      await divisionView(f.harness.deps, scope);
      for (const account of accounts) {
        const fromMemory = await f.bookkeeper(
          "GET",
          `/v1/divisions/${f.division}/accounts/${f.ids[account]}`,
        );
        expect(meanwhile.get(account), `account ${account}`).toEqual(await jsonOf<AccountDetail>(fromMemory));
      }
    }
  });

  it("warns that a prospect is not a customer and offers promotion", async () => {
    const f = await start();
    const detail = await jsonOf<AccountDetail>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts/${f.ids[GAMMA]}`),
    );
    expect(detail.warnings).toEqual([
      // The status named, so that "Needs attention" can say it in the reader's language.
      expect.objectContaining({
        code: "not_a_customer",
        action: "promote_and_link",
        params: { status: "P" },
      }),
    ]);
    expect(detail.suggestion.outcome).toBe("review");
  });

  it("shows why a VAT group needs a person: the customer's own decision is ambiguous", async () => {
    const f = await start();
    for (const index of [DELTA, DELTA_GENT]) {
      const detail = await jsonOf<AccountDetail>(
        await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts/${f.ids[index]}`),
      );
      expect(detail).toMatchObject({
        state: "conflict",
        suggestion: { outcome: "review", customer: { number: "8008", name: "Delta" } },
      });
      expect(detail.candidates).toEqual([
        expect.objectContaining({
          customer: expect.objectContaining({ number: "8008" }),
          decision: "ambiguous",
        }),
      ]);
    }
  });

  it("answers 400 for a malformed id, 401, 404 for an unknown account or another tenant's division", async () => {
    const f = await start();
    const base = `/v1/divisions/${f.division}/accounts`;
    expect(await problemPathsOf(await f.bookkeeper("GET", `${base}/not-a-guid`))).toEqual(["path.exactId"]);
    expect((await f.call("bad", "GET", `${base}/${f.ids[ACME]}`)).status).toBe(401);
    const unknown = await f.bookkeeper("GET", `${base}/00000000-0000-0000-0000-000000000001`);
    expect(unknown.status).toBe(404);
    const other = await createTenant(f.harness.deps, { name: "Other operator" });
    expect((await f.call(other.tokens.integration, "GET", `${base}/${f.ids[ACME]}`)).status).toBe(404);
  });
});

describe("PUT and DELETE /v1/divisions/{division}/accounts/{exactId}/link", () => {
  it("links and unlinks, audited with who, what, when and how", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/accounts/${f.ids[LONELY]}/link`;
    const linked = await f.bookkeeper("PUT", path, { customerNumber: "9009" });
    expect(linked.status).toBe(200);
    expect(await jsonOf<AccountDetail>(linked)).toMatchObject({
      state: "linked",
      link: {
        customerNumber: "9009",
        method: "manual",
        linkedBy: "bookkeeper",
        customer: { name: "Unrelated Ltd" },
      },
    });
    expect((await f.bookkeeper("PUT", path, { customerNumber: "9009" })).status).toBe(200);

    const unlinked = await f.bookkeeper("DELETE", path);
    // The link wrote 9009 into the account's empty SearchCode, so unlinked it still points at 9009.
    expect(await jsonOf<AccountDetail>(unlinked)).toMatchObject({
      state: "suggested",
      link: null,
      suggestion: { customer: { number: "9009" }, matchedOn: ["searchCode"] },
    });
    const again = await f.bookkeeper("DELETE", path);
    expect(again.status).toBe(404);

    const events = await jsonOf<{ events: { action: string; actor: string; method: string; at: string }[] }>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/link-events`),
    );
    expect(events.events.map((event) => [event.action, event.actor, event.method])).toEqual([
      ["unlink", "bookkeeper", "manual"],
      ["link", "bookkeeper", "manual"],
    ]);
  });

  it("answers 409 with the reason when either side is linked or the account is not a customer", async () => {
    const f = await start();
    const link = (index: number, customerNumber: string) =>
      f.bookkeeper("PUT", `/v1/divisions/${f.division}/accounts/${f.ids[index]}/link`, { customerNumber });
    await link(LONELY, "9009");
    const customerTaken = await link(ACME, "9009");
    expect(customerTaken.status).toBe(409);
    expect(await errorOf(customerTaken)).toMatchObject({
      message: `zapfloor customer 9009 is already linked to Exact account ${f.ids[LONELY]}.`,
      reason: "customer_linked_elsewhere",
      params: { customer: "9009", account: f.ids[LONELY] },
    });
    const accountTaken = await link(LONELY, "1001");
    // A bookkeeper knows the account by its name: the params name it so.
    expect(await errorOf(accountTaken)).toMatchObject({
      message: `Exact account ${f.ids[LONELY]} is already linked to zapfloor customer 9009.`,
      reason: "account_linked_elsewhere",
      params: { account: "Lonely BV", customer: "9009" },
    });
    const prospect = await link(GAMMA, "7007");
    expect(prospect.status).toBe(409);
    const notCustomer = await errorOf(prospect);
    expect(notCustomer.message).toContain("not a customer (status P)");
    expect(notCustomer).toMatchObject({
      reason: "account_not_customer",
      params: { account: "Gamma Prospect", accountStatus: "P" },
    });
  });

  it("lists every problem, needs a bookkeeper token, and 404s for another tenant or an unknown customer", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/accounts/${f.ids[LONELY]}/link`;
    const bad = await f.bookkeeper("PUT", `/v1/divisions/${f.division}/accounts/xyz/link`, {
      customerNumber: "",
      x: 1,
    });
    expect((await problemPathsOf(bad)).sort()).toEqual(["path.exactId"]);
    expect(await problemPathsOf(await f.bookkeeper("DELETE", `/v1/divisions/0/accounts/{abc}/link`))).toEqual(
      ["path.division", "path.exactId"],
    );
    const badBody = await f.bookkeeper("PUT", path, { customerNumber: "", x: 1 });
    expect((await problemPathsOf(badBody)).sort()).toEqual(["body", "body.customerNumber"]);
    expect((await f.call("", "PUT", path, { customerNumber: "9009" })).status).toBe(401);
    expect((await f.integration("PUT", path, { customerNumber: "9009" })).status).toBe(403);
    expect((await f.integration("DELETE", path)).status).toBe(403);
    const other = await createTenant(f.harness.deps, { name: "Other operator" });
    expect((await f.call(other.tokens.bookkeeper, "PUT", path, { customerNumber: "9009" })).status).toBe(404);
    expect((await f.call(other.tokens.bookkeeper, "DELETE", path)).status).toBe(404);
    const unknown = await f.bookkeeper("PUT", path, { customerNumber: "4242" });
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({
      reason: "customer_unknown",
      params: { customer: "4242" },
    });
    const missing = await f.bookkeeper(
      "PUT",
      `/v1/divisions/${f.division}/accounts/{00000000-0000-0000-0000-00000000abcd}/link`,
      { customerNumber: "9009" },
    );
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toMatchObject({
      reason: "account_not_in_mirror",
      params: { account: "00000000-0000-0000-0000-00000000abcd", division: String(f.division) },
    });
    const notLinked = await f.bookkeeper(
      "DELETE",
      `/v1/divisions/${f.division}/accounts/${f.ids[BETA]}/link`,
    );
    expect(notLinked.status).toBe(404);
    expect(await errorOf(notLinked)).toMatchObject({
      reason: "account_not_linked",
      params: { account: f.ids[BETA] },
    });
    const otherDivision = await f.bookkeeper("PUT", `/v1/divisions/999/accounts/${f.ids[LONELY]}/link`, {
      customerNumber: "9009",
    });
    expect(await errorOf(otherDivision)).toMatchObject({
      reason: "division_not_connected",
      params: { division: "999" },
    });
  });
});

describe("POST /v1/divisions/{division}/accounts/{exactId}/promote-and-link", () => {
  it("makes a prospect a customer in Exact with one call, its empty SearchCode set in the same PUT, and links it", async () => {
    const f = await start();
    const response = await f.bookkeeper(
      "POST",
      `/v1/divisions/${f.division}/accounts/${f.ids[GAMMA]}/promote-and-link`,
      { customerNumber: "7007" },
    );
    expect(response.status).toBe(200);
    expect(await jsonOf<LinkResult>(response)).toMatchObject({
      account: { status: "C", isCustomer: true, isSales: true, searchCode: "7007" },
      state: "linked",
      link: { customerNumber: "7007", method: "promoted" },
      warnings: [],
      searchCodeResult: { outcome: "set", searchCode: "7007" },
    });
    expect(f.harness.sim.control.account(f.division, f.ids[GAMMA]!)).toMatchObject({
      Status: "C",
      IsSales: true,
      SearchCode: "7007",
    });
    expect(f.exactCalls().map((call) => [`${call.method} ${call.endpoint}`, call.body])).toEqual([
      ["PUT crm/Accounts(key)", { Status: "C", IsSales: true, SearchCode: "7007" }],
    ]);
  });

  it("promotes an account whose link went stale because it stopped being a customer, and audits it", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/accounts/${f.ids[LONELY]}`;
    await f.bookkeeper("PUT", `${path}/link`, { customerNumber: "9009" });
    f.harness.sim.control.updateAccount(f.division, f.ids[LONELY]!, { Status: "P" });
    await f.integration("POST", `/v1/divisions/${f.division}/sync?wait=true`);
    expect(await jsonOf<AccountDetail>(await f.bookkeeper("GET", path))).toMatchObject({
      state: "conflict",
      warnings: [expect.objectContaining({ code: "not_a_customer" })],
    });

    const promoted = await f.bookkeeper("POST", `${path}/promote-and-link`, { customerNumber: "9009" });
    expect(await jsonOf<AccountDetail>(promoted)).toMatchObject({
      state: "linked",
      link: { method: "manual" },
    });
    const events = await jsonOf<{ events: { action: string; details: unknown }[] }>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/link-events`),
    );
    expect(events.events[0]).toMatchObject({ action: "promote", details: { previousStatus: "P" } });
  });

  it("answers 409 before calling Exact when the customer is linked elsewhere", async () => {
    const f = await start();
    await f.bookkeeper("PUT", `/v1/divisions/${f.division}/accounts/${f.ids[LONELY]}/link`, {
      customerNumber: "7007",
    });
    f.harness.sim.control.resetCalls();
    const response = await f.bookkeeper(
      "POST",
      `/v1/divisions/${f.division}/accounts/${f.ids[GAMMA]}/promote-and-link`,
      { customerNumber: "7007" },
    );
    expect(response.status).toBe(409);
    expect(f.exactCalls()).toEqual([]);
  });

  it("lists every problem; 401; 403 for the integration; 404 for another tenant", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/accounts/${f.ids[GAMMA]}/promote-and-link`;
    expect(await problemPathsOf(await f.bookkeeper("POST", path, { customerNumber: 7007 }))).toEqual([
      "body.customerNumber",
    ]);
    expect((await f.call("", "POST", path, { customerNumber: "7007" })).status).toBe(401);
    expect((await f.integration("POST", path, { customerNumber: "7007" })).status).toBe(403);
    const other = await createTenant(f.harness.deps, { name: "Other operator" });
    expect((await f.call(other.tokens.bookkeeper, "POST", path, { customerNumber: "7007" })).status).toBe(
      404,
    );
    expect(f.exactCalls()).toEqual([]);
  });
});

describe("POST /v1/divisions/{division}/accounts/accept-suggestions", () => {
  it("skips a contradiction with the reason that blocks it, not the evidence behind it", async () => {
    fixture = await startLinkingFixture({
      accounts: [
        { Name: "Number Holder BV", Status: "C", IsSales: true, SearchCode: "4004" },
        { Name: "Vat Holder BV", Status: "C", IsSales: true, VATNumber: "BE0407186105", Country: "BE" },
      ],
      customers: { "4004": { name: "Split Personality", vatNumber: "BE0407186105", country: "BE" } },
    });
    const path = `/v1/divisions/${fixture.division}/accounts/accept-suggestions`;
    const preview = await jsonOf<AcceptSuggestionsResult>(
      await fixture.bookkeeper("POST", path, { dryRun: true }),
    );
    expect(preview.linked).toEqual([]);
    expect(preview.skipped.map((skip) => skip.reason.code)).toEqual([
      "vat_contradiction",
      "vat_contradiction",
    ]);
  });

  it("previews, then links every unambiguous suggestion and reports what it skipped and why", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/accounts/accept-suggestions`;
    const preview = await jsonOf<AcceptSuggestionsResult>(await f.bookkeeper("POST", path, { dryRun: true }));
    expect(preview.linked.map((pair) => [pair.accountName, pair.customer.number])).toEqual([
      ["Acme NV", "1001"],
      ["Beta BV", "2002"],
    ]);
    expect(preview.skipped.map((skip) => [skip.accountName, skip.reason.code])).toEqual([
      ["Delta Groep", "vat_shared_by_several"],
      ["Delta Groep Gent", "vat_shared_by_several"],
    ]);
    const overview = `/v1/divisions/${f.division}/accounts?state=linked`;
    expect((await jsonOf<Page>(await f.bookkeeper("GET", overview))).accounts).toEqual([]);

    const done = await jsonOf<AcceptSuggestionsResult>(await f.bookkeeper("POST", path, { dryRun: false }));
    expect(done.linked).toEqual(preview.linked);
    const linked = await jsonOf<Page>(await f.bookkeeper("GET", overview));
    expect(
      linked.accounts.map((row) => [row.account.name, row.link?.method, row.link?.customer.number]),
    ).toEqual([
      ["Acme NV", "suggestion", "1001"],
      ["Beta BV", "suggestion", "2002"],
    ]);
    const twice = await jsonOf<AcceptSuggestionsResult>(await f.bookkeeper("POST", path, { dryRun: false }));
    expect(twice.linked).toEqual([]);
  });

  it("takes only the accounts asked for, saying why each was not linked", async () => {
    const f = await start();
    const response = await f.bookkeeper("POST", `/v1/divisions/${f.division}/accounts/accept-suggestions`, {
      dryRun: false,
      exactIds: [f.ids[BETA], f.ids[LONELY], "00000000-0000-0000-0000-00000000abcd"],
    });
    const result = await jsonOf<AcceptSuggestionsResult>(response);
    expect(result.linked.map((pair) => pair.customer.number)).toEqual(["2002"]);
    expect(result.skipped.map((skip) => skip.reason.code)).toEqual(["no_suggestion", "no_suggestion"]);
  });

  it("lists every problem; 401; 403 for the integration; 404 for another tenant", async () => {
    const f = await start();
    const path = `/v1/divisions/${f.division}/accounts/accept-suggestions`;
    const bad = await f.bookkeeper("POST", path, { dryRun: "no", exactIds: ["nope"] });
    expect((await problemPathsOf(bad)).sort()).toEqual(["body.dryRun", "body.exactIds[0]"]);
    expect((await f.bookkeeper("POST", path, {})).status).toBe(400);
    expect((await f.call("", "POST", path, { dryRun: true })).status).toBe(401);
    expect((await f.integration("POST", path, { dryRun: true })).status).toBe(403);
    const other = await createTenant(f.harness.deps, { name: "Other operator" });
    expect((await f.call(other.tokens.bookkeeper, "POST", path, { dryRun: true })).status).toBe(404);
  });
});

describe("GET /v1/divisions/{division}/link-events", () => {
  it("pages newest first and filters by customer or account", async () => {
    const f = await start();
    await f.bookkeeper("POST", `/v1/divisions/${f.division}/accounts/accept-suggestions`, { dryRun: false });
    await f.bookkeeper("DELETE", `/v1/divisions/${f.division}/accounts/${f.ids[ACME]}/link`);
    type Events = { events: { action: string; customerNumber: string }[]; nextCursor: string | null };
    const base = `/v1/divisions/${f.division}/link-events`;
    const first = await jsonOf<Events>(await f.integration("GET", `${base}?limit=2`));
    const rest = await jsonOf<Events>(
      await f.integration("GET", `${base}?limit=2&cursor=${first.nextCursor}`),
    );
    expect([...first.events, ...rest.events].map((event) => [event.action, event.customerNumber])).toEqual([
      ["unlink", "1001"],
      ["link", "2002"],
      ["link", "1001"],
    ]);
    expect(rest.nextCursor).toBeNull();
    const ofAccount = await jsonOf<Events>(
      await f.integration("GET", `${base}?exactId=${f.ids[ACME]?.toUpperCase()}`),
    );
    expect(ofAccount.events.map((event) => event.action)).toEqual(["unlink", "link"]);
    const ofCustomer = await jsonOf<Events>(await f.integration("GET", `${base}?customerNumber=2002`));
    expect(ofCustomer.events.map((event) => event.action)).toEqual(["link"]);
  });

  it("lists every problem; 401; 404 for another tenant's division", async () => {
    const f = await start();
    const base = `/v1/divisions/${f.division}/link-events`;
    const bad = await f.bookkeeper(
      "GET",
      `${base}?limit=x&exactId=1&customerNumber=${encodeURIComponent("<a>")}`,
    );
    expect((await problemPathsOf(bad)).sort()).toEqual([
      "query.customerNumber",
      "query.exactId",
      "query.limit",
    ]);
    expect((await f.call("", "GET", base)).status).toBe(401);
    const other = await createTenant(f.harness.deps, { name: "Other operator" });
    expect((await f.call(other.tokens.bookkeeper, "GET", base)).status).toBe(404);
  });
});

describe("a division whose accounts were never loaded", () => {
  it("the panel's account and the overview answer 409 saying the division needs loading", async () => {
    const unloaded = 7_200_098;
    fixture = await startLinkingFixture({ unloadedDivisions: [unloaded] });
    for (const path of [
      `/v1/divisions/${unloaded}/accounts`,
      `/v1/divisions/${unloaded}/accounts/00000000-0000-0000-0000-000000000001`,
    ]) {
      const response = await fixture.bookkeeper("GET", path);
      expect(response.status).toBe(409);
      const error = await errorOf(response);
      expect(error.message).toContain("have not been loaded yet");
      expect(error.details).toEqual({ reason: "mirror_not_loaded", division: unloaded, lastLoadedAt: null });
    }
  });
});

describe("PUT …/link: the zapfloor number into the account's empty SearchCode", () => {
  type Linked = LinkResult;
  const startSearchCodes = async () => {
    fixture = await startLinkingFixture({
      accounts: [
        { Name: "Empty Search BV", Status: "C", IsSales: true },
        { Name: "Own Search BV", Status: "C", IsSales: true, SearchCode: "OWN" },
        { Name: "Holder BV", Status: "C", IsSales: true, SearchCode: "5005" },
        { Name: "Other Empty BV", Status: "C", IsSales: true },
      ],
      customers: {
        "4004": { name: "Somebody Else", country: "BE" },
        "5005": { name: "Holder's Twin", country: "BE" },
        "1234567890": { name: "Long Number", country: "BE" },
      },
    });
    return fixture;
  };
  const link = (f: LinkingFixture, index: number, body: Record<string, unknown>) =>
    f.bookkeeper("PUT", `/v1/divisions/${f.division}/accounts/${f.ids[index]}/link`, body);

  it("sets an empty SearchCode with one Exact call, says so, shows it beforehand, and the link survives a lost link table", async () => {
    const f = await startSearchCodes();
    const detail = await jsonOf<AccountDetail>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts/${f.ids[0]}`),
    );
    expect(detail.candidates).toEqual([]);
    const response = await link(f, 0, { customerNumber: "4004", accountModified: detail.accountModified });
    expect(response.status).toBe(200);
    expect(await jsonOf<Linked>(response)).toMatchObject({
      state: "linked",
      account: { searchCode: "4004" },
      searchCodeResult: { outcome: "set", searchCode: "4004" },
    });
    expect(f.exactCalls().map((call) => [call.method, call.body])).toEqual([["PUT", { SearchCode: "4004" }]]);
    expect(f.harness.sim.control.account(f.division, f.ids[0]!)?.SearchCode).toBe("4004");
    const events = await jsonOf<{ events: { details: unknown }[] }>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/link-events`),
    );
    expect(events.events[0]?.details).toEqual({ changes: [{ field: "SearchCode", from: null, to: "4004" }] });

    // Without the proxy's link, Exact alone now says which account is zapfloor's 4004.
    await f.bookkeeper("DELETE", `/v1/divisions/${f.division}/accounts/${f.ids[0]}/link`);
    f.harness.sim.control.resetCalls();
    const match = await jsonOf<{ outcome: string; exactAccount: { id: string } }>(
      await f.integration("POST", `/v1/divisions/${f.division}/customers/4004/match`, { create: false }),
    );
    expect(match).toMatchObject({ outcome: "match", exactAccount: { id: f.ids[0] } });
    // Linked again: the SearchCode is already the number, so Exact is not called.
    const again = await jsonOf<Linked>(await link(f, 0, { customerNumber: "4004" }));
    expect(again.searchCodeResult.outcome).toBe("already_set");
    expect(f.exactCalls().filter((call) => call.method !== "GET")).toEqual([]);
  });

  it("never overwrites another SearchCode, nor sets one another account carries or one too long; says which", async () => {
    const f = await startSearchCodes();
    const own = await jsonOf<Linked>(await link(f, 1, { customerNumber: "4004" }));
    expect(own.searchCodeResult).toEqual({
      outcome: "kept_other",
      searchCode: "OWN",
      message:
        'The SearchCode "OWN" was kept: it is not zapfloor\'s number 4004, and an existing SearchCode is never overwritten.',
    });
    const taken = await jsonOf<Linked>(await link(f, 3, { customerNumber: "5005" }));
    expect(taken.searchCodeResult).toMatchObject({ outcome: "taken", searchCode: null });
    const long = await jsonOf<Linked>(await link(f, 0, { customerNumber: "1234567890" }));
    expect(long.searchCodeResult).toMatchObject({ outcome: "too_long", searchCode: null });
    expect(f.exactCalls()).toEqual([]);
    expect(f.harness.sim.control.account(f.division, f.ids[1]!)?.SearchCode).toBe("OWN");
  });

  it("previews the SearchCode a candidate's link would set", async () => {
    fixture = await startLinkingFixture({
      accounts: [{ Name: "Preview Works BV", Status: "C", IsSales: true }],
      customers: { "6006": { name: "Preview Works", country: "BE" } },
    });
    const detail = await jsonOf<AccountDetail>(
      await fixture.bookkeeper("GET", `/v1/divisions/${fixture.division}/accounts/${fixture.ids[0]}`),
    );
    expect(detail.candidates[0]).toMatchObject({
      customer: { number: "6006" },
      linkChanges: [{ field: "SearchCode", from: null, to: "6006" }],
    });
  });

  it("refuses, calling Exact not at all, when the account changed in Exact since it was shown", async () => {
    const f = await startSearchCodes();
    const path = `/v1/divisions/${f.division}/accounts/${f.ids[0]}`;
    const shown = await jsonOf<AccountDetail>(await f.bookkeeper("GET", path));
    f.harness.clock.advance(1_000);
    f.harness.sim.control.updateAccount(f.division, f.ids[0]!, { Name: "Renamed BV" });
    await syncDivision(f.harness.deps, { tenantId: f.tenant.tenantId, division: f.division });
    f.harness.sim.control.resetCalls();
    const response = await link(f, 0, { customerNumber: "4004", accountModified: shown.accountModified });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).details).toMatchObject({ reason: "changed_in_exact" });
    expect(f.exactCalls()).toEqual([]);
    expect((await jsonOf<AccountDetail>(await f.bookkeeper("GET", path))).link).toBeNull();
  });
  it("lists each account's version in the overview, so a link made from the list is refused on a stale row too", async () => {
    const f = await startSearchCodes();
    const listed = await jsonOf<Page>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts?q=Empty%20Search`),
    );
    const shown = await jsonOf<AccountDetail>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts/${f.ids[0]}`),
    );
    expect(listed.accounts.map((row) => row.accountModified)).toEqual([shown.accountModified]);
    f.harness.clock.advance(1_000);
    f.harness.sim.control.updateAccount(f.division, f.ids[0]!, { Email: "new@empty.test" });
    await syncDivision(f.harness.deps, { tenantId: f.tenant.tenantId, division: f.division });
    f.harness.sim.control.resetCalls();
    const response = await link(f, 0, {
      customerNumber: "4004",
      accountModified: listed.accounts[0]!.accountModified,
    });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).details).toMatchObject({ reason: "changed_in_exact" });
    expect(f.exactCalls()).toEqual([]);
  });
});

describe("POST /v1/divisions/{division}/accounts/{exactId}/add-vat-and-link", () => {
  const advies = { Name: "Advies Rotterdam B.V.", Status: "C", IsSales: true, Country: "BE" };
  const customer = {
    name: "Advies Rotterdam BV",
    vatNumber: "BE 0407.186.105",
    companyNumber: "0407186105",
    country: "BE",
  };
  const startWithTwin = async () => {
    fixture = await startLinkingFixture({ accounts: [advies], customers: { "2003": customer } });
    return fixture;
  };
  const writes = (f: LinkingFixture) =>
    f
      .exactCalls()
      .filter((call) => call.method !== "GET")
      .map((call) => [call.method, call.body]);

  it("offers the fix with what it changes, then makes it with one Exact call (the PUT), links and audits it", async () => {
    const f = await startWithTwin();
    const path = `/v1/divisions/${f.division}/accounts/${f.ids[0]}`;
    const before = await jsonOf<AccountDetail>(await f.bookkeeper("GET", path));
    expect(before.accountModified).toEqual(expect.any(String));
    expect(before.candidates[0]).toMatchObject({
      customer: { number: "2003" },
      fix: {
        action: "add_vat_and_link",
        changes: [
          { field: "VATNumber", from: null, to: "BE0407186105" },
          { field: "ChamberOfCommerce", from: null, to: "0407186105" },
        ],
      },
    });

    const response = await f.bookkeeper("POST", `${path}/add-vat-and-link`, {
      customerNumber: "2003",
      accountModified: before.accountModified,
    });
    expect(response.status).toBe(200);
    expect(f.exactCalls().map((call) => call.method)).toEqual(["PUT"]);
    expect(await jsonOf<AccountDetail>(response)).toMatchObject({
      state: "linked",
      account: { vatNumber: "BE0407186105", chamberOfCommerce: "0407186105" },
      link: { customerNumber: "2003", method: "vat" },
    });
    expect(f.harness.sim.control.account(f.division, f.ids[0]!)).toMatchObject({
      VATNumber: "BE0407186105",
      ChamberOfCommerce: "0407186105",
      Name: "Advies Rotterdam B.V.",
    });
    expect(writes(f)).toEqual([["PUT", { VATNumber: "BE0407186105", ChamberOfCommerce: "0407186105" }]]);
    expect(f.exactCalls().filter((call) => call.status >= 400)).toEqual([]);
    const events = await jsonOf<{ events: { action: string; details: unknown }[] }>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/link-events`),
    );
    expect(events.events[0]).toMatchObject({
      action: "link",
      details: { fix: "add_vat_and_link", changes: [{ field: "VATNumber" }, { field: "ChamberOfCommerce" }] },
    });
    // The customer now matches by its VAT number: linked, and nothing is created.
    const match = await jsonOf<{ outcome: string }>(
      await f.integration("POST", `/v1/divisions/${f.division}/customers/2003/match`, { create: true }),
    );
    expect(match.outcome).toBe("linked");
  });

  it("refuses, calling Exact not at all, when the account changed in Exact since it was shown", async () => {
    const f = await startWithTwin();
    const path = `/v1/divisions/${f.division}/accounts/${f.ids[0]}`;
    const shown = await jsonOf<AccountDetail>(await f.bookkeeper("GET", path));
    f.harness.clock.advance(1_000);
    f.harness.sim.control.updateAccount(f.division, f.ids[0]!, { Email: "new@advies.test" });
    // The mirror hears of the change as it does in production: the periodic sync (or Exact's webhook).
    await syncDivision(f.harness.deps, { tenantId: f.tenant.tenantId, division: f.division });
    f.harness.sim.control.resetCalls();

    const response = await f.bookkeeper("POST", `${path}/add-vat-and-link`, {
      customerNumber: "2003",
      accountModified: shown.accountModified,
    });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.message).toContain("was changed in Exact Online since it was shown");
    expect(error.details).toMatchObject({ reason: "changed_in_exact" });
    expect(f.exactCalls()).toEqual([]);
    expect(f.harness.sim.control.account(f.division, f.ids[0]!)?.VATNumber ?? null).toBeNull();
    // Looked at again, the fix goes through, still with one call.
    const again = await jsonOf<AccountDetail>(await f.bookkeeper("GET", path));
    expect(again).toMatchObject({ account: { email: "new@advies.test" }, link: null });
    expect(again.accountModified).not.toBe(shown.accountModified);
    const fixed = await f.bookkeeper("POST", `${path}/add-vat-and-link`, {
      customerNumber: "2003",
      accountModified: again.accountModified,
    });
    expect(fixed.status).toBe(200);
    expect(f.exactCalls().map((call) => call.method)).toEqual(["PUT"]);
  });

  it("refuses on a mirror too old to decide on, before calling Exact", async () => {
    const f = await startWithTwin();
    f.harness.clock.advance(25 * 60 * 60_000);
    const response = await f.bookkeeper(
      "POST",
      `/v1/divisions/${f.division}/accounts/${f.ids[0]}/add-vat-and-link`,
      { customerNumber: "2003" },
    );
    expect(response.status).toBe(409);
    expect((await errorOf(response)).details).toMatchObject({ reason: "mirror_not_loaded" });
    expect(f.exactCalls()).toEqual([]);
  });

  it("refuses without calling Exact when the account has a VAT number or the names differ", async () => {
    fixture = await startLinkingFixture({
      accounts: [
        { ...advies, VATNumber: "BE1000000120" },
        { Name: "Zeta Holding", Status: "C", IsSales: true },
      ],
      customers: { "2003": customer },
    });
    for (const id of fixture.ids) {
      const response = await fixture.bookkeeper(
        "POST",
        `/v1/divisions/${fixture.division}/accounts/${id}/add-vat-and-link`,
        { customerNumber: "2003" },
      );
      expect(response.status).toBe(409);
    }
    expect(fixture.exactCalls()).toEqual([]);
  });
});

describe("duplicates already in Exact", () => {
  it("the overview and the panel flag customers that look like the same company, and a match says which it chose", async () => {
    fixture = await startLinkingFixture({
      accounts: [
        { Name: "Twin Works B.V.", Status: "C", IsSales: true, VATNumber: "BE0407186105", Country: "BE" },
        { Name: "BV Twin Works", Status: "C", IsSales: true },
        { Name: "Twin Prospect", Status: "P", VATNumber: "BE0407186105", Country: "BE" },
      ],
      customers: { "3003": { name: "Twin Works", vatNumber: "BE0407186105", country: "BE" } },
    });
    const f = fixture;
    const page = await jsonOf<{ accounts: OverviewRow[] }>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts?q=twin`),
    );
    const byId = new Map(page.accounts.map((row) => [row.account.id, row]));
    expect(byId.get(f.ids[0]!)?.lookalikes).toEqual([
      { accountId: f.ids[1], name: "BV Twin Works", code: expect.any(String), sharedOn: ["name"] },
    ]);
    expect(byId.get(f.ids[1]!)?.lookalikes).toEqual([expect.objectContaining({ accountId: f.ids[0] })]);
    const detail = await jsonOf<AccountDetail>(
      await f.bookkeeper("GET", `/v1/divisions/${f.division}/accounts/${f.ids[1]}`),
    );
    expect(detail.lookalikes).toEqual([expect.objectContaining({ accountId: f.ids[0], sharedOn: ["name"] })]);

    const match = await jsonOf<{ outcome: string; reasons: { code: string; message: string }[] }>(
      await f.integration("POST", `/v1/divisions/${f.division}/customers/3003/match`, { create: false }),
    );
    expect(match.outcome).toBe("match");
    const explained = match.reasons.find((reason) => reason.code === "duplicates_in_exact");
    expect(explained?.message).toBe(
      'Exact also has "BV Twin Works" (same name), which looks like the same company; "Twin Works B.V." was chosen because it has the customer\'s VAT number. Merge the duplicates in Exact.',
    );
  });
});
