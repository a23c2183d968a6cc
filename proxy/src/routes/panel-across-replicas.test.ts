import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AccountDetail } from "@zapfloor-exact/shared/schemas/accounts";
import type { MatchResult } from "@zapfloor-exact/shared/schemas/matching";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { finishSync, markAccountsDeleted, takeSyncLease, upsertAccounts } from "../db/mirror-store";
import { getAccount } from "../exact/resources/accounts";
import { storeConnection } from "../services/exact-connection/store-connection";
import { accountRow } from "../services/mirror/account-row";
import { refreshAccount } from "../services/mirror/refresh-account";
import { divisionView } from "../services/overview/division-view";
import { jsonOf } from "../testing/http";
import { type LinkingFixture, startLinkingFixture } from "../testing/linking-fixture";
import { startSqld } from "../testing/processes";
import { createTestApp } from "../testing/test-app";

/**
 * Two replicas of the proxy on one database (a file, or a libSQL server as when scaled out), each with its own
 * in-memory view of the division: what one writes, the other's next answer shows, without waiting for any
 * window to pass.
 */
const folders: string[] = [];
let sqld: Awaited<ReturnType<typeof startSqld>> | undefined;
beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), "zfx-replicas-sqld-"));
  folders.push(folder);
  sqld = await startSqld(join(folder, "sqld"));
}, 30_000);
afterAll(async () => {
  await sqld?.stop();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

let fixture: LinkingFixture | undefined;
let other: Awaited<ReturnType<typeof createTestApp>> | undefined;
afterEach(async () => {
  await other?.deps.jobs.stop();
  other?.database.close();
  other = undefined;
  await fixture?.close();
  fixture = undefined;
});

const ACME = 0;
const BETA = 1;
const LONELY = 2;

/** A new file per test; the one server for all (each test's tenant is another). */
function databaseUrlOf(kind: "file" | "server"): string {
  if (kind === "server") return sqld!.url;
  const folder = mkdtempSync(join(tmpdir(), "zfx-replicas-"));
  folders.push(folder);
  return `file:${join(folder, "proxy.db")}`;
}

async function twoReplicas(kind: "file" | "server") {
  const databaseUrl = databaseUrlOf(kind);
  fixture = await startLinkingFixture({
    databaseUrl,
    accounts: [
      { Name: "Acme NV", Status: "C", IsSales: true, VATNumber: "BE0407186105", Country: "BE" },
      { Name: "Beta BV", Status: "C", IsSales: true, SearchCode: "2002" },
      { Name: "Lonely BV", Status: "C", IsSales: true },
    ],
    customers: {
      "1001": { name: "Acme", vatNumber: "BE0407186105", country: "BE" },
      "2002": { name: "Beta", country: "BE" },
      "6006": { name: "Lonely", country: "BE" },
    },
  });
  const f = fixture;
  const { harness, tenant, division } = f;
  other = await createTestApp({
    databaseUrl,
    clock: harness.clock,
    exact: { app: harness.exactApp, secretKey: harness.secretKey },
  });
  const second = other;
  const scope = { tenantId: tenant.tenantId, division };
  const path = (index: number) => `/v1/divisions/${division}/accounts/${f.ids[index]}`;
  const panel = async (index: number) => jsonOf<AccountDetail>(await f.bookkeeper("GET", path(index)));
  // The first replica's view is built and past its window for recent writes: it answers from memory.
  await divisionView(harness.deps, scope);
  harness.clock.advance(11_000);
  await panel(ACME);
  return {
    f,
    scope,
    path,
    panel,
    /** The other replica. */
    other: {
      deps: second.deps,
      call: (token: string, method: string, at: string, body?: unknown) =>
        second.app.request(at, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
    },
  };
}

describe.each([
  ["a database file", "file"],
  ["a libSQL server", "server"],
] as const)("the account panel on one replica, after a write on another, on %s", (_, kind) => {
  it("shows a link made there, and its removal", async () => {
    const { f, path, panel, other } = await twoReplicas(kind);
    expect((await panel(BETA)).link).toBeNull();
    const linked = await other.call(f.tenant.tokens.bookkeeper, "PUT", `${path(BETA)}/link`, {
      customerNumber: "2002",
    });
    expect(linked.status).toBe(200);
    expect(await panel(BETA)).toMatchObject({ state: "linked", link: { customer: { number: "2002" } } });

    expect((await other.call(f.tenant.tokens.bookkeeper, "DELETE", `${path(BETA)}/link`)).status).toBe(200);
    expect((await panel(BETA)).link).toBeNull();
  });

  it("shows a customer changed there", async () => {
    const { f, panel, other } = await twoReplicas(kind);
    expect((await panel(ACME)).candidates[0]?.customer.name).toBe("Acme");
    const stored = await other.call(f.tenant.tokens.integration, "PUT", "/v1/customers/1001", {
      name: "Acme Holding",
      vatNumber: "BE0407186105",
      country: "BE",
    });
    expect(stored.status).toBeLessThan(300);
    expect((await panel(ACME)).candidates[0]?.customer.name).toBe("Acme Holding");
  });

  it("shows an account changed in Exact and read again there, and one deleted there", async () => {
    const { f, scope, panel, other } = await twoReplicas(kind);
    f.harness.sim.control.updateAccount(f.division, f.ids[LONELY]!, { Name: "Lonely Renamed BV" });
    await refreshAccount(other.deps, { ...scope, accountId: f.ids[LONELY]! });
    expect((await panel(LONELY)).account.name).toBe("Lonely Renamed BV");

    f.harness.clock.advance(11_000);
    await panel(LONELY);
    await markAccountsDeleted(other.deps.db, scope, [f.ids[LONELY]!], f.harness.clock.now());
    expect((await panel(LONELY)).account.deleted).toBe(true);
  });

  it("shows what a sync pass there wrote once the pass ends", async () => {
    const { f, scope, panel, other } = await twoReplicas(kind);
    const api = other.deps.exact.client.division(scope.tenantId, scope.division);
    const passStart = f.harness.clock.now();
    expect(await takeSyncLease(other.deps.db, scope, "other", "full", passStart, 600_000)).toBe(true);
    await panel(LONELY);
    // The pass writes its pages long after it started, each row stamped with the pass's start.
    f.harness.clock.advance(5 * 60_000);
    const page = async (index: number) => {
      const read = await getAccount(api, f.ids[index]!);
      await upsertAccounts(other.deps.db, [accountRow(scope, read!, passStart)]);
    };
    await page(ACME);
    await panel(LONELY);
    f.harness.sim.control.updateAccount(f.division, f.ids[LONELY]!, { Name: "Lonely Paged BV" });
    await page(LONELY);
    // A pass's rows are read once it has ended (`mirror-index.ts`).
    expect((await panel(LONELY)).account.name).toBe("Lonely BV");

    await finishSync(other.deps.db, scope, "other", {
      status: "idle",
      lastCompletedAt: f.harness.clock.now(),
    });
    expect((await panel(LONELY)).account.name).toBe("Lonely Paged BV");
  });

  it("answers a match with the division's name setting as saved there", async () => {
    const { f, other } = await twoReplicas(kind);
    const match = async () =>
      jsonOf<MatchResult>(
        await f.integration("POST", `/v1/divisions/${f.division}/customers/7007/match`, { create: false }),
      );
    await f.integration("PUT", "/v1/customers/7007", { name: "Lonely B.V.", country: "BE" });
    f.harness.clock.advance(11_000);
    const before = await match();
    expect(before.outcome).toBe("review");
    expect(before.reasons).toContainEqual(expect.objectContaining({ code: "similar_name_exists" }));

    const settings = await other.call(
      f.tenant.tokens.bookkeeper,
      "PUT",
      `/v1/divisions/${f.division}/settings`,
      {
        salesJournal: "70",
        glMapping: { desks: "700100" },
        vatMapping: { rates: { "21": "3" } },
        similarNameMatch: "create",
      },
    );
    expect(settings.status, await settings.clone().text()).toBe(200);
    expect((await match()).outcome).toBe("create");
  });

  it("answers that the division is not connected once a consent taken there no longer covers it", async () => {
    const { f, scope, path, other } = await twoReplicas(kind);
    await storeConnection(other.deps, {
      tenantId: scope.tenantId,
      host: "start.exactonline.nl",
      tokens: { accessToken: "access", refreshToken: "refresh", expiresIn: 600 },
      issuedAt: f.harness.clock.now(),
      preview: { userId: null, userName: null, currentDivision: 1, divisions: [] },
    });
    const answer = await f.bookkeeper("GET", path(ACME));
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: { details: { reason: "division_not_connected" } } });
  });
});
