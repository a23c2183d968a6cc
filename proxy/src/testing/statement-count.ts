import type { Database } from "../db/client";

/**
 * Counts the statements a database handle sends from now on (on the libSQL client, under the wrapper that
 * serialises writes): for tests that hold a path to a number of reads.
 */
export function countStatements(database: Database): () => number {
  let statements = 0;
  type Execute = (this: Database["client"], ...args: unknown[]) => ReturnType<Database["client"]["execute"]>;
  const execute = Object.getPrototypeOf(database.client).execute as Execute;
  database.client.execute = function (this: Database["client"], ...args: unknown[]) {
    statements++;
    return execute.apply(this, args);
  } as Database["client"]["execute"];
  return () => statements;
}
