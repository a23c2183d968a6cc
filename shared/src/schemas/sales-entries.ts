import { z } from "zod";
import { parseAmount } from "../money/amount";
import { parseVatRate } from "../money/vat-rate";
import { customerInputSchema } from "./customers";
import { divisionParamSchema } from "./divisions";
import { customerNumberSchema } from "./identifiers";
import { pageQuery } from "./paging";

/** zapfloor's invoice number, sent to Exact as `YourRef`: what makes a push findable again. */
export const invoiceNumberSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "must be letters, digits, '.', '_' or '-'")
  .max(30)
  .meta({ description: "zapfloor's invoice number (Exact `YourRef`)", example: "2026-0153" });

export const salesEntryParamSchema = divisionParamSchema.extend({ invoiceNumber: invoiceNumberSchema });

export const amountSchema = z
  .string()
  .refine((text) => parseAmount(text) !== undefined, {
    message: 'must be a decimal string with at most two decimals, e.g. "12.50"',
    params: { problem: "field_format", format: "amount" },
  })
  .meta({ description: "A decimal string, never a number", example: "350.00" });

const isoDate = z
  .string()
  .refine(isCalendarDate, {
    message: "must be a date as YYYY-MM-DD",
    params: { problem: "field_format", format: "date" },
  })
  .meta({ description: "YYYY-MM-DD", example: "2026-03-01" });

const vatRate = z.string().refine((text) => parseVatRate(text) !== undefined, {
  message: 'must be a VAT rate in percent, e.g. "21"',
  params: { problem: "field_format", format: "vat_rate" },
});

export const invoiceLineSchema = z
  .object({
    description: z.string().trim().min(1).max(255).meta({
      description: "What the line is for, as on the invoice.",
      example: "Dedicated desk, March 2026",
    }),
    amount: amountSchema.meta({
      description: "The line's amount excluding VAT, as a decimal string; negative on a credit note.",
      example: "350.00",
    }),
    vatRate: vatRate.optional().meta({
      description:
        "The VAT rate in percent, mapped to an Exact VAT code by the division's settings. Give this or `vatCode`.",
      example: "21",
    }),
    vatCode: z.string().trim().min(1).max(3).optional().meta({
      description: "An Exact VAT code of the division, used as is. Give this or `vatRate`.",
      example: "2",
    }),
    glAccount: z.string().trim().min(1).max(50).optional().meta({
      description:
        "A G/L account code: mapped by the division's settings when it is in their G/L mapping, otherwise an Exact revenue account of the division, used as is. Give this or `revenueKey`.",
      example: "8010",
    }),
    revenueKey: z.string().trim().min(1).max(50).optional().meta({
      description:
        "zapfloor's name for the kind of revenue, mapped to an Exact G/L account by the division's settings. Give this or `glAccount`.",
      example: "desks",
    }),
  })
  .superRefine((line, ctx) => {
    if ((line.vatRate === undefined) === (line.vatCode === undefined)) {
      ctx.addIssue({ code: "custom", path: ["vatRate"], message: "give either vatRate or vatCode" });
    }
    if ((line.glAccount === undefined) === (line.revenueKey === undefined)) {
      ctx.addIssue({ code: "custom", path: ["glAccount"], message: "give either glAccount or revenueKey" });
    }
  })
  .meta({ id: "InvoiceLine" });
export type InvoiceLine = z.output<typeof invoiceLineSchema>;

/** The customer as in `PUT /v1/customers/{number}`, with its number: the invoice brings it along. */
export const invoiceCustomerSchema = customerInputSchema.extend({ number: customerNumberSchema }).meta({
  id: "InvoiceCustomer",
  description: "The invoice's customer, as in `PUT /v1/customers/{number}`, with its number.",
});
export type InvoiceCustomer = z.output<typeof invoiceCustomerSchema>;

export const invoiceSchema = z
  .object({
    type: z.enum(["invoice", "credit_note"]).meta({
      description: "`invoice`, or `credit_note` (its amounts are negative).",
      example: "invoice",
    }),
    date: isoDate.meta({ description: "The invoice date, YYYY-MM-DD.", example: "2026-03-01" }),
    dueDate: isoDate
      .optional()
      .meta({ description: "When payment is due, YYYY-MM-DD; not before `date`.", example: "2026-03-31" }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code")
      .default("EUR")
      .meta({ description: "ISO 4217 currency code.", example: "EUR" }),
    description: z.string().trim().max(255).optional().meta({
      description: "The entry's description in Exact.",
      example: "zapfloor invoice 2026-0153, March 2026",
    }),
    customer: invoiceCustomerSchema,
    lines: z
      .array(invoiceLineSchema)
      .min(1)
      .max(500)
      .meta({ description: "The invoice lines, 1 to 500, each booked as a line of the sales entry." }),
    totalInclVat: amountSchema.meta({
      description:
        "What the customer owes, VAT included: positive for an invoice, negative for a credit note. Must equal the lines plus their VAT, rounded per line.",
      example: "544.50",
    }),
  })
  .superRefine((invoice, ctx) => {
    if (invoice.dueDate !== undefined && isCalendarDate(invoice.dueDate) && invoice.dueDate < invoice.date) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "must not be before the invoice date" });
    }
    const total = parseAmount(invoice.totalInclVat);
    if (total === undefined) return;
    if (invoice.type === "credit_note" && total >= 0n) {
      ctx.addIssue({
        code: "custom",
        path: ["totalInclVat"],
        message: 'a credit note\'s amounts are negative (what the customer is credited), e.g. "-121.00"',
      });
    }
    if (invoice.type === "invoice" && total < 0n) {
      ctx.addIssue({
        code: "custom",
        path: ["totalInclVat"],
        message: "an invoice's total must not be negative; send a credit note instead",
      });
    }
  })
  .meta({ id: "Invoice" });
export type Invoice = z.output<typeof invoiceSchema>;

export const salesEntryStateSchema = z.enum(["queued", "pushing", "pushed", "failed", "needs_review"]);
export type SalesEntryStateName = z.infer<typeof salesEntryStateSchema>;

export const salesEntrySchema = z
  .object({
    division: z.number(),
    invoiceNumber: z.string(),
    type: z.enum(["invoice", "credit_note"]),
    customerNumber: z.string(),
    totalInclVat: z.string(),
    currency: z.string(),
    state: salesEntryStateSchema,
    attempts: z.number(),
    /** When the next attempt is due (queued entries). */
    nextAttemptAt: z.string().nullable(),
    lastError: z
      .object({ message: z.string(), exactMessage: z.string().nullable(), details: z.unknown().optional() })
      .nullable(),
    exact: z.object({
      accountId: z.string().nullable(),
      entryId: z.string().nullable(),
      entryNumber: z.number().nullable(),
      pushedAt: z.string().nullable(),
    }),
    paid: z.object({
      status: z.enum(["unknown", "open", "paid"]),
      /** Still owed, incl. VAT, as Exact's receivables list shows it. */
      outstanding: z.string().nullable(),
      paidAt: z.string().nullable(),
      checkedAt: z.string().nullable(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    invoice: invoiceSchema.optional(),
  })
  .meta({ id: "SalesEntry" });
export type SalesEntryView = z.infer<typeof salesEntrySchema>;

export const salesEntryListQuerySchema = z.object({
  state: salesEntryStateSchema
    .optional()
    .meta({ description: "Only entries in this state, e.g. `failed`.", example: "failed" }),
  ...pageQuery,
});

export const salesEntryListSchema = z
  .object({ entries: z.array(salesEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: "SalesEntryList" });

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
