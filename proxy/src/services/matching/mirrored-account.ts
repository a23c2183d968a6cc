import { type ExactAccountSnapshot, normaliseCountry, normaliseVat } from "@zapfloor-exact/shared/matching";
import type { ExactAccountView } from "@zapfloor-exact/shared/schemas/matching";
import type { MirrorRow } from "../../db/mirror-reads";
import { snapshotOfRow } from "../mirror/account-row";

/** A mirror row as the matching core sees it, plus what the API shows about it. */
export interface MirroredAccount extends ExactAccountSnapshot {
  email: string | null;
  city: string | null;
  postcode: string | null;
  /** Exact's `Modified` as mirrored (epoch ms): the version a fix or link is checked against. */
  modifiedAt: number | null;
  mirroredAt: number;
  deletedAt: number | null;
}

export function mirroredAccountOf(row: MirrorRow): MirroredAccount {
  return {
    ...snapshotOfRow(row),
    email: row.email,
    city: row.city,
    postcode: row.postcode,
    modifiedAt: row.exactModifiedAt,
    mirroredAt: row.mirroredAt,
    deletedAt: row.deletedAt,
  };
}

/** Whether two readings of an account say the same (a re-read recent row usually does). */
export function sameMirroredAccount(a: MirroredAccount, b: MirroredAccount): boolean {
  return (Object.keys(b) as (keyof MirroredAccount)[]).every((key) => a[key] === b[key]);
}

const trimmed = (value: string | null | undefined) => value?.trim() || null;

/** The API's view of an account: Code and SearchCode without Exact's padding. */
export function exactAccountView(account: ExactAccountSnapshot): ExactAccountView {
  const mirrored = account as Partial<MirroredAccount>;
  return {
    id: account.id,
    code: trimmed(account.code),
    searchCode: trimmed(account.searchCode),
    name: account.name,
    vatNumber: trimmed(account.vatNumber),
    vatNumberNormalised:
      normaliseVat(account.vatNumber, { country: normaliseCountry(account.country) }).canonical ?? null,
    chamberOfCommerce: trimmed(account.chamberOfCommerce),
    status: account.status,
    isCustomer: account.status === "C",
    isSupplier: account.isSupplier,
    isSales: account.isSales ?? false,
    blocked: account.blocked,
    email: mirrored.email ?? null,
    city: mirrored.city ?? null,
    country: trimmed(account.country),
    deleted: mirrored.deletedAt !== undefined && mirrored.deletedAt !== null,
    mirroredAt: new Date(mirrored.mirroredAt ?? 0).toISOString(),
  };
}
