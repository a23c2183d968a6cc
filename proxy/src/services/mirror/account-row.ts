import {
  codeMatchKey,
  type ExactAccountSnapshot,
  indexAccount,
  normaliseCountry,
  normaliseVat,
} from "@zapfloor-exact/shared/matching";
import type { exactAccounts } from "../../db/schema";
import { parseExactDate } from "../../exact/dates";
import type { AccountFieldChanges } from "../../exact/resources/accounts";
import type { ExactAccount } from "../../exact/schemas";

export type AccountRow = typeof exactAccounts.$inferInsert;
type StoredAccount = typeof exactAccounts.$inferSelect;

const statuses = new Set(["C", "P", "S", "A"]);

export function snapshotOf(account: ExactAccount): ExactAccountSnapshot {
  const status = account.Status?.trim().toUpperCase() ?? null;
  return {
    id: account.ID,
    code: account.Code,
    searchCode: account.SearchCode,
    name: account.Name,
    vatNumber: account.VATNumber,
    chamberOfCommerce: account.ChamberOfCommerce,
    status: status && statuses.has(status) ? (status as ExactAccountSnapshot["status"]) : null,
    isSupplier: account.IsSupplier,
    isSales: account.IsSales,
    blocked: account.Blocked,
    country: account.Country,
  };
}

/** The mirror row for an account as Exact sent it: raw values, plus the keys the matching looks up by. */
export function accountRow(
  scope: { tenantId: string; division: number },
  account: ExactAccount & { Timestamp?: string },
  mirroredAt: number,
): AccountRow {
  const snapshot = snapshotOf(account);
  const indexed = indexAccount(snapshot);
  return {
    tenantId: scope.tenantId,
    division: scope.division,
    id: account.ID,
    code: account.Code,
    codeKey: codeMatchKey(account.Code) ?? null,
    searchCode: account.SearchCode,
    searchCodeKey: codeMatchKey(account.SearchCode) ?? null,
    name: account.Name,
    vatNumber: account.VATNumber,
    vatKey: normaliseVat(account.VATNumber, { country: normaliseCountry(account.Country) }).canonical ?? null,
    chamberOfCommerce: account.ChamberOfCommerce,
    companyNumberKey: indexed.companyNumbers[0] ?? null,
    status: snapshot.status,
    isSupplier: account.IsSupplier,
    isSales: account.IsSales,
    blocked: account.Blocked,
    email: account.Email,
    city: account.City,
    postcode: account.Postcode,
    country: account.Country?.trim() || null,
    exactTimestamp: account.Timestamp ?? null,
    exactModifiedAt: parseExactDate(account.Modified),
    mirroredAt,
    deletedAt: null,
  };
}

/** A stored row with fields the proxy has just changed in Exact, its lookup keys derived again. */
export function rowWithChanges(
  row: StoredAccount,
  changes: AccountFieldChanges,
  mirroredAt: number,
): AccountRow {
  const next: StoredAccount = {
    ...row,
    vatNumber: changes.VATNumber ?? row.vatNumber,
    chamberOfCommerce: changes.ChamberOfCommerce ?? row.chamberOfCommerce,
    searchCode: changes.SearchCode ?? row.searchCode,
    mirroredAt,
  };
  return {
    ...next,
    searchCodeKey: codeMatchKey(next.searchCode) ?? null,
    vatKey: normaliseVat(next.vatNumber, { country: normaliseCountry(next.country) }).canonical ?? null,
    companyNumberKey: indexAccount(snapshotOfRow(next)).companyNumbers[0] ?? null,
  };
}

/** A stored mirror row as the matching core sees it. */
export function snapshotOfRow(row: StoredAccount): ExactAccountSnapshot {
  return {
    id: row.id,
    code: row.code,
    searchCode: row.searchCode,
    name: row.name,
    vatNumber: row.vatNumber,
    chamberOfCommerce: row.chamberOfCommerce,
    status: row.status && statuses.has(row.status) ? (row.status as ExactAccountSnapshot["status"]) : null,
    isSupplier: row.isSupplier,
    isSales: row.isSales,
    blocked: row.blocked,
    country: row.country,
    city: row.city,
    postcode: row.postcode,
  };
}
