import type { GLAccountRecord } from "../financial/gl-accounts/gl-account";
import type { JournalRecord } from "../financial/journals/journal";
import { padVatCode, type VatCodeRecord } from "../financial/vat-codes/vat-code";
import type { DivisionData } from "../state/division";
import type { SimUser } from "../state/user";
import { toAmsterdamWallClock } from "../util/amsterdam-time";
import { newGuid } from "../util/guid";
import type { Prng } from "../util/prng";
import { type GLTemplate, glTypeDescription, type LedgerTemplate, ledgerTemplate } from "./ledger-templates";

/** Journals, G/L accounts and VAT codes for a division, from its country's template. */
export function seedLedger(
  division: DivisionData,
  prng: Prng,
  user: SimUser,
  now: number,
  template: LedgerTemplate = ledgerTemplate(division.profile.country),
) {
  const at = division.profile.created;
  const financial = division.financial;
  for (const [code, description, percentage, type, transactionType] of template.vatCodes) {
    if (financial.vatCode(code)) continue;
    financial.vatCodes.push(
      vatCodeRecord(division, prng, user, { code, description, percentage, type, transactionType }),
    );
  }
  const fillers: GLTemplate[] = [];
  for (let code = template.filler.from; code <= template.filler.to; code += template.filler.step) {
    fillers.push([
      String(code).padStart(template.filler.codeDigits, "0"),
      `${template.filler.description} ${code}`,
      120,
      "W",
      "D",
    ]);
  }
  for (const [code, description, type, balanceType, side, vatCode] of [...template.glAccounts, ...fillers]) {
    if (financial.glAccountByCode(code)) continue;
    const vat = vatCode ? financial.vatCode(vatCode) : undefined;
    financial.glAccounts.push({
      ID: newGuid(prng),
      Code: code,
      Description: description,
      Type: type,
      TypeDescription: glTypeDescription(type),
      BalanceType: balanceType,
      BalanceSide: side,
      VATCode: vat?.Code ?? null,
      VATDescription: vat?.Description ?? null,
      SearchCode: null,
      Division: division.code,
      IsBlocked: false,
      Created: at,
      Modified: at,
    } satisfies GLAccountRecord);
  }
  for (const [code, description, type, glCode] of template.journals) {
    if (financial.journalByCode(code)) continue;
    const gl = glCode ? financial.glAccountByCode(glCode) : undefined;
    financial.journals.push({
      ID: newGuid(prng),
      Code: code,
      Description: description,
      Type: type,
      Currency: null,
      Division: division.code,
      GLAccount: gl?.ID ?? null,
      GLAccountCode: gl?.Code ?? null,
      GLAccountDescription: gl?.Description ?? null,
      Created: at,
      Modified: at,
      lastEntryNumber: firstEntryNumber(now, code),
    } satisfies JournalRecord);
  }
}

/** Exact numbers entries per journal and year, e.g. 26700001 for the first entry of journal 70 in 2026. */
export function firstEntryNumber(now: number, journalCode: string): number {
  const year = new Date(toAmsterdamWallClock(now)).getUTCFullYear() % 100;
  const numeric = /^\d{1,2}$/.test(journalCode) ? Number(journalCode) : 0;
  return year * 1_000_000 + numeric * 10_000;
}

export function vatCodeRecord(
  division: DivisionData,
  prng: Prng,
  user: SimUser,
  input: { code: string; description: string; percentage: number; type: string; transactionType: string },
): VatCodeRecord {
  return {
    ID: newGuid(prng),
    Code: padVatCode(input.code),
    Description: input.description,
    Percentage: input.percentage,
    Type: input.type,
    VATTransactionType: input.transactionType,
    Division: division.code,
    Created: division.profile.created,
    Creator: user.id,
    Modified: division.profile.created,
    Modifier: user.id,
  };
}
