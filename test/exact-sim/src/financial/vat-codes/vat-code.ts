import { defineSchema, type EdmType, plainFields } from "../../odata/entity-schema";

export interface VatCodeRecord {
  ID: string;
  /** Three characters, space-padded: `"2  "` [exact-online-api.md §2]. */
  Code: string;
  Description: string;
  /** A fraction: 0.21 for 21 %. */
  Percentage: number;
  /** `E` exclusive, `I` inclusive, `B` no VAT. */
  Type: string;
  /** `S` sales, `P` purchase, `B` both. */
  VATTransactionType: string;
  Division: number;
  Created: number;
  Modified: number;
  [property: string]: unknown;
}

/** `Exact.Web.Api.Models.VATCode` in the recorded order (nango/extracted/vat-vatcodes.json). */
const FIELDS: readonly (readonly [string, EdmType])[] = [
  ["Account", "Edm.Guid"],
  ["AccountCode", "Edm.String"],
  ["AccountName", "Edm.String"],
  ["CalculationBasis", "Edm.Byte"],
  ["Charged", "Edm.Boolean"],
  ["Code", "Edm.String"],
  ["Country", "Edm.String"],
  ["Created", "Edm.DateTime"],
  ["Creator", "Edm.Guid"],
  ["CreatorFullName", "Edm.String"],
  ["Description", "Edm.String"],
  ["Division", "Edm.Int32"],
  ["EUSalesListing", "Edm.String"],
  ["ExcludeVATListing", "Edm.Byte"],
  ["GLDiscountPurchase", "Edm.Guid"],
  ["GLDiscountPurchaseCode", "Edm.String"],
  ["GLDiscountPurchaseDescription", "Edm.String"],
  ["GLDiscountSales", "Edm.Guid"],
  ["GLDiscountSalesCode", "Edm.String"],
  ["GLDiscountSalesDescription", "Edm.String"],
  ["GLToClaim", "Edm.Guid"],
  ["GLToClaimCode", "Edm.String"],
  ["GLToClaimDescription", "Edm.String"],
  ["GLToPay", "Edm.Guid"],
  ["GLToPayCode", "Edm.String"],
  ["GLToPayDescription", "Edm.String"],
  ["ID", "Edm.Guid"],
  ["IntraStat", "Edm.Boolean"],
  ["IntrastatType", "Edm.String"],
  ["IsBlocked", "Edm.Boolean"],
  ["LegalText", "Edm.String"],
  ["Modified", "Edm.DateTime"],
  ["Modifier", "Edm.Guid"],
  ["ModifierFullName", "Edm.String"],
  ["OssCountry", "Edm.String"],
  ["Percentage", "Edm.Double"],
  ["TaxReturnType", "Edm.Int16"],
  ["Type", "Edm.String"],
  ["VatDocType", "Edm.String"],
  ["VatMargin", "Edm.Byte"],
  ["VATPartialRatio", "Edm.Int16"],
  ["VATPercentages", "Navigation"],
  ["VATTransactionType", "Edm.String"],
  ["CustomField", "Edm.String"],
];

const DEFAULTS: Record<string, unknown> = {
  CalculationBasis: 1,
  Charged: false,
  EUSalesListing: "N",
  ExcludeVATListing: 0,
  IntraStat: false,
  IntrastatType: "N",
  IsBlocked: false,
  VatDocType: "P",
  VatMargin: 0,
};

export const vatCodeSchema = defineSchema<VatCodeRecord>(
  "Exact.Web.Api.Models.VATCode",
  "ID",
  plainFields<VatCodeRecord>(FIELDS).map((field) => ({
    ...field,
    get: (row: VatCodeRecord) =>
      field.name in row ? (row[field.name] ?? null) : (DEFAULTS[field.name] ?? null),
  })),
);

/** `"2"` and `"2  "` name the same code (Exact pads to three characters). */
export function padVatCode(code: string): string {
  return code.trimEnd().padEnd(3, " ");
}
