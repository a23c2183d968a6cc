import { formatVatRate, parseVatRate, vatRateFromFraction } from "@zapfloor-exact/shared/money";
import type { SettingsInput } from "@zapfloor-exact/shared/schemas/settings";
import type { ReferenceKind } from "../../db/schema";
import type { ValidationProblem } from "../../errors";
import { type ReferenceData, sameCode, type VatCodeRef } from "./reference-data";

export interface SettingsProblem extends ValidationProblem {
  /** The reference data the problem was found against: re-reading it from Exact may resolve it. */
  kind: ReferenceKind;
}

/**
 * Journal `Type` 20 is a sales journal and 21 its returns counterpart; a journal without a type is given the
 * benefit of the doubt. The type numbers come from client-library models, not from Exact's reference: UNCONFIRMED.
 */
const SALES_JOURNAL_TYPES = new Set([20, 21]);

/** Every way the settings refer to something the division does not have, or to the wrong kind of thing. */
export function settingsProblems(input: SettingsInput, data: ReferenceData): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const add = (kind: ReferenceKind, path: string, message: string) =>
    problems.push({ kind, path: `body.${path}`, message });

  for (const field of ["salesJournal", "creditNoteJournal"] as const) {
    const code = input[field];
    if (code === null) continue;
    const journal = data.journals?.find((row) => sameCode(row.code, code));
    if (!journal) add("journals", field, `journal ${code} does not exist in this division`);
    else if (journal.type !== null && !SALES_JOURNAL_TYPES.has(journal.type)) {
      add(
        "journals",
        field,
        `journal ${code} (${journal.description ?? "no description"}) is not a sales journal`,
      );
    }
  }
  if (input.creditNoteJournal !== null && input.salesJournal === null) {
    add("journals", "salesJournal", "is needed when a credit-note journal is set");
  }

  for (const [key, code] of Object.entries(input.glMapping)) {
    const account = data.glAccounts?.find((row) => sameCode(row.code, code));
    if (!account) add("glAccounts", `glMapping.${key}`, `GL account ${code} does not exist in this division`);
    else if (account.balanceType !== null && account.balanceType !== "W") {
      // Sales lines on a balance-sheet account: "Ongeldig: Grootboekrekeningtype". [§5, I-picqer-121]
      add(
        "glAccounts",
        `glMapping.${key}`,
        `GL account ${code} is a balance-sheet account; revenue needs a profit-and-loss account`,
      );
    }
  }

  for (const [rate, code] of Object.entries(input.vatMapping.rates)) {
    const problem = vatCodeProblem(data.vatCodes, code, rate);
    if (problem) add("vatCodes", `vatMapping.rates.${rate}`, problem);
  }
  const international = input.vatMapping.international;
  if (international !== null) {
    const problem = vatCodeProblem(data.vatCodes, international, "0");
    if (problem) add("vatCodes", "vatMapping.international", problem);
  }
  return problems;
}

function vatCodeProblem(codes: VatCodeRef[] | undefined, code: string, rate: string): string | undefined {
  const vatCode = codes?.find((row) => sameCode(row.code, code));
  if (!vatCode) return `VAT code ${code} does not exist in this division`;
  if (vatCode.blocked) return `VAT code ${code} is blocked`;
  if (vatCode.use === "P") return `VAT code ${code} is for purchases, not sales`;
  if (vatCode.percentage === null) return undefined;
  const codeRate = vatRateFromFraction(vatCode.percentage);
  if (codeRate !== parseVatRate(rate)) return `VAT code ${code} is ${formatVatRate(codeRate)}%, not ${rate}%`;
  return undefined;
}
