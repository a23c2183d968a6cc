import type { MirrorRow } from "../../db/mirror-reads";
import { AppError } from "../../errors";

/** Exact's `Modified` of a mirrored account as the API shows it (`accountModified`). */
export function accountModifiedOf(modifiedAt: number | null): string | null {
  return modifiedAt === null ? null : new Date(modifiedAt).toISOString();
}

/**
 * Refuses (409 `changed_in_exact`) a link or fix confirmed on another version of the account than the mirror
 * holds now: Exact changed it since the bookkeeper looked, and the mirror (kept current by Exact's webhook and
 * the periodic sync) has learnt of it. Nothing is checked when the caller sent no version.
 */
export function assertAccountUnchanged(row: MirrorRow, accountModified: string | null | undefined): void {
  if (accountModified === undefined) return;
  const seen = accountModified === null ? null : Date.parse(accountModified);
  if (seen === row.exactModifiedAt) return;
  throw new AppError(
    "conflict",
    `Exact account "${row.name}" was changed in Exact Online since it was shown; nothing was changed. Look at it again first.`,
    { reason: "changed_in_exact", accountModified: accountModifiedOf(row.exactModifiedAt) },
    { said: { reason: "changed_in_exact", params: { account: row.name } } },
  );
}
