import { GL_TYPE, type GLAccountRecord } from "../financial/gl-accounts/gl-account";
import { JOURNAL_TYPE, type JournalRecord } from "../financial/journals/journal";
import type { VatCodeRecord } from "../financial/vat-codes/vat-code";
import type { DivisionData } from "../state/division";
import { parseExactDate } from "../util/amsterdam-time";
import { fixtureRows } from "./fixtures-dir";
import { glTypeDescription } from "./ledger-templates";
import { firstEntryNumber } from "./seed-ledger";

/** Ledger rows recorded per fixture division; the country template fills in the rest. */
const FILES: Record<number, { journals?: string; glAccounts?: string[]; vatCodes?: string }> = {
  124132: {
    journals: "nango/extracted/financial-journals.json",
    glAccounts: ["nango/extracted/financial-glaccounts-page1-with-next.json"],
    vatCodes: "nango/extracted/vat-vatcodes.json",
  },
  499156: { glAccounts: ["dotnet-sdk/financial-glaccounts-list-with-next.json"] },
};

const date = (value: unknown, fallback: number) =>
  typeof value === "string" ? (parseExactDate(value) ?? fallback) : fallback;

/** Journal type from the recorded code: 70 sales, 60 purchase, 50 bank, 30 cash (S11 French division). */
function journalType(code: string): number {
  if (code.startsWith("7")) return JOURNAL_TYPE.sales;
  if (code.startsWith("6")) return JOURNAL_TYPE.purchase;
  if (code === "50" || code === "20") return JOURNAL_TYPE.bank;
  if (code === "30" || code === "10") return JOURNAL_TYPE.cash;
  return JOURNAL_TYPE.general;
}

/** The recorded GLAccounts page only has Code and Description: type follows the French chart's classes. */
function frenchAccountType(code: string): Pick<GLAccountRecord, "Type" | "BalanceType" | "BalanceSide"> {
  if (code.startsWith("7")) return { Type: GL_TYPE.revenue, BalanceType: "W", BalanceSide: "C" };
  if (code.startsWith("6")) return { Type: GL_TYPE.otherCosts, BalanceType: "W", BalanceSide: "D" };
  if (code.startsWith("411")) return { Type: GL_TYPE.receivables, BalanceType: "B", BalanceSide: "D" };
  if (code.startsWith("401")) return { Type: GL_TYPE.payables, BalanceType: "B", BalanceSide: "C" };
  if (code.startsWith("445")) return { Type: GL_TYPE.vat, BalanceType: "B", BalanceSide: "C" };
  if (code.startsWith("512")) return { Type: GL_TYPE.bank, BalanceType: "B", BalanceSide: "D" };
  if (code.startsWith("2")) return { Type: GL_TYPE.fixedAssets, BalanceType: "B", BalanceSide: "D" };
  if (code.startsWith("1")) return { Type: GL_TYPE.equity, BalanceType: "B", BalanceSide: "C" };
  return { Type: 90, BalanceType: "B", BalanceSide: "D" };
}

export function loadFixtureLedger(division: DivisionData, now: number): void {
  const files = FILES[division.code];
  if (!files) return;
  const at = division.profile.created;
  const financial = division.financial;
  if (files.vatCodes) {
    for (const row of fixtureRows(files.vatCodes)) {
      const record: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(row)) {
        if (name === "__metadata" || (value !== null && typeof value === "object")) continue;
        record[name] = name === "Created" || name === "Modified" ? date(value, at) : value;
      }
      financial.vatCodes.push(record as VatCodeRecord);
    }
  }
  for (const file of files.glAccounts ?? []) {
    for (const row of fixtureRows(file)) {
      const code = String(row.Code);
      const type =
        typeof row.Type === "number"
          ? {
              Type: row.Type,
              BalanceType: row.BalanceType as "B" | "W",
              BalanceSide: row.BalanceSide as "D" | "C",
            }
          : frenchAccountType(code);
      financial.glAccounts.push({
        ID: String(row.ID),
        Code: code,
        Description: String(row.Description),
        ...type,
        TypeDescription: (row.TypeDescription as string | undefined) ?? glTypeDescription(type.Type),
        VATCode: (row.VATCode as string | null | undefined) ?? null,
        VATDescription: (row.VATDescription as string | null | undefined) ?? null,
        SearchCode: (row.SearchCode as string | null | undefined) ?? null,
        Division: division.code,
        IsBlocked: (row.IsBlocked as boolean | undefined) ?? false,
        Created: date(row.Created, at),
        Modified: date(row.Modified, at),
      });
    }
  }
  if (files.journals) {
    for (const row of fixtureRows(files.journals)) {
      const code = String(row.Code);
      financial.journals.push({
        ID: String(row.ID),
        Code: code,
        Description: String(row.Description),
        Type: journalType(code),
        Currency: null,
        Division: division.code,
        GLAccount: null,
        GLAccountCode: null,
        GLAccountDescription: null,
        Created: date(row.Modified, at),
        Modified: date(row.Modified, at),
        lastEntryNumber: firstEntryNumber(now, code),
      } satisfies JournalRecord);
    }
  }
}
