import type { Database } from "../db/client";

/**
 * Counts the statements a database handle sends from now on (on the libSQL client, under the wrapper that
 * serialises writes, and on the reader that keeps statements prepared): for tests that hold a path to a number of reads.
 */
export function countStatements(database: Database): () => number {
  let statements = 0;
  type Execute = (this: Database["client"], ...args: unknown[]) => ReturnType<Database["client"]["execute"]>;
  const execute = Object.getPrototypeOf(database.client).execute as Execute;
  database.client.execute = function (this: Database["client"], ...args: unknown[]) {
    statements++;
    return execute.apply(this, args);
  } as Database["client"]["execute"];
  const { reader } = database;
  if (reader) {
    const read = reader.execute.bind(reader);
    reader.execute = (...args) => {
      const result = read(...args);
      // A statement the reader does not keep goes on to the client, and is counted there.
      if (result) statements++;
      return result;
    };
    const first = reader.first.bind(reader);
    reader.first = (...args) => {
      const result = first(...args);
      if (result !== undefined) statements++;
      return result;
    };
  }
  return () => statements;
}
