import { formatVatRate, parseVatRate, vatRateFromFraction } from "@zapfloor-exact/shared/money";
import type { SettingsInput } from "@zapfloor-exact/shared/schemas/settings";
import type { ReferenceKind } from "../../db/schema";
import type { ValidationProblem } from "../../errors";
import { type ReferenceData, sameCode, type VatCodeRef } from "./reference-data";
import { notRevenueProblem, referenceDataView, SALES_JOURNAL_TYPES } from "./reference-data-view";

export interface SettingsProblem extends ValidationProblem {
  /** The reference data the problem was found against: re-reading it from Exact may resolve it. */
  kind: ReferenceKind;
}

/** Every way the settings refer to something the division does not have, or to the wrong kind of thing. */
export function settingsProblems(input: SettingsInput, data: ReferenceData): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const valid = validCodes(data);
  const add = (kind: ReferenceKind, path: string, message: string) =>
    problems.push({ kind, path: `body.${path}`, message: `${message}; ${valid[kind]}` });

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
    else {
      const problem = notRevenueProblem(account);
      if (problem) add("glAccounts", `glMapping.${key}`, problem);
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
  // zapfloor's line amounts exclude VAT; an including code (Exact `Type` I) would book them as VAT-included.
  if (vatCode.type === "I")
    return `VAT code ${code} includes VAT in the amount; choose a code that excludes it`;
  if (vatCode.percentage === null) return undefined;
  const codeRate = vatRateFromFraction(vatCode.percentage);
  if (codeRate !== parseVatRate(rate)) return `VAT code ${code} is ${formatVatRate(codeRate)}%, not ${rate}%`;
  return undefined;
}

/** At most this many valid codes are named in a message; the reference data lists them all. */
const NAMED = 12;

function listed(what: string, rows: { code: string; description: string | null; extra?: string }[]): string {
  if (rows.length === 0) return `this division has no ${what}`;
  const named = rows
    .slice(0, NAMED)
    .map((row) => `${row.code}${row.description ? ` (${row.description}${row.extra ?? ""})` : ""}`);
  const more =
    rows.length > NAMED ? ` and ${rows.length - NAMED} more (see the division's reference data)` : "";
  return `its ${what} are ${named.join(", ")}${more}`;
}

/** For each kind of reference, the sentence that names what the division does have. */
export function validCodes(data: ReferenceData): Record<ReferenceKind, string> {
  const view = referenceDataView(0, data);
  return {
    journals: listed("sales journals", view.salesJournals),
    glAccounts: listed("revenue GL accounts", view.revenueGlAccounts),
    vatCodes: listed(
      "sales VAT codes",
      view.salesVatCodes.map((row) => ({
        ...row,
        extra: row.percentage === null ? "" : `, ${row.percentage}%`,
      })),
    ),
  };
}
