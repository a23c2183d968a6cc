import { z } from "zod";

export const salesJournalRefSchema = z
  .object({
    code: z.string().meta({ example: "70" }),
    description: z.string().nullable().meta({ example: "Verkoopboek" }),
  })
  .meta({ id: "SalesJournalRef" });

export const revenueGlAccountRefSchema = z
  .object({
    code: z.string().meta({ example: "8010" }),
    description: z.string().nullable().meta({ example: "Omzet flexplekken" }),
  })
  .meta({ id: "RevenueGlAccountRef" });

export const salesVatCodeRefSchema = z
  .object({
    code: z.string().meta({ description: "Exact's code, without its padding", example: "2" }),
    description: z.string().nullable().meta({ example: "BTW hoog 21%" }),
    percentage: z
      .string()
      .nullable()
      .meta({ description: "The rate in percent, as a decimal string", example: "21" }),
    type: z.string().nullable().meta({
      description: "Exact's VAT code `Type`: `B` excluding, `E` excluding, `I` including, `N` no VAT",
      example: "B",
    }),
  })
  .meta({ id: "SalesVatCodeRef" });

export const referenceDataSchema = z
  .object({
    division: z.number(),
    salesJournals: z.array(salesJournalRefSchema),
    revenueGlAccounts: z.array(revenueGlAccountRefSchema),
    salesVatCodes: z.array(salesVatCodeRefSchema),
    fetchedAt: z
      .string()
      .nullable()
      .meta({ description: "When the oldest of the three lists was read from Exact." }),
  })
  .meta({ id: "ReferenceData" });
export type ReferenceDataView = z.infer<typeof referenceDataSchema>;
