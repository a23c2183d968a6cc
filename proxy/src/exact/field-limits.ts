/**
 * The longest text Exact Online keeps in the account fields the proxy writes. Exact's own reference pages do not
 * show lengths; these come from one third-party schema (skylence-be/exactonline-laravel-api
 * `resources/schemas/Account.json`, provenance unknown) and are UNCONFIRMED. The simulator enforces the same
 * numbers. SearchCode has its own setting (`EXACT_SEARCH_CODE_MAX_LENGTH`, see `new-customer.ts`).
 */
export const ACCOUNT_FIELD_LIMITS = {
  Name: 50,
  AddressLine1: 60,
  AddressLine2: 60,
  City: 40,
  Postcode: 20,
  Email: 100,
  VATNumber: 20,
  ChamberOfCommerce: 40,
} as const;

export type LimitedAccountField = keyof typeof ACCOUNT_FIELD_LIMITS;

/**
 * The longest text Exact keeps in the sales-entry fields the proxy writes. Exact's SalesEntries reference page shows
 * no lengths; Description 60 and YourRef 40 are one third-party schema's numbers for the sales-invoice header
 * (skylence-be/exactonline-laravel-api `resources/schemas/SalesInvoice.json`, provenance unknown), UNCONFIRMED for
 * sales entries. Nothing was found for a line's Description: it takes the header's 60, the strict reading. The
 * simulator enforces the same numbers.
 */
export const SALES_ENTRY_FIELD_LIMITS = {
  Description: 60,
  YourRef: 40,
} as const;

export const SALES_ENTRY_LINE_FIELD_LIMITS = {
  Description: 60,
} as const;

/** The fields of `values` that are longer than Exact keeps, with their length and limit. */
export function overlongAccountFields(
  values: Partial<Record<LimitedAccountField, string>>,
): { field: LimitedAccountField; length: number; limit: number }[] {
  return (Object.keys(ACCOUNT_FIELD_LIMITS) as LimitedAccountField[]).flatMap((field) => {
    const value = values[field];
    const limit = ACCOUNT_FIELD_LIMITS[field];
    return value !== undefined && value.length > limit ? [{ field, length: value.length, limit }] : [];
  });
}
