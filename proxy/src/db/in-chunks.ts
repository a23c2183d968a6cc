/** SQLite caps the parameters bound to one statement: a list of keys is read this many at a time. */
const KEYS_PER_STATEMENT = 500;

/** The rows `read` finds for `keys`, asked a statement's worth of keys at a time, in the keys' order. */
export async function readInChunks<Row>(
  keys: readonly string[],
  read: (chunk: string[]) => Promise<Row[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_STATEMENT)
    rows.push(...(await read(keys.slice(start, start + KEYS_PER_STATEMENT))));
  return rows;
}
