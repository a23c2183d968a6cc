import { badRequest, businessRule, dutch } from "../../http/exact-error";
import { readEntityInput } from "../../odata/entity-input";
import { applyTextLimits, type TextLimits } from "../../odata/text-limits";
import type { DivisionData } from "../../state/division";
import type { SimContext } from "../../state/sim-context";
import { amsterdamStartOfDay, toAmsterdamWallClock } from "../../util/amsterdam-time";
import { newGuid, normalizeGuid } from "../../util/guid";
import { acceptsSalesLines } from "../gl-accounts/gl-account";
import { JOURNAL_TYPE } from "../journals/journal";
import { fromCents, toCents, vatCents } from "../money";
import type { SalesEntryLineRecord, SalesEntryRecord } from "./sales-entry-record";
import {
  SALES_ENTRY_LINE_READ_ONLY,
  SALES_ENTRY_READ_ONLY,
  salesEntryLineSchema,
  salesEntrySchema,
} from "./sales-entry-schema";

const DAY = 86_400_000;

/**
 * Longest text kept in a sales entry and its lines. Exact's SalesEntries page shows no lengths: Description 60 and
 * YourRef 40 are one third-party schema's numbers for the sales-invoice header (skylence-be/exactonline-laravel-api
 * `SalesInvoice.json`); a line's Description takes the header's 60 (no source; the strict reading). UNCONFIRMED;
 * the proxy checks the same numbers before posting.
 */
const ENTRY_LIMITS: TextLimits = { Description: ["Omschrijving", 60], YourRef: ["Uw ref.", 40] };
const LINE_LIMITS: TextLimits = { Description: ["Omschrijving", 60] };
const TYPE_DESCRIPTIONS: Record<number, string> = { 20: "Verkoopfactuur", 21: "Verkoopcreditnota" };

type Input = ReadonlyMap<string, unknown>;
const text = (input: Input, name: string) => {
  const value = input.get(name);
  return typeof value === "string" && value !== "" ? value : null;
};

/**
 * POST salesentry/SalesEntries with inline SalesEntryLines [exact-online-api.md §5]: the journal by code (a GUID is
 * "Ongeldige referentie: Journals", I-picqer-31), a known customer, at least one line (I-picqer-352), lines on
 * profit-and-loss G/L accounts (I-picqer-121) and known VAT codes. The header AmountFC is the lines plus their VAT;
 * EntryNumber (= InvoiceNumber) comes from the journal's sequence.
 */
export function createSalesEntry(
  ctx: SimContext,
  division: DivisionData,
  body: Record<string, unknown>,
): SalesEntryRecord {
  const input = readEntityInput(body, salesEntrySchema, SALES_ENTRY_READ_ONLY, ["SalesEntryLines"]);
  applyTextLimits(input, ENTRY_LIMITS, ctx.options.fieldLimits.overflow);
  const financial = division.financial;

  const journalCode = text(input, "Journal");
  if (!journalCode) throw businessRule(dutch.mandatory("Dagboek"));
  const journal = financial.journalByCode(journalCode);
  if (!journal) throw businessRule(dutch.invalidReference("Journals"));
  if (journal.Type !== JOURNAL_TYPE.sales) throw businessRule(dutch.invalid("Dagboek"));

  const customerId = input.get("Customer");
  if (typeof customerId !== "string") throw businessRule(dutch.mandatory("Klant"));
  const customer = division.accounts.get(customerId);
  if (!customer) throw businessRule(dutch.invalidReference("Accounts"));
  // Exact refuses entries on blocked relations; the wording is UNCONFIRMED.
  if (customer.Blocked === true) throw businessRule(dutch.invalid("Klant (geblokkeerd)"));

  const type = (input.get("Type") as number | null | undefined) ?? 20;
  if (type !== 20 && type !== 21) throw businessRule(dutch.invalid("Type"));

  const rawLines = input.get("SalesEntryLines");
  const lineBodies = Array.isArray(rawLines)
    ? rawLines
    : isResultsWrapper(rawLines)
      ? rawLines.results
      : undefined;
  if (rawLines !== undefined && rawLines !== null && !lineBodies) {
    throw badRequest("Error processing request stream. SalesEntryLines must be an array of entities.");
  }
  if (!lineBodies || lineBodies.length === 0) throw businessRule(dutch.mandatory("Boekingsregels"));

  const entryId = newGuid(ctx.ids);
  const lines = lineBodies.map((lineBody, index) => buildLine(ctx, division, entryId, index + 1, lineBody));

  const now = ctx.clock.now();
  const entryDate = (input.get("EntryDate") as number | null | undefined) ?? amsterdamStartOfDay(now);
  const wall = new Date(toAmsterdamWallClock(entryDate));
  const paymentCondition =
    text(input, "PaymentCondition") ?? (customer.PaymentConditionSales as string | null) ?? "30";
  const paymentDays = /^\d+$/.test(paymentCondition) ? Number(paymentCondition) : 30;
  const number = nextEntryNumber(
    division,
    journal.Code,
    input.get("InvoiceNumber") as number | null | undefined,
  );
  const amountCents = lines.reduce((sum, l) => sum + toCents(l.AmountFC) + toCents(l.VATAmountFC), 0);
  const vatTotalCents = lines.reduce((sum, l) => sum + toCents(l.VATAmountFC), 0);

  const entry: SalesEntryRecord = {
    EntryID: entryId,
    Division: division.code,
    Journal: journal.Code,
    JournalDescription: journal.Description,
    EntryNumber: number,
    InvoiceNumber: number,
    Type: type,
    TypeDescription: TYPE_DESCRIPTIONS[type]!,
    Status: 20,
    StatusDescription: "Open",
    Customer: customer.ID,
    CustomerName: customer.Name,
    EntryDate: entryDate,
    DueDate: (input.get("DueDate") as number | null | undefined) ?? entryDate + paymentDays * DAY,
    ReportingYear: (input.get("ReportingYear") as number | null | undefined) ?? wall.getUTCFullYear(),
    ReportingPeriod: (input.get("ReportingPeriod") as number | null | undefined) ?? wall.getUTCMonth() + 1,
    YourRef: text(input, "YourRef"),
    Description: text(input, "Description"),
    Currency: text(input, "Currency") ?? division.profile.currency,
    Rate: 1,
    AmountFC: fromCents(amountCents),
    AmountDC: fromCents(amountCents),
    VATAmountFC: fromCents(vatTotalCents),
    VATAmountDC: fromCents(vatTotalCents),
    PaymentCondition: paymentCondition,
    PaymentConditionDescription: `${paymentDays} dagen`,
    PaymentReference: text(input, "PaymentReference"),
    ExternalLinkReference: text(input, "ExternalLinkReference"),
    ExternalLinkDescription: text(input, "ExternalLinkDescription"),
    OrderNumber: (input.get("OrderNumber") as number | null | undefined) ?? null,
    Created: now,
    Creator: ctx.user.id,
    CreatorFullName: ctx.user.fullName,
    Modified: now,
    Modifier: ctx.user.id,
    ModifierFullName: ctx.user.fullName,
    lines,
    paidAmountFC: 0,
    receivableHid: financial.nextReceivableHid(),
    receivableId: newGuid(ctx.ids),
  };
  financial.putSalesEntry(entry);
  return entry;
}

function isResultsWrapper(value: unknown): value is { results: unknown[] } {
  return (
    typeof value === "object" && value !== null && Array.isArray((value as { results?: unknown }).results)
  );
}

function buildLine(
  ctx: SimContext,
  division: DivisionData,
  entryId: string,
  lineNumber: number,
  body: unknown,
): SalesEntryLineRecord {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("Error processing request stream. Each SalesEntryLine must be an object.");
  }
  const input = readEntityInput(
    body as Record<string, unknown>,
    salesEntryLineSchema,
    SALES_ENTRY_LINE_READ_ONLY,
  );
  applyTextLimits(input, LINE_LIMITS, ctx.options.fieldLimits.overflow);
  const financial = division.financial;
  const glId = input.get("GLAccount");
  if (typeof glId !== "string") throw businessRule(dutch.mandatory("Grootboekrekening"));
  const gl = financial.glAccount(normalizeGuid(glId) ?? glId);
  if (!gl) throw businessRule(dutch.invalidReference("GLAccounts"));
  if (!acceptsSalesLines(gl)) throw businessRule(dutch.invalid("Grootboekrekeningtype"));

  const amount = (input.get("AmountFC") ?? input.get("AmountDC")) as number | null | undefined;
  if (typeof amount !== "number") throw businessRule(dutch.mandatory("Bedrag"));

  const vatCodeText = text(input, "VATCode") ?? gl.VATCode;
  const vat = vatCodeText ? financial.vatCode(vatCodeText) : undefined;
  if (vatCodeText && !vat) throw businessRule(dutch.invalidReference("VATCodes"));
  const percentage = vat?.Percentage ?? 0;
  const override = input.get("VATAmountFC");
  // An including code (`Type` I) reads the line's amount as VAT included: the VAT is taken out of it, so the entry
  // totals what was sent rather than what was sent plus VAT. How Exact splits it is UNCONFIRMED; this is the reading
  // under which a client that sends net amounts books the wrong total.
  const including = vat?.Type === "I";
  const sentCents = toCents(amount);
  const vatAmountCents =
    typeof override === "number"
      ? toCents(override)
      : including
        ? sentCents - Math.sign(sentCents) * Math.round(Math.abs(sentCents) / (1 + percentage))
        : vatCents(sentCents, percentage);
  const baseCents = including ? sentCents - vatAmountCents : sentCents;

  return {
    ID: newGuid(ctx.ids),
    EntryID: entryId,
    Division: division.code,
    LineNumber: lineNumber,
    GLAccount: gl.ID,
    GLAccountCode: gl.Code,
    GLAccountDescription: gl.Description,
    AmountFC: fromCents(baseCents),
    AmountDC: fromCents(baseCents),
    VATAmountFC: fromCents(vatAmountCents),
    VATAmountDC: fromCents(vatAmountCents),
    VATBaseAmountFC: fromCents(baseCents),
    VATBaseAmountDC: fromCents(baseCents),
    VATCode: vat?.Code ?? null,
    VATCodeDescription: vat?.Description ?? null,
    VATPercentage: percentage,
    Description: text(input, "Description"),
    Quantity: (input.get("Quantity") as number | null | undefined) ?? null,
    CostCenter: text(input, "CostCenter"),
    CostUnit: text(input, "CostUnit"),
    From: (input.get("From") as number | null | undefined) ?? null,
    To: (input.get("To") as number | null | undefined) ?? null,
    Notes: text(input, "Notes"),
  };
}

/**
 * The journal's next free number. A requested InvoiceNumber is used when it is above every number issued so
 * far; otherwise Exact silently replaces it with the next free one [exact-online-api.md §5, S5 SalesEntry.php].
 */
function nextEntryNumber(
  division: DivisionData,
  journalCode: string,
  requested: number | null | undefined,
): number {
  const journal = division.financial.journalByCode(journalCode)!;
  const next =
    requested !== null && requested !== undefined && requested > journal.lastEntryNumber
      ? requested
      : journal.lastEntryNumber + 1;
  journal.lastEntryNumber = next;
  return next;
}
