import { z } from "zod";
import type { DivisionApi } from "../client";
import { vatCode } from "../schemas";

/** `S` sales, `P` purchase, `B` both. [fixtures nango/extracted/vat-vatcodes.json] */
export const vatCodeWithUse = vatCode.extend({
  VATTransactionType: z
    .string()
    .nullable()
    .optional()
    .transform((value) => value?.trim() || null),
  /** `B`/`E` excluding, `I` including, `N` no VAT. [fixtures nango/extracted/vat-vatcodes.json] */
  Type: z
    .string()
    .nullable()
    .optional()
    .transform((value) => value?.trim() || null),
});
export type VatCodeWithUse = z.output<typeof vatCodeWithUse>;

/** The division's VAT codes; `Percentage` is a fraction (0.21) and `Code` comes space-padded. [§2] */
export function listVatCodes(api: DivisionApi) {
  return api.list(
    "vat/VATCodes",
    { select: ["ID", "Code", "Description", "Percentage", "IsBlocked", "VATTransactionType", "Type"] },
    vatCodeWithUse,
  );
}
