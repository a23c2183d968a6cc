import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LibsqlError } from "@libsql/client";
import { and, eq } from "drizzle-orm";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { accountRow } from "../services/mirror/account-row";
import { insertConnectedDivision } from "../testing/connected-division";
import { exactAccount } from "../testing/exact-account";
import { countStatements } from "../testing/statement-count";
import { type Db, type Database as OpenDatabase, openDatabase, prepareDatabase } from "./client";
import { writeCustomer } from "./customer-store";
import { type DivisionProbe, probeDivision } from "./division-probe";
import { appendLinkEvent, insertLink } from "./link-store";
import { finishSync, markAccountsDeleted, takeSyncLease, upsertAccounts } from "./mirror-store";
import { divisionSettings, divisions, tenants } from "./schema";

const scope = { tenantId: "tenant-1", division: 42 };
const START = Date.UTC(2026, 10, 25, 9, 0, 0);
const opened: OpenDatabase[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** One database file, a process that probes it and another (a replica) that writes to it. */
async function twoReplicas() {
  const folder = mkdtempSync(join(tmpdir(), "zfx-division-probe-"));
  folders.push(folder);
  const url = `file:${join(folder, "proxy.db")}`;
  const open = () => {
    const database = openDatabase(url);
    opened.push(database);
    return database;
  };
  const prober = open();
  await prepareDatabase(prober);
  const writer = open().db;
  await writer.insert(tenants).values({ id: scope.tenantId, name: "Tenant", createdAt: START });
  await insertConnectedDivision(writer, { ...scope, name: "Division", now: START });
  /** The probe as a process that never read it before reads it: in full. */
  const readFresh = async () => {
    const fresh = openDatabase(url);
    try {
      return await probeDivision(fresh.db, scope);
    } finally {
      fresh.close();
    }
  };
  return { prober, writer, readFresh, file: join(folder, "proxy.db") };
}

describe("the division probe", () => {
  it("answers what a full read answers after each kind of write another replica makes", async () => {
    const { prober, writer, readFresh } = await twoReplicas();
    let now = START;
    const writes: [string, (db: Db) => Promise<unknown>][] = [
      ["an account mirrored", (db) => upsertAccounts(db, [accountRow(scope, exactAccount(1, "Acme"), now)])],
      [
        "an account changed",
        (db) => upsertAccounts(db, [accountRow(scope, exactAccount(1, "Acme NV"), now)]),
      ],
      ["a sync pass started", (db) => takeSyncLease(db, scope, "other", "full", now, 60_000)],
      [
        "a sync pass ended",
        (db) => finishSync(db, scope, "other", { status: "idle", lastCompletedAt: now, lastFullAt: now }),
      ],
      [
        "an account deleted",
        (db) => markAccountsDeleted(db, scope, ["00000000-0000-0000-0000-000000000001"], now),
      ],
      [
        "a customer stored",
        (db) =>
          writeCustomer(db, {
            tenantId: scope.tenantId,
            number: "1001",
            name: "Acme",
            nameKey: "acme",
            createdAt: now,
            updatedAt: now,
          }),
      ],
      [
        "a customer changed",
        (db) =>
          writeCustomer(db, {
            tenantId: scope.tenantId,
            number: "1001",
            name: "Acme NV",
            nameKey: "acme nv",
            createdAt: now,
            updatedAt: now,
          }),
      ],
      [
        "a link made",
        (db) =>
          db.transaction(async (tx) => {
            const link = { customerNumber: "1001", exactId: "x", method: "manual" as const };
            await insertLink(tx, scope, { ...link, linkedBy: "other", linkedAt: now });
            await appendLinkEvent(tx, scope, { ...link, action: "link", actor: "other", at: now });
          }),
      ],
      [
        "the division's settings stored",
        (db) =>
          db.insert(divisionSettings).values({
            ...scope,
            glMapping: {},
            vatMapping: { rates: {} },
            similarNameMatch: "create",
            updatedAt: now,
          }),
      ],
      [
        "the division's settings changed",
        (db) =>
          db
            .update(divisionSettings)
            .set({ similarNameMatch: "review", updatedAt: now })
            .where(
              and(
                eq(divisionSettings.tenantId, scope.tenantId),
                eq(divisionSettings.division, scope.division),
              ),
            ),
      ],
      [
        "the division no longer covered by the consent",
        (db) =>
          db
            .update(divisions)
            .set({ accessible: false, updatedAt: now })
            .where(and(eq(divisions.tenantId, scope.tenantId), eq(divisions.division, scope.division))),
      ],
    ];
    let before: DivisionProbe = await probeDivision(prober.db, scope);
    for (const [write, run] of writes) {
      now += 1_000;
      await run(writer);
      const probed = await probeDivision(prober.db, scope);
      expect(probed, write).not.toEqual(before);
      expect(probed, write).toEqual(await readFresh());
      before = probed;
    }
  });

  it("reads only the change versions while nothing changed, and in full after a change", async () => {
    const { prober, writer } = await twoReplicas();
    await probeDivision(prober.db, scope);
    const statements = countStatements(prober);
    for (let i = 0; i < 3; i++) await probeDivision(prober.db, scope);
    expect(statements()).toBe(3);

    await upsertAccounts(writer, [accountRow(scope, exactAccount(1, "Acme"), START)]);
    await probeDivision(prober.db, scope);
    expect(statements()).toBe(5);
    await probeDivision(prober.db, scope);
    expect(statements()).toBe(6);
  });

  it("shares one read among the requests of a turn, and each sees every write committed before it arrived", async () => {
    const { prober, file } = await twoReplicas();
    await probeDivision(prober.db, scope);
    const statements = countStatements(prober);
    // Another replica, committing without leaving the turn.
    const other = new Database(file, { timeout: 1_000 });
    try {
      const setAccess = other.prepare(
        "update divisions set accessible = ? where tenant_id = ? and division = ?",
      );
      setAccess.run(0, scope.tenantId, scope.division);
      const first = probeDivision(prober.db, scope);
      setAccess.run(1, scope.tenantId, scope.division);
      const second = probeDivision(prober.db, scope);
      // The second request arrived after access was given back: the read they share starts later still.
      expect((await second).accessible).toBe(true);
      expect(await first).toBe(await second);
      expect(statements()).toBe(2);

      setAccess.run(0, scope.tenantId, scope.division);
      expect((await probeDivision(prober.db, scope)).accessible).toBe(false);
      expect(statements()).toBe(4);
    } finally {
      other.close();
    }
  });

  it("reads through the client while the kept statement finds the file busy", async () => {
    const { prober, writer, readFresh } = await twoReplicas();
    await probeDivision(prober.db, scope);
    const reader = prober.reader!;
    const first = reader.first.bind(reader);
    let busy = 0;
    reader.first = (...args) => {
      busy++;
      if (busy === 1) throw new LibsqlError("database is locked", "SQLITE_BUSY");
      return first(...args);
    };
    await upsertAccounts(writer, [accountRow(scope, exactAccount(1, "Acme"), START)]);
    const asked = [probeDivision(prober.db, scope), probeDivision(prober.db, scope)];
    const fresh = await readFresh();
    for (const probe of await Promise.all(asked)) expect(probe).toEqual(fresh);
    expect(busy).toBe(1);
  });
});
