import type { EntityEndpoint } from "../../api/entity-endpoint";
import { listResponse, REGULAR_PAGE_SIZE } from "../../api/list-response";
import { defineSchema, type EdmType, plainFields } from "../../odata/entity-schema";
import { guidKeyset } from "../../odata/keysets";
import type { DivisionData } from "../../state/division";
import { sqlServerGuidSortKey } from "../../util/guid";
import { fromCents, toCents } from "../money";

interface CashflowReceivableRow {
  ID: string;
  Account: string;
  AccountCode: string;
  AccountName: string;
  AmountDC: number;
  AmountFC: number;
  Currency: string;
  Description: string | null;
  Division: number;
  DueDate: number;
  EntryDate: number;
  EntryID: string;
  EntryNumber: number;
  InvoiceDate: number;
  InvoiceNumber: number;
  IsFullyPaid: boolean;
  Journal: string;
  Status: number;
  TransactionAmountDC: number;
  TransactionAmountFC: number;
  TransactionEntryID: string;
  TransactionIsReversal: boolean;
  YourRef: string | null;
}

/** Properties per picqer's `Receivable.php`, which mirrors Exact's CashflowReceivables reference page. */
const FIELDS: readonly (readonly [string, EdmType])[] = [
  ["ID", "Edm.Guid"],
  ["Account", "Edm.Guid"],
  ["AccountCode", "Edm.String"],
  ["AccountName", "Edm.String"],
  ["AmountDC", "Edm.Double"],
  ["AmountFC", "Edm.Double"],
  ["Currency", "Edm.String"],
  ["Description", "Edm.String"],
  ["Division", "Edm.Int32"],
  ["DueDate", "Edm.DateTime"],
  ["EntryDate", "Edm.DateTime"],
  ["EntryID", "Edm.Guid"],
  ["EntryNumber", "Edm.Int32"],
  ["InvoiceDate", "Edm.DateTime"],
  ["InvoiceNumber", "Edm.Int32"],
  ["IsFullyPaid", "Edm.Boolean"],
  ["Journal", "Edm.String"],
  ["Status", "Edm.Int16"],
  ["TransactionAmountDC", "Edm.Double"],
  ["TransactionAmountFC", "Edm.Double"],
  ["TransactionEntryID", "Edm.Guid"],
  ["TransactionIsReversal", "Edm.Boolean"],
  ["YourRef", "Edm.String"],
];

const schema = defineSchema<CashflowReceivableRow>(
  "Exact.Web.Api.Models.Cashflow.Receivable",
  "ID",
  plainFields(FIELDS),
);

/** Receivable statuses; Exact's reference page was not retrievable, so the numbers are UNCONFIRMED. */
const OPEN = 20;
const MATCHED = 50;

/**
 * One receivable per sales entry; a part payment splits it into a paid part and an open rest, each with its own
 * EntryID, as Exact's reference describes ("A receivable can be split so that one part is received on a different
 * date. In that case the two records get a different EntryID") [picqer `Receivable.php`]. `TransactionEntryID` is
 * the sales entry's EntryID. A deleted entry has no receivable at all.
 */
export function cashflowReceivableRows(division: DivisionData): CashflowReceivableRow[] {
  const rows: CashflowReceivableRow[] = [];
  for (const entry of division.financial.salesEntries.values()) {
    const account = division.accounts.get(entry.Customer);
    const total = toCents(entry.AmountFC);
    const paid = toCents(entry.paidAmountFC);
    const base = {
      Account: entry.Customer,
      AccountCode: account?.Code ?? "",
      AccountName: entry.CustomerName,
      Currency: entry.Currency,
      Description: entry.Description,
      Division: entry.Division,
      DueDate: entry.DueDate,
      EntryDate: entry.EntryDate,
      EntryNumber: entry.EntryNumber,
      InvoiceDate: entry.EntryDate,
      InvoiceNumber: entry.InvoiceNumber,
      Journal: entry.Journal,
      TransactionAmountDC: entry.AmountDC,
      TransactionAmountFC: entry.AmountFC,
      TransactionEntryID: entry.EntryID,
      TransactionIsReversal: false,
      YourRef: entry.YourRef,
    };
    const part = (id: string, cents: number, fullyPaid: boolean): CashflowReceivableRow => ({
      ...base,
      ID: id,
      EntryID: id,
      AmountDC: fromCents(cents),
      AmountFC: fromCents(cents),
      IsFullyPaid: fullyPaid,
      Status: fullyPaid ? MATCHED : OPEN,
    });
    if (paid === 0 || paid === total) rows.push(part(entry.receivableId, total, paid === total));
    else {
      rows.push(part(entry.receivableId, paid, true));
      rows.push(part(splitId(entry.receivableId), total - paid, false));
    }
  }
  const keys = new Map(rows.map((row) => [row, sqlServerGuidSortKey(row.ID)]));
  return rows.sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : 1));
}

/** A stable second id for the open rest of a split receivable. */
function splitId(id: string): string {
  const last = id.at(-1) === "0" ? "1" : "0";
  return `${id.slice(0, -1)}${last}`;
}

/** cashflow/Receivables: every receivable, paid or not, 60 rows a page. */
export const cashflowReceivablesEndpoint: EntityEndpoint = {
  entitySet: "cashflow/Receivables",
  list(req) {
    const rows = cashflowReceivableRows(req.division);
    return listResponse(
      req,
      guidKeyset(
        schema,
        () => rows,
        (r) => r.ID,
      ),
      { schema, uriOf: (r) => `${req.divisionBase}cashflow/Receivables(guid'${r.ID}')` },
      { pageSize: REGULAR_PAGE_SIZE },
    );
  },
};
