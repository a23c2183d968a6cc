/**
 * The longest text Exact Online keeps in the account fields the proxy writes. Exact's own reference pages do not
 * show lengths; these come from one third-party schema (skylence-be/exactonline-laravel-api
 * `resources/schemas/Account.json`, provenance unknown) and are UNCONFIRMED. The simulator enforces the same
 * numbers; `EXACT_FIELD_LIMITS` changes them (`fieldLimitsFrom`). SearchCode has its own setting
 * (`EXACT_SEARCH_CODE_MAX_LENGTH`, see `new-customer.ts`).
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

/** Every limit the proxy checks before writing to Exact, by entity and field. */
export interface FieldLimits {
  Account: Record<LimitedAccountField, number>;
  SalesEntry: Record<keyof typeof SALES_ENTRY_FIELD_LIMITS, number>;
  SalesEntryLine: Record<keyof typeof SALES_ENTRY_LINE_FIELD_LIMITS, number>;
}

export const DEFAULT_FIELD_LIMITS: FieldLimits = {
  Account: { ...ACCOUNT_FIELD_LIMITS },
  SalesEntry: { ...SALES_ENTRY_FIELD_LIMITS },
  SalesEntryLine: { ...SALES_ENTRY_LINE_FIELD_LIMITS },
};

/**
 * The limits with the changes of an `EXACT_FIELD_LIMITS` setting, e.g. `Account.Name=100,SalesEntry.Description=255`
 * (every number here is unconfirmed: an operator who learns Exact's real one can set it). Throws on a name that is
 * not a limit or a number that is not a whole number from 1 to 10,000.
 */
export function fieldLimitsFrom(setting: string | undefined): FieldLimits {
  const limits: FieldLimits = {
    Account: { ...DEFAULT_FIELD_LIMITS.Account },
    SalesEntry: { ...DEFAULT_FIELD_LIMITS.SalesEntry },
    SalesEntryLine: { ...DEFAULT_FIELD_LIMITS.SalesEntryLine },
  };
  for (const item of (setting ?? "").split(",")) {
    if (item.trim() === "") continue;
    const match = /^\s*(\w+)\.(\w+)\s*=\s*(\d+)\s*$/.exec(item);
    const entity = match?.[1] as keyof FieldLimits | undefined;
    const fields =
      entity && Object.hasOwn(limits, entity) ? (limits[entity] as Record<string, number>) : undefined;
    const field = match?.[2];
    const limit = Number(match?.[3]);
    if (!fields || !field || !Object.hasOwn(fields, field)) {
      throw new Error(
        `"${item.trim()}" is not Entity.Field=number for a known limit (e.g. Account.Name=100)`,
      );
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      throw new Error(`"${item.trim()}": a limit is a whole number from 1 to 10000`);
    }
    fields[field] = limit;
  }
  return limits;
}

/** The fields of `values` that are longer than Exact keeps, with their length and limit. */
export function overlongAccountFields(
  values: Partial<Record<LimitedAccountField, string>>,
  limits: FieldLimits["Account"] = ACCOUNT_FIELD_LIMITS,
): { field: LimitedAccountField; length: number; limit: number }[] {
  return (Object.keys(limits) as LimitedAccountField[]).flatMap((field) => {
    const value = values[field];
    const limit = limits[field];
    return value !== undefined && value.length > limit ? [{ field, length: value.length, limit }] : [];
  });
}
