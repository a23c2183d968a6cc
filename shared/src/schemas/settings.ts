import { z } from "zod";
import { formatVatRate, parseVatRate } from "../money/vat-rate";
import { bookingReadinessSchema } from "./divisions";

const exactCode = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .meta({ description: `An Exact ${what} code` });

/** VAT rates as keys: `"21"`, `"5.5"`; two spellings of one rate (`"21"`, `"21.0"`) are one key. */
const vatRatesSchema = z
  .record(z.string(), exactCode("VAT", 3))
  .superRefine((rates, ctx) => {
    const seen = new Map<string, string>();
    for (const key of Object.keys(rates)) {
      const rate = parseVatRate(key);
      if (rate === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: 'must be a VAT rate in percent, e.g. "21" or "5.5"',
          params: { problem: "field_format", format: "vat_rate" },
        });
        continue;
      }
      const canonical = formatVatRate(rate);
      const other = seen.get(canonical);
      if (other !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `is the same rate as "${other}"`,
          params: { problem: "vat_rate_twice", other },
        });
      }
      seen.set(canonical, key);
    }
  })
  .transform((rates) =>
    Object.fromEntries(Object.entries(rates).map(([key, code]) => [formatVatRate(parseVatRate(key)!), code])),
  )
  .meta({
    description: "VAT rate in percent → the Exact VAT code it is booked with.",
    example: { "21": "2", "9": "1", "0": "0" },
  });

export const vatMappingSchema = z
  .object({
    rates: vatRatesSchema.default({}),
    international: exactCode("VAT", 3).nullable().default(null).meta({
      description:
        "The VAT code for 0% lines of customers outside the division's country (intra-EU reverse charge, export).",
      example: "4",
    }),
  })
  .meta({ id: "VatMapping", description: "How a line's `vatRate` becomes an Exact VAT code." });

export const settingsInputSchema = z
  .object({
    salesJournal: exactCode("journal", 20)
      .nullable()
      .default(null)
      .meta({ description: "The sales journal's code; invoices are booked here.", example: "70" }),
    creditNoteJournal: exactCode("journal", 20).nullable().default(null).meta({
      description: "The journal credit notes are booked in; the sales journal when not set.",
      example: "71",
    }),
    glMapping: z
      .record(z.string().trim().min(1).max(50), exactCode("GL account", 20))
      .default({})
      .meta({
        description:
          "A line's `revenueKey` (or `glAccount`) → the Exact G/L account code it is booked on (a revenue account).",
        example: { desks: "8010", offices: "8000", "meeting-rooms": "8020" },
      }),
    vatMapping: vatMappingSchema.default({ rates: {}, international: null }),
    autoCreate: z.boolean().default(true).meta({
      description: "Whether match-or-create may create an Exact customer when nothing matches.",
      example: true,
    }),
    autoPush: z.boolean().default(true).meta({
      description:
        "Whether accepted invoices are pushed to Exact. Off (e.g. until the go-live review is done), they wait in `queued` and are pushed once it is switched on.",
      example: true,
    }),
    nonCustomerMatch: z.enum(["review", "promote"]).default("review").meta({
      description:
        "When only a prospect, suspect or supplier matches: `review` (a bookkeeper decides) or `promote` (make it a customer and link it).",
      example: "review",
    }),
    similarNameMatch: z.enum(["review", "create"]).default("review").meta({
      description:
        "When no identifier decides and an Exact customer has the same name (or a near-identical one in the same city or postcode): `review` holds the customer for a person; `create` creates it anyway (e.g. franchises with one name per city).",
      example: "review",
    }),
  })
  .meta({ id: "DivisionSettingsInput" });
export type SettingsInput = z.output<typeof settingsInputSchema>;

export const settingsSchema = z
  .object({
    division: z.number(),
    /** Whether invoices can be submitted: a sales journal is set. */
    configured: z.boolean(),
    salesJournal: z.string().nullable(),
    creditNoteJournal: z.string().nullable(),
    glMapping: z.record(z.string(), z.string()),
    vatMapping: z.object({ rates: z.record(z.string(), z.string()), international: z.string().nullable() }),
    autoCreate: z.boolean(),
    autoPush: z.boolean(),
    nonCustomerMatch: z.enum(["review", "promote"]),
    similarNameMatch: z.enum(["review", "create"]),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    /** When the division's journals, GL accounts and VAT codes were last read from Exact. */
    referenceDataFetchedAt: z.string().nullable(),
    bookings: bookingReadinessSchema,
  })
  .meta({ id: "DivisionSettings" });
export type DivisionSettings = z.infer<typeof settingsSchema>;
