import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client";

let database: Database | undefined;
let dir: string | undefined;
afterEach(() => {
  database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withTable(url: string) {
  database = openDatabase(url);
  await database.client.execute("create table notes (id integer primary key, text text)");
  return database;
}

describe("database writes in one process", () => {
  it("wait for a transaction that is open across an await, instead of blocking the event loop", async () => {
    dir = mkdtempSync(join(tmpdir(), "serialized-"));
    const { client } = await withTable(`file:${join(dir, "db.sqlite")}`);
    const started = performance.now();

    const transaction = (async () => {
      const tx = await client.transaction("write");
      await tx.execute("insert into notes (text) values ('first')");
      await pause(100);
      await tx.execute("insert into notes (text) values ('second')");
      await tx.commit();
    })();
    await pause(10);
    const plainWrite = client.execute("insert into notes (text) values ('meanwhile')");
    await Promise.all([transaction, plainWrite]);

    const rows = await client.execute("select text from notes order by id");
    expect(rows.rows.map((row) => row.text)).toEqual(["first", "second", "meanwhile"]);
    // SQLite's busy handler would have held the event loop for the whole 5 s timeout and then failed.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("let a read run while a transaction is open on an embedded file", async () => {
    dir = mkdtempSync(join(tmpdir(), "serialized-"));
    const { client } = await withTable(`file:${join(dir, "db.sqlite")}`);
    const tx = await client.transaction("write");
    await tx.execute("insert into notes (text) values ('pending')");
    const read = await client.execute("select count(*) as n from notes");
    expect(Number(read.rows[0]?.n)).toBe(0);
    await tx.commit();
  });

  it("queue a read behind a transaction on an in-memory database, which has one connection", async () => {
    const { client } = await withTable(":memory:");
    const tx = await client.transaction("write");
    const read = client.execute("select count(*) as n from notes");
    await tx.execute("insert into notes (text) values ('in memory')");
    await tx.commit();
    expect(Number((await read).rows[0]?.n)).toBe(1);
  });

  it("release the turn when a transaction rolls back", async () => {
    const { client } = await withTable(":memory:");
    const tx = await client.transaction("write");
    await tx.execute("insert into notes (text) values ('undone')");
    await tx.rollback();
    await client.execute("insert into notes (text) values ('kept')");
    expect((await client.execute("select text from notes")).rows.map((row) => row.text)).toEqual(["kept"]);
  });
});
