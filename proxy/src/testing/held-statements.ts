import type { Database } from "../db/client";

/**
 * Holds back the statements a database handle sends whose SQL matches `matches` until `release()` (others run
 * as usual): for tests that show a request is answered while some slow read, such as building a division's
 * index, has not finished. Use a file database: an in-memory one queues every statement behind the held one.
 */
export function holdStatements(database: Database, matches: (sql: string) => boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  type Execute = (this: Database["client"], ...args: unknown[]) => ReturnType<Database["client"]["execute"]>;
  const execute = Object.getPrototypeOf(database.client).execute as Execute;
  database.client.execute = async function (this: Database["client"], ...args: unknown[]) {
    const statement = args[0];
    const sql = typeof statement === "string" ? statement : (statement as { sql: string }).sql;
    if (matches(sql)) {
      held++;
      await released;
    }
    return execute.apply(this, args);
  } as Database["client"]["execute"];
  const { reader } = database;
  if (reader) {
    const read = reader.execute.bind(reader);
    // Declined by the reader, a matching statement goes on to the client, where it is held.
    reader.execute = (statement, args) => {
      const sql = typeof statement === "string" ? statement : statement.sql;
      return matches(sql) ? undefined : read(statement, args);
    };
  }
  return {
    /** How many matching statements were held so far. */
    held: () => held,
    release,
  };
}

/** The reads that build a division's account index: the division's live accounts, page by page. */
export const readsWholeDivision = (sql: string) =>
  sql.includes(
    '"exact_accounts"."deleted_at" is null and "exact_accounts"."id" > ?) order by "exact_accounts"."id"',
  );
