import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fileUrl() {
  const folder = mkdtempSync(join(os.tmpdir(), "zfx-kept-"));
  folders.push(folder);
  return `file:${join(folder, "proxy.db")}`;
}

describe("reads on kept statements", () => {
  it("answer as libSQL's client does: the same columns, values and row shape", async () => {
    const url = fileUrl();
    const database = openDatabase(url);
    const plain = createClient({ url });
    try {
      await database.client.execute("PRAGMA journal_mode = WAL");
      await database.client.execute(
        "create table t (id integer primary key, name text, amount real, big integer, data blob, flag integer)",
      );
      await database.client.execute({
        sql: "insert into t values (?, ?, ?, ?, ?, ?)",
        args: [1, "Acme", 12.5, 2 ** 40, new Uint8Array([1, 2, 3]).buffer, true],
      });
      expect(database.reader).toBeDefined();
      // Distinct column names, and a name given twice (which rows shape differently).
      for (const statement of [
        { sql: "select *, id + 1 as next from t where id = ?", args: [1] },
        { sql: "select *, name as name, id + 1 as next from t where id = :id", args: { id: 1 } },
      ]) {
        const kept = await database.client.execute(statement);
        const again = await database.client.execute(statement);
        const fresh = await plain.execute(statement);
        for (const answer of [kept, again]) {
          expect(answer.columns).toEqual(fresh.columns);
          expect(answer.columnTypes).toEqual(fresh.columnTypes);
          expect(answer.rows.map((row) => Object.keys(row))).toEqual(
            fresh.rows.map((row) => Object.keys(row)),
          );
          expect(answer.rows.map((row) => Array.prototype.slice.call(row))).toEqual(
            fresh.rows.map((row) => Array.prototype.slice.call(row)),
          );
          expect(answer.rows[0]!.length).toBe(fresh.rows[0]!.length);
          expect(answer.toJSON()).toEqual(fresh.toJSON());
          expect(JSON.stringify(answer.rows)).toBe(JSON.stringify(fresh.rows));
          expect({ ...answer.rows[0] }).toEqual({ ...fresh.rows[0] });
        }
      }
    } finally {
      plain.close();
      database.close();
    }
  });

  it("see what another connection committed after they were first used", async () => {
    const url = fileUrl();
    const replica = openDatabase(url);
    const other = openDatabase(url);
    try {
      await replica.client.execute("PRAGMA journal_mode = WAL");
      await replica.client.execute("create table t (id integer primary key)");
      const count = async () =>
        Number((await replica.client.execute("select count(*) as n from t")).rows[0]!.n);
      expect(await count()).toBe(0);
      await other.client.execute("insert into t values (1)");
      expect(await count()).toBe(1);
      await other.db.transaction(async (tx) => {
        await tx.run(sql`insert into t values (2)`);
      });
      expect(await count()).toBe(2);
    } finally {
      other.close();
      replica.close();
    }
  });

  it("fail as the client fails, and the next read runs", async () => {
    const database = openDatabase(fileUrl());
    try {
      await expect(database.client.execute("select * from missing")).rejects.toMatchObject({
        code: "SQLITE_ERROR",
      });
      expect((await database.client.execute("select 1 as one")).rows[0]!.one).toBe(1);
    } finally {
      database.close();
    }
  });

  it("read one row by its first values, without holding a snapshot that would stop another connection's checkpoint", async () => {
    const url = fileUrl();
    const replica = openDatabase(url);
    const other = openDatabase(url);
    try {
      await replica.client.execute("PRAGMA journal_mode = WAL");
      await replica.client.execute("create table t (id integer primary key, name text)");
      await replica.client.execute("insert into t values (1, 'Acme'), (2, 'Beta')");
      const reader = replica.reader!;
      expect(reader.first("select id, name from t order by id", [])).toEqual([1n, "Acme"]);
      expect(reader.first("select id from t where id = ?", [9])).toBeNull();
      expect(reader.first("insert into t values (3, 'Gamma')", [])).toBeUndefined();
      await other.client.execute("insert into t values (4, 'Delta')");
      expect(reader.first("select count(*) from t", [])).toEqual([3n]);
      // The first of several rows was read; the statement was reset, so nothing keeps the log from being emptied.
      const checkpoint = await other.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      expect(checkpoint.rows[0]![0]).toBe(0);
      expect(() => reader.first("select * from missing", [])).toThrow(
        expect.objectContaining({ code: "SQLITE_ERROR" }),
      );
      expect(reader.first("select name from t where id = ?", [4])).toEqual(["Delta"]);
    } finally {
      other.close();
      replica.close();
    }
  });
});
