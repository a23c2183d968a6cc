import { defineSchema, type EntitySchema, type FieldDefinition } from "../../odata/entity-schema";
import { countryName } from "../../util/countries";
import { ACCOUNT_FIELDS, ACCOUNT_STORED_DEFAULTS } from "./account-fields";
import type { AccountRecord } from "./account-record";

export const ACCOUNT_TYPE = "Exact.Web.Api.Models.Account";

export interface AccountSchemaContext {
  hostOfDivision(division: number): string;
  languageCode(): string;
  /** The simulated user, creator and modifier of generated accounts that do not store their own. */
  user(): { id: string; fullName: string };
}

/** Values computed from other properties rather than stored. */
function derived(name: string, context: AccountSchemaContext): ((row: AccountRecord) => unknown) | undefined {
  switch (name) {
    case "CountryName":
      return (row) =>
        typeof row.Country === "string" ? countryName(row.Country, context.languageCode()) : null;
    case "LogoUrl":
    case "LogoThumbnailUrl":
      return (row) =>
        `https://${context.hostOfDivision(row.Division)}//docs/images/placeholder_account_myeol.png`;
    // Generated accounts keep memory small by deriving these instead of storing them.
    case "Creator":
    case "Modifier":
      return () => context.user().id;
    case "CreatorFullName":
    case "ModifierFullName":
      return () => context.user().fullName;
    case "StatusSince":
      return (row) => row.StartDate ?? null;
    case "CustomerSince":
      return (row) => (row.Status === "C" ? (row.StartDate ?? null) : null);
    default:
      return undefined;
  }
}

/** `Exact.Web.Api.Models.Account` over stored records, with Exact's defaults for unset properties. */
export function createAccountSchema(
  context: AccountSchemaContext,
  extraFields: readonly FieldDefinition<AccountRecord>[] = [],
): EntitySchema<AccountRecord> {
  const fields: FieldDefinition<AccountRecord>[] = ACCOUNT_FIELDS.map(([name, type]) => {
    const compute = derived(name, context);
    const fallback = ACCOUNT_STORED_DEFAULTS[name] ?? null;
    const get = (row: AccountRecord) => {
      if (name in row) return row[name] ?? null;
      return compute ? compute(row) : fallback;
    };
    return { name, type, get };
  });
  return defineSchema(ACCOUNT_TYPE, "ID", [...fields, ...extraFields]);
}

/** The sync entity adds the row version `Timestamp` (absent from crm/Accounts) [exact-online-api.md §3, S9]. */
export function createSyncAccountSchema(context: AccountSchemaContext): EntitySchema<AccountRecord> {
  const base = createAccountSchema(context, [
    { name: "Timestamp", type: "Edm.Int64", get: (row) => row.Timestamp },
  ]);
  return { ...base, typeName: "Exact.Web.Api.Models.Sync.CRM.Account" };
}
