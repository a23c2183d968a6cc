/** Short, stable names for what went wrong in the database; never its SQL or the values bound to it. */
export type StorageErrorCode = "storage_full" | "storage_busy" | "storage_unavailable";

const byCode: [RegExp, StorageErrorCode][] = [
  [/^SQLITE_FULL/, "storage_full"],
  [/^SQLITE_(BUSY|LOCKED)/, "storage_busy"],
  [/^SQLITE_(IOERR|CANTOPEN|CORRUPT|NOTADB|READONLY|PERM|NOLFS)/, "storage_unavailable"],
];

/** The storage failure behind an error (libSQL's, possibly wrapped by drizzle), if it is one. */
export function storageErrorOf(error: unknown): StorageErrorCode | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      const found = byCode.find(([pattern]) => pattern.test(code));
      if (found) return found[1];
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A failed query's message carries its SQL and bound values (names, e-mail addresses): never show it. */
const isQueryError = (error: unknown) =>
  error instanceof Error && (error.name === "DrizzleQueryError" || error.message.startsWith("Failed query"));

/**
 * What may be said of an error in a log line or a stored `lastError`: a storage code, `database_error` for any
 * other failed query, or the error's own message (ours, written to be shown), cut short.
 */
export function describeError(error: unknown): string {
  const storage = storageErrorOf(error);
  if (storage) return storage;
  if (isQueryError(error)) return "database_error";
  const text = error instanceof Error ? error.message : String(error);
  if (/\bparams:|\b(insert into|update|delete from|select)\b.*\b(from|set|values)\b/is.test(text)) {
    return "database_error";
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
