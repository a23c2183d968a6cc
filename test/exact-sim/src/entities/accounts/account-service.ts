import { businessRule, dutch, notFound } from "../../http/exact-error";
import { applyTextLimits, type TextLimits } from "../../odata/text-limits";
import type { DivisionData } from "../../state/division";
import type { SimContext } from "../../state/sim-context";
import { amsterdamStartOfDay } from "../../util/amsterdam-time";
import { isKnownCountry } from "../../util/countries";
import { newGuid } from "../../util/guid";
import { ACCOUNT_READ_ONLY } from "./account-fields";
import { type AccountRecord, CODE_LENGTH, padCode, padCountry } from "./account-record";

const STATUSES = new Set(["A", "S", "P", "C"]);
/** Source 2 is what the 2026 recording shows on an account created through the REST API. */
const SOURCE_REST_API = 2;

export type AccountInput = ReadonlyMap<string, unknown>;

/** Creates an account like POST crm/Accounts: validates, assigns ID, Code and Timestamp, emits the change. */
export function createAccount(ctx: SimContext, division: DivisionData, input: AccountInput): AccountRecord {
  const values = new Map(input);
  for (const readOnly of ACCOUNT_READ_ONLY) values.delete(readOnly);
  const name = values.get("Name");
  if (typeof name !== "string" || name.trim() === "") throw businessRule(dutch.mandatory("Naam"));
  normalizeWritable(ctx, values);

  let code = values.get("Code");
  if (code === undefined || code === null || (typeof code === "string" && code.trim() === "")) {
    code = nextAccountCode(division);
  } else {
    code = validateCode(code as string);
    if (division.accounts.idForCode(code as string)) throw businessRule(dutch.alreadyExists("Code"));
  }
  values.set("Code", code);

  const now = ctx.clock.now();
  const today = amsterdamStartOfDay(now);
  const status = (values.get("Status") as string | null | undefined) ?? "A";
  const account: AccountRecord = {
    ID: newGuid(ctx.ids),
    Division: division.code,
    Code: code as string,
    Name: values.get("Name") as string,
    Status: status,
    IsSales: true,
    IsPurchase: true,
    IsSupplier: false,
    Blocked: false,
    StartDate: today,
    StatusSince: today,
    CustomerSince: status === "C" ? today : null,
    Created: now,
    Creator: ctx.user.id,
    CreatorFullName: ctx.user.fullName,
    Modified: now,
    Modifier: ctx.user.id,
    ModifierFullName: ctx.user.fullName,
    Source: SOURCE_REST_API,
    Timestamp: division.nextTimestamp(),
  };
  for (const [key, value] of values) if (key !== "Code" && key !== "Name") account[key] = value;
  store(ctx, division, account, true);
  return account;
}

/** Applies a PUT: only the sent properties change; returns the updated record. */
export function updateAccount(
  ctx: SimContext,
  division: DivisionData,
  id: string,
  input: AccountInput,
): AccountRecord {
  const current = division.accounts.get(id);
  if (!current) throw notFound(dutch.notFoundRecord);
  const values = new Map(input);
  for (const readOnly of ACCOUNT_READ_ONLY) values.delete(readOnly);
  if (values.has("Name")) {
    const name = values.get("Name");
    if (typeof name !== "string" || name.trim() === "") throw businessRule(dutch.mandatory("Naam"));
  }
  normalizeWritable(ctx, values);
  if (values.has("Code")) {
    const code = validateCode(values.get("Code") as string);
    const owner = division.accounts.idForCode(code);
    if (
      (owner && owner !== current.ID) ||
      (owner === current.ID && ctx.options.accounts.putWithUnchangedCodeConflicts)
    ) {
      throw businessRule(dutch.alreadyExists("Code"));
    }
    values.set("Code", code);
  }
  const now = ctx.clock.now();
  const next: AccountRecord = { ...current };
  for (const [key, value] of values) next[key] = value;
  if (values.has("Status") && values.get("Status") !== current.Status) {
    next.StatusSince = amsterdamStartOfDay(now);
    if (values.get("Status") === "C" && !current.CustomerSince) next.CustomerSince = amsterdamStartOfDay(now);
  }
  next.Modified = now;
  next.Modifier = ctx.user.id;
  next.ModifierFullName = ctx.user.fullName;
  next.Timestamp = division.nextTimestamp();
  store(ctx, division, next, false);
  return next;
}

export function deleteAccount(
  ctx: SimContext,
  division: DivisionData,
  id: string,
  isInUse: (account: AccountRecord) => string | undefined,
): void {
  const account = division.accounts.get(id);
  if (!account) throw notFound(dutch.notFoundRecord);
  const usedIn = isInUse(account);
  if (usedIn) {
    // Shape of the recorded message: "Can't delete: Account 58 - Used in: Administrations" (transcribed fixture).
    throw businessRule(`Kan niet verwijderen: Relatie ${account.Code.trim()} - Gebruikt in: ${usedIn}`);
  }
  const now = ctx.clock.now();
  division.accounts.remove(account.ID, {
    ID: newGuid(ctx.ids),
    EntityKey: account.ID,
    EntityType: 2,
    Division: division.code,
    Timestamp: division.nextTimestamp(),
    DeletedDate: now,
    DeletedBy: ctx.user.id,
    DeletedByFullName: ctx.user.fullName,
  });
  ctx.events.emit({ type: "account.deleted", division: division.code, account, at: now });
}

/** Stores a record that was built elsewhere (seeding, control API) and emits the change. */
export function store(
  ctx: SimContext,
  division: DivisionData,
  account: AccountRecord,
  created: boolean,
): void {
  division.accounts.put(account);
  division.noteAccountCode(account.Code);
  ctx.events.emit({
    type: "account.upserted",
    division: division.code,
    account,
    created,
    at: ctx.clock.now(),
  });
}

/**
 * Longest text kept per written account field, with its Dutch label. Exact's pages show no lengths: these are one
 * third-party schema's (skylence-be/exactonline-laravel-api `Account.json`), UNCONFIRMED, and the proxy checks the
 * same numbers before posting. Past a limit: `fieldLimits.overflow` (a 500 by default, the strict reading).
 */
const FIELD_LIMITS: TextLimits = {
  Name: ["Naam", 50],
  AddressLine1: ["Adresregel 1", 60],
  AddressLine2: ["Adresregel 2", 60],
  City: ["Plaats", 40],
  Postcode: ["Postcode", 20],
  Email: ["E-mail", 100],
  VATNumber: ["Btw-nummer", 20],
  ChamberOfCommerce: ["KvK-nummer", 40],
};

function normalizeWritable(ctx: SimContext, values: Map<string, unknown>) {
  const status = values.get("Status");
  if (status !== undefined && status !== null && !STATUSES.has(status as string)) {
    throw businessRule(dutch.invalid("Status"));
  }
  const country = values.get("Country");
  if (typeof country === "string" && country.trim() !== "") {
    if (!isKnownCountry(country)) throw businessRule(dutch.invalidReference("Countries"));
    values.set("Country", padCountry(country));
  }
  applyTextLimits(values, FIELD_LIMITS, ctx.options.fieldLimits.overflow);
  const searchCode = values.get("SearchCode");
  const max = ctx.options.accounts.searchCodeMaxLength;
  if (typeof searchCode === "string" && searchCode.length > max) {
    if (ctx.options.accounts.searchCodeOverflow === "error")
      throw businessRule(dutch.tooLong("Zoekcode", max));
    values.set("SearchCode", searchCode.slice(0, max));
  }
}

/** Codes are numeric strings stored left-padded to 18 [exact-online-api.md §3]. */
function validateCode(raw: string): string {
  const trimmed = raw.trim();
  if (!/^\d+$/.test(trimmed)) throw businessRule(dutch.invalid("Code"));
  if (trimmed.length > CODE_LENGTH) throw businessRule(dutch.tooLong("Code", CODE_LENGTH));
  return padCode(trimmed);
}

/**
 * Highest code + 1 in the division's numbering style: the 2026 recording assigned `0000011` in a division that
 * numbers with 7 zero-padded digits [exact-online-api.md §3, S11 create-customer].
 */
function nextAccountCode(division: DivisionData): string {
  const next = String(division.highestAccountCode + 1);
  const digits = division.profile.accountCodeDigits;
  return padCode(digits > 0 ? next.padStart(digits, "0") : next);
}
