import type { EntityEndpoint } from "../../api/entity-endpoint";
import { listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { defineSchema, type EdmType, plainFields } from "../../odata/entity-schema";
import { int64Keyset } from "../../odata/keysets";
import type { DivisionData } from "../../state/division";
import { fromCents, toCents } from "../money";

interface ReceivableRow {
  HID: number;
  AccountCode: string;
  AccountId: string;
  AccountName: string;
  Amount: number;
  AmountInTransit: number;
  CurrencyCode: string;
  Description: string | null;
  DueDate: number;
  EntryNumber: number;
  Id: string;
  InvoiceDate: number;
  InvoiceNumber: number;
  JournalCode: string;
  JournalDescription: string;
  YourRef: string | null;
}

/** Properties per picqer's ReceivablesList.php (which mirrors Exact's reference page). */
const FIELDS: readonly (readonly [string, EdmType])[] = [
  ["HID", "Edm.Int64"],
  ["AccountCode", "Edm.String"],
  ["AccountId", "Edm.Guid"],
  ["AccountName", "Edm.String"],
  ["Amount", "Edm.Double"],
  ["AmountInTransit", "Edm.Double"],
  ["CurrencyCode", "Edm.String"],
  ["Description", "Edm.String"],
  ["DueDate", "Edm.DateTime"],
  ["EntryNumber", "Edm.Int32"],
  ["Id", "Edm.Guid"],
  ["InvoiceDate", "Edm.DateTime"],
  ["InvoiceNumber", "Edm.Int32"],
  ["JournalCode", "Edm.String"],
  ["JournalDescription", "Edm.String"],
  ["YourRef", "Edm.String"],
];

const schema = defineSchema<ReceivableRow>(
  "Exact.Web.Api.Models.Financial.ReceivablesList",
  "HID",
  plainFields(FIELDS),
);

/** One row per sales entry with an outstanding amount, ordered by HID. */
export function receivableRows(division: DivisionData): ReceivableRow[] {
  const rows: ReceivableRow[] = [];
  for (const entry of division.financial.salesEntries.values()) {
    const outstanding = toCents(entry.AmountDC) - toCents(entry.paidAmountFC);
    if (outstanding === 0) continue;
    const account = division.accounts.get(entry.Customer);
    rows.push({
      HID: entry.receivableHid,
      AccountCode: account?.Code ?? "",
      AccountId: entry.Customer,
      AccountName: entry.CustomerName,
      Amount: fromCents(outstanding),
      AmountInTransit: 0,
      CurrencyCode: entry.Currency,
      Description: entry.Description,
      DueDate: entry.DueDate,
      EntryNumber: entry.EntryNumber,
      Id: entry.receivableId,
      InvoiceDate: entry.EntryDate,
      InvoiceNumber: entry.InvoiceNumber,
      JournalCode: entry.Journal,
      JournalDescription: entry.JournalDescription,
      YourRef: entry.YourRef,
    });
  }
  return rows.sort((a, b) => a.HID - b.HID);
}

/**
 * read/financial/ReceivablesList: the outstanding receivables; a paid entry disappears, a partly paid one shows
 * what is left. How Exact orders and pages this function endpoint is UNCONFIRMED (here: HID keyset, 60 rows).
 */
export const receivablesEndpoint: EntityEndpoint = {
  entitySet: "read/financial/ReceivablesList",
  list(req) {
    const rows = receivableRows(req.division);
    return listResponse(
      req,
      int64Keyset(
        schema,
        () => rows,
        (r) => r.HID,
      ),
      { schema, uriOf: (r) => `${req.divisionBase}read/financial/ReceivablesList(${r.HID}L)` },
      { pageSize: REGULAR_PAGE_SIZE },
    );
  },
};
