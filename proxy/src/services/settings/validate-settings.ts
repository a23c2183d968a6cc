import { formatVatRate, parseVatRate, vatRateFromFraction } from "@zapfloor-exact/shared/money";
import type { ProblemCode } from "@zapfloor-exact/shared/schemas/error";
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
  const add = (kind: ReferenceKind, path: string, problem: Found) =>
    problems.push({
      kind,
      path: `body.${path}`,
      message: `${problem.message}; ${valid[kind].sentence}`,
      code: problem.code,
      params: { ...problem.params, valid: valid[kind].valid, more: valid[kind].more },
    });

  for (const field of ["salesJournal", "creditNoteJournal"] as const) {
    const code = input[field];
    if (code === null) continue;
    const journal = data.journals?.find((row) => sameCode(row.code, code));
    if (!journal) {
      add("journals", field, {
        code: "journal_unknown",
        params: { code },
        message: `journal ${code} does not exist in this division`,
      });
    } else if (journal.type !== null && !SALES_JOURNAL_TYPES.has(journal.type)) {
      add("journals", field, {
        code: "journal_not_sales",
        params: { code, description: journal.description ?? "" },
        message: `journal ${code} (${journal.description ?? "no description"}) is not a sales journal`,
      });
    }
  }
  if (input.creditNoteJournal !== null && input.salesJournal === null) {
    add("journals", "salesJournal", {
      code: "sales_journal_needed",
      params: {},
      message: "is needed when a credit-note journal is set",
    });
  }

  for (const [key, code] of Object.entries(input.glMapping)) {
    const account = data.glAccounts?.find((row) => sameCode(row.code, code));
    if (!account) {
      add("glAccounts", `glMapping.${key}`, {
        code: "gl_unknown",
        params: { code },
        message: `GL account ${code} does not exist in this division`,
      });
    } else {
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

type Found = Required<Omit<ValidationProblem, "path">>;

function vatCodeProblem(codes: VatCodeRef[] | undefined, code: string, rate: string): Found | undefined {
  const vatCode = codes?.find((row) => sameCode(row.code, code));
  const found = (problem: ProblemCode, message: string, params: Record<string, string> = {}): Found => ({
    code: problem,
    params: { code, ...params },
    message,
  });
  if (!vatCode) return found("vat_unknown", `VAT code ${code} does not exist in this division`);
  if (vatCode.blocked) return found("vat_blocked", `VAT code ${code} is blocked`);
  if (vatCode.use === "P") return found("vat_purchase", `VAT code ${code} is for purchases, not sales`);
  // zapfloor's line amounts exclude VAT; an including code (Exact `Type` I) would book them as VAT-included.
  if (vatCode.type === "I")
    return found(
      "vat_including",
      `VAT code ${code} includes VAT in the amount; choose a code that excludes it`,
    );
  if (vatCode.percentage === null) return undefined;
  const codeRate = vatRateFromFraction(vatCode.percentage);
  if (codeRate !== parseVatRate(rate)) {
    return found("vat_rate_mismatch", `VAT code ${code} is ${formatVatRate(codeRate)}%, not ${rate}%`, {
      codeRate: formatVatRate(codeRate),
      rate,
    });
  }
  return undefined;
}

/** At most this many valid codes are named in a message; the reference data lists them all. */
const NAMED = 12;

interface ValidList {
  /** The English sentence that names them. */
  sentence: string;
  /** The codes named, with their descriptions: "70 (Verkoopdagboek), 71 (Creditnota's verkoop)". */
  valid: string;
  /** How many more there are than those named, as a number. */
  more: string;
}

function listed(
  what: string,
  rows: { code: string; description: string | null; extra?: string }[],
): ValidList {
  if (rows.length === 0) return { sentence: `this division has no ${what}`, valid: "", more: "0" };
  const named = rows
    .slice(0, NAMED)
    .map((row) => `${row.code}${row.description ? ` (${row.description}${row.extra ?? ""})` : ""}`)
    .join(", ");
  const more = Math.max(0, rows.length - NAMED);
  const tail = more > 0 ? ` and ${more} more (see the division's reference data)` : "";
  return { sentence: `its ${what} are ${named}${tail}`, valid: named, more: String(more) };
}

/** For each kind of reference, what the division does have. */
export function validCodes(data: ReferenceData): Record<ReferenceKind, ValidList> {
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
