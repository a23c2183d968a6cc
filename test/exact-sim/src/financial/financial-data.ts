import { sqlServerGuidSortKey } from "../util/guid";
import type { GLAccountRecord } from "./gl-accounts/gl-account";
import type { JournalRecord } from "./journals/journal";
import type { SalesEntryRecord } from "./sales-entries/sales-entry-record";
import { padVatCode, type VatCodeRecord } from "./vat-codes/vat-code";

function byGuid<T>(rows: Iterable<T>, idOf: (row: T) => string): T[] {
  return [...rows]
    .map((row) => ({ key: sqlServerGuidSortKey(idOf(row)), row }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((k) => k.row);
}

/** A division's ledger set-up (journals, G/L accounts, VAT codes) and its sales entries. */
export class FinancialData {
  journals: JournalRecord[] = [];
  glAccounts: GLAccountRecord[] = [];
  vatCodes: VatCodeRecord[] = [];
  readonly salesEntries = new Map<string, SalesEntryRecord>();
  #receivableHid = 0;
  #entriesByKey: SalesEntryRecord[] | undefined;

  journalByCode(code: string): JournalRecord | undefined {
    return this.journals.find((j) => j.Code === code.trim());
  }

  glAccount(id: string): GLAccountRecord | undefined {
    return this.glAccounts.find((g) => g.ID === id.toLowerCase());
  }

  glAccountByCode(code: string): GLAccountRecord | undefined {
    return this.glAccounts.find((g) => g.Code === code.trim());
  }

  vatCode(code: string): VatCodeRecord | undefined {
    const padded = padVatCode(code);
    return this.vatCodes.find((v) => v.Code === padded);
  }

  journalsByKey(): JournalRecord[] {
    return byGuid(this.journals, (j) => j.ID);
  }

  glAccountsByKey(): GLAccountRecord[] {
    return byGuid(this.glAccounts, (g) => g.ID);
  }

  vatCodesByKey(): VatCodeRecord[] {
    return byGuid(this.vatCodes, (v) => v.ID);
  }

  salesEntriesByKey(): readonly SalesEntryRecord[] {
    this.#entriesByKey ??= byGuid(this.salesEntries.values(), (e) => e.EntryID);
    return this.#entriesByKey;
  }

  putSalesEntry(entry: SalesEntryRecord): void {
    this.salesEntries.set(entry.EntryID, entry);
    this.#entriesByKey = undefined;
  }

  removeSalesEntry(id: string): boolean {
    this.#entriesByKey = undefined;
    return this.salesEntries.delete(id);
  }

  nextReceivableHid(): number {
    this.#receivableHid += 1;
    return this.#receivableHid;
  }

  customerHasEntries(accountId: string): boolean {
    for (const entry of this.salesEntries.values()) if (entry.Customer === accountId) return true;
    return false;
  }

  clear(): void {
    this.journals = [];
    this.glAccounts = [];
    this.vatCodes = [];
    this.salesEntries.clear();
    this.#entriesByKey = undefined;
  }
}
