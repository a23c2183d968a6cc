import { defineSchema, type EdmType, plainFields } from "../../odata/entity-schema";

/** Exact journal types: 10 cash, 12 bank, 20 sales, 22 purchase, 90 general. */
export const JOURNAL_TYPE = { cash: 10, bank: 12, sales: 20, purchase: 22, general: 90 } as const;

export interface JournalRecord {
  ID: string;
  Code: string;
  Description: string;
  Type: number;
  Currency: string | null;
  Division: number;
  /** Debtors (sales) or creditors (purchase) G/L account, when the journal has one. */
  GLAccount: string | null;
  GLAccountCode: string | null;
  GLAccountDescription: string | null;
  Created: number;
  Modified: number;
  /** Sequence of the journal's entry numbers (sales: also the invoice numbers). */
  lastEntryNumber: number;
}

/** Property order: alphabetical, as the recorded `$select=ID,Code,Description,Modified` came back Code, Description, ID, Modified. */
const FIELDS: readonly (readonly [string, EdmType])[] = [
  ["AllowVariableCurrency", "Edm.Boolean"],
  ["AllowVariableExchangeRate", "Edm.Boolean"],
  ["AllowVAT", "Edm.Boolean"],
  ["AutoSave", "Edm.Boolean"],
  ["Code", "Edm.String"],
  ["Created", "Edm.DateTime"],
  ["Currency", "Edm.String"],
  ["Description", "Edm.String"],
  ["Division", "Edm.Int32"],
  ["GLAccount", "Edm.Guid"],
  ["GLAccountCode", "Edm.String"],
  ["GLAccountDescription", "Edm.String"],
  ["ID", "Edm.Guid"],
  ["Modified", "Edm.DateTime"],
  ["Type", "Edm.Int32"],
];

const COMPUTED: Record<string, (row: JournalRecord) => unknown> = {
  AllowVariableCurrency: () => false,
  AllowVariableExchangeRate: () => false,
  AllowVAT: (row) => row.Type === JOURNAL_TYPE.sales || row.Type === JOURNAL_TYPE.purchase,
  AutoSave: () => false,
};

export const journalSchema = defineSchema<JournalRecord>(
  "Exact.Web.Api.Models.Journal",
  "ID",
  plainFields<JournalRecord>(FIELDS).map((field) => {
    const compute = COMPUTED[field.name];
    return compute ? { ...field, get: compute } : field;
  }),
);
