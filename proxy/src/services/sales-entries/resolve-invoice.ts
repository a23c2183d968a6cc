import {
  type Cents,
  formatAmount,
  formatVatRate,
  invoiceTotals,
  parseAmount,
  parseVatRate,
  type VatRate,
  vatRateFromFraction,
} from "@zapfloor-exact/shared/money";
import type { Invoice } from "@zapfloor-exact/shared/schemas/sales-entries";
import type { ValidationProblem } from "../../errors";
import type { FieldLimits } from "../../exact/field-limits";
import { SALES_ENTRY_TYPE } from "../../exact/resources/sales-entries";
import type { GlAccountRef, ReferenceData, VatCodeRef } from "../settings/reference-data";
import { sameCode } from "../settings/reference-data";
import { notRevenueProblem } from "../settings/reference-data-view";
import type { SettingsRow } from "../settings/settings-store";
import { overlongEntryTexts } from "./entry-text-limits";

export interface ResolvedLine {
  description: string;
  amount: Cents;
  glAccount: GlAccountRef;
  /** As Exact spells it (space-padded). */
  vatCode: string;
  rate: VatRate;
}

export interface ResolvedInvoice {
  journal: string;
  type: (typeof SALES_ENTRY_TYPE)[keyof typeof SALES_ENTRY_TYPE];
  lines: ResolvedLine[];
}

export interface BookingContext {
  settings: SettingsRow | undefined;
  reference: ReferenceData;
  /** The division's country (ISO-2), for telling international customers apart. */
  divisionCountry: string | null;
  /** The field lengths Exact keeps (`EXACT_FIELD_LIMITS`); default `DEFAULT_FIELD_LIMITS`. */
  fieldLimits?: FieldLimits;
}

export type Resolution = { ok: true; entry: ResolvedInvoice } | { ok: false; problems: ValidationProblem[] };

/**
 * Works out, without calling Exact, how an invoice is booked in the division: whether its texts fit Exact, its
 * journal, each line's GL account and VAT code, and whether the lines with their VAT (rounded per line) add up to the stated total. Every problem
 * is listed, each with the path of what caused it.
 */
export function resolveInvoice(
  invoice: Invoice,
  context: BookingContext,
  invoiceNumber?: string,
): Resolution {
  const problems: ValidationProblem[] = overlongEntryTexts(invoice, context.fieldLimits, invoiceNumber);
  const { settings, reference } = context;

  const journal =
    invoice.type === "credit_note"
      ? (settings?.creditNoteJournal ?? settings?.salesJournal)
      : settings?.salesJournal;
  if (!journal) {
    problems.push({
      path: "settings.salesJournal",
      code: "no_sales_journal",
      message: "this division has no sales journal yet: save its settings first",
    });
  } else if (!reference.journals?.some((row) => sameCode(row.code, journal))) {
    problems.push({
      path:
        invoice.type === "credit_note" && settings?.creditNoteJournal
          ? "settings.creditNoteJournal"
          : "settings.salesJournal",
      code: "journal_gone",
      params: { code: journal },
      message: `journal ${journal} no longer exists in this division`,
    });
  }

  const international = isInternational(invoice.customer.country, context.divisionCountry);
  const lines: ResolvedLine[] = [];
  invoice.lines.forEach((line, index) => {
    const at = `body.lines[${index}]`;
    const glAccount = resolveGlAccount(line, settings, reference, `${at}`, problems);
    const vat = resolveVat(line, settings, reference, international, at, problems);
    const amount = parseAmount(line.amount);
    if (glAccount && vat && amount !== undefined) {
      lines.push({ description: line.description, amount, glAccount, vatCode: vat.code, rate: vat.rate });
    }
  });

  if (lines.length === invoice.lines.length) {
    const totals = invoiceTotals(lines);
    const stated = parseAmount(invoice.totalInclVat);
    if (stated !== totals.gross) {
      problems.push({
        path: "body.totalInclVat",
        code: "total_mismatch",
        params: {
          gross: formatAmount(totals.gross),
          net: formatAmount(totals.net),
          vat: formatAmount(totals.vat),
          stated: invoice.totalInclVat,
        },
        message: `the lines add up to ${formatAmount(totals.gross)} (${formatAmount(totals.net)} plus ${formatAmount(totals.vat)} VAT rounded per line), not ${invoice.totalInclVat}`,
      });
    }
  }

  if (problems.length || !journal) return { ok: false, problems };
  return { ok: true, entry: { journal, type: SALES_ENTRY_TYPE[invoice.type], lines } };
}

function isInternational(
  customerCountry: string | null | undefined,
  divisionCountry: string | null,
): boolean {
  if (!customerCountry || !divisionCountry) return false;
  return customerCountry.trim().toUpperCase() !== divisionCountry.trim().toUpperCase();
}

function resolveGlAccount(
  line: Invoice["lines"][number],
  settings: SettingsRow | undefined,
  reference: ReferenceData,
  at: string,
  problems: ValidationProblem[],
): GlAccountRef | undefined {
  const key = line.glAccount ?? line.revenueKey ?? "";
  const field = line.glAccount !== undefined ? "glAccount" : "revenueKey";
  const mapped = settings?.glMapping[key];
  const find = (code: string) => reference.glAccounts?.find((row) => sameCode(row.code, code));
  // A zapfloor GL code that is itself an Exact revenue account needs no mapping.
  const direct = mapped === undefined && line.glAccount !== undefined ? find(line.glAccount) : undefined;
  const account = mapped !== undefined ? find(mapped) : direct;
  if (mapped === undefined && !direct) {
    problems.push({
      path: `${at}.${field}`,
      code: "gl_key_unmapped",
      params: { key },
      message: `"${key}" is not in the division's GL mapping`,
    });
    return undefined;
  }
  if (!account) {
    problems.push({
      path: `${at}.${field}`,
      code: "gl_gone",
      params: { code: String(mapped), key },
      message: `GL account ${mapped} (mapped from "${key}") no longer exists in this division`,
    });
    return undefined;
  }
  const notRevenue = notRevenueProblem(account);
  if (notRevenue) {
    problems.push({ path: `${at}.${field}`, ...notRevenue });
    return undefined;
  }
  return account;
}

function resolveVat(
  line: Invoice["lines"][number],
  settings: SettingsRow | undefined,
  reference: ReferenceData,
  international: boolean,
  at: string,
  problems: ValidationProblem[],
): { code: string; rate: VatRate } | undefined {
  const find = (code: string) => reference.vatCodes?.find((row) => sameCode(row.code, code));
  const usable = (vatCode: VatCodeRef | undefined, code: string, path: string) => {
    if (!vatCode) {
      problems.push({
        path,
        code: "vat_unknown",
        params: { code },
        message: `VAT code ${code} does not exist in this division`,
      });
    } else if (vatCode.blocked) {
      problems.push({ path, code: "vat_blocked", params: { code }, message: `VAT code ${code} is blocked` });
    } else return vatCode;
    return undefined;
  };

  if (line.vatCode !== undefined) {
    const vatCode = usable(find(line.vatCode), line.vatCode, `${at}.vatCode`);
    if (!vatCode) return undefined;
    if (vatCode.percentage === null) {
      problems.push({
        path: `${at}.vatCode`,
        code: "vat_no_percentage",
        params: { code: line.vatCode },
        message: `VAT code ${line.vatCode} has no percentage in Exact; send vatRate`,
      });
      return undefined;
    }
    if (vatCode.type === "I") {
      problems.push({
        path: `${at}.vatCode`,
        code: "vat_including",
        params: { code: line.vatCode },
        message: `VAT code ${line.vatCode} includes VAT in the amount, and line amounts exclude VAT; send vatRate or an excluding code`,
      });
      return undefined;
    }
    return { code: vatCode.code, rate: vatRateFromFraction(vatCode.percentage) };
  }

  const rate = parseVatRate(line.vatRate ?? "");
  if (rate === undefined) return undefined;
  const internationalCode = settings?.vatMapping.international;
  const code =
    rate === 0n && international && internationalCode
      ? internationalCode
      : settings?.vatMapping.rates[formatVatRate(rate)];
  if (code === undefined) {
    problems.push({
      path: `${at}.vatRate`,
      code: "vat_rate_unmapped",
      params: { rate: formatVatRate(rate) },
      message: `no Exact VAT code is mapped for ${formatVatRate(rate)}% in this division`,
    });
    return undefined;
  }
  const vatCode = usable(find(code), code, `${at}.vatRate`);
  return vatCode ? { code: vatCode.code, rate } : undefined;
}
