import {
  type ExactAccountSnapshot,
  normaliseCode,
  normaliseCountry,
  normaliseVat,
} from "@zapfloor-exact/shared/matching";
import type { ExactAccountView } from "@zapfloor-exact/shared/schemas/matching";
import type { MirrorRow } from "../../db/mirror-reads";
import { snapshotOfRow } from "../mirror/account-row";
import { oneCopy } from "./one-copy";

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

/**
 * Every field written out in one literal, so that the object holds them all in itself (no separate property
 * store), and the values that repeat across a division's accounts (country, city, postcode) shared rather than
 * each row's own copy: a division's index holds one of these per account.
 */
export function mirroredAccountOf(row: MirrorRow): MirroredAccount {
  const snapshot = snapshotOfRow(row);
  return {
    id: snapshot.id,
    // Without Exact's padding (18 characters): the trimmed Code is the very string the index files it under,
    // where the padded one would be a second copy; every reader trims or normalises it anyway.
    code: normaliseCode(snapshot.code) ?? null,
    searchCode: snapshot.searchCode,
    name: snapshot.name,
    vatNumber: snapshot.vatNumber,
    chamberOfCommerce: snapshot.chamberOfCommerce,
    status: snapshot.status,
    isSupplier: snapshot.isSupplier,
    isSales: snapshot.isSales,
    blocked: snapshot.blocked,
    country: oneCopy(row.country),
    email: row.email,
    city: oneCopy(row.city),
    postcode: oneCopy(row.postcode),
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
