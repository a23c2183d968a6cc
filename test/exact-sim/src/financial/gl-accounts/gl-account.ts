import { defineSchema, type EdmType, plainFields } from "../../odata/entity-schema";

/** Exact G/L account types used here: 110 revenue, 111 cost of goods, 120 other costs, 20 receivables, 24 VAT… */
export const GL_TYPE = {
  cash: 10,
  bank: 12,
  receivables: 20,
  payables: 22,
  vat: 24,
  fixedAssets: 30,
  equity: 50,
  revenue: 110,
  costOfGoods: 111,
  otherCosts: 120,
  exceptionalIncome: 140,
} as const;

export interface GLAccountRecord {
  ID: string;
  Code: string;
  Description: string;
  Type: number;
  TypeDescription: string;
  /** `B` balance sheet, `W` profit and loss. */
  BalanceType: "B" | "W";
  BalanceSide: "D" | "C";
  /** Default VAT code for lines on this account (space-padded), if any. */
  VATCode: string | null;
  VATDescription: string | null;
  SearchCode: string | null;
  Division: number;
  IsBlocked: boolean;
  Created: number;
  Modified: number;
}

/** `ID` first, then alphabetical: the 2026 recording returned ID, Code, Description, Modified. */
const FIELDS: readonly (readonly [string, EdmType])[] = [
  ["ID", "Edm.Guid"],
  ["BalanceSide", "Edm.String"],
  ["BalanceType", "Edm.String"],
  ["Code", "Edm.String"],
  ["Created", "Edm.DateTime"],
  ["Description", "Edm.String"],
  ["Division", "Edm.Int32"],
  ["IsBlocked", "Edm.Boolean"],
  ["Modified", "Edm.DateTime"],
  ["SearchCode", "Edm.String"],
  ["Type", "Edm.Int32"],
  ["TypeDescription", "Edm.String"],
  ["VATCode", "Edm.String"],
  ["VATDescription", "Edm.String"],
];

export const glAccountSchema = defineSchema<GLAccountRecord>(
  "Exact.Web.Api.Models.GLAccount",
  "ID",
  plainFields(FIELDS),
);

/** Sales lines must go to a profit-and-loss account; a balance-sheet account is "Ongeldig: Grootboekrekeningtype" [I-picqer-121]. */
export function acceptsSalesLines(account: GLAccountRecord): boolean {
  return account.BalanceType === "W";
}
