import { ACCOUNT_FIELDS } from "../entities/accounts/account-fields";
import { type AccountRecord, padCode } from "../entities/accounts/account-record";
import type { DivisionProfile } from "../state/division";
import { parseExactDate } from "../util/amsterdam-time";
import { fixtureRows } from "./fixtures-dir";

const DATE_FIELDS = new Set(
  ACCOUNT_FIELDS.filter(([, type]) => type === "Edm.DateTime").map(([name]) => name),
);

export interface FixtureDivision {
  profile: DivisionProfile;
  /** Account files, oldest recording first: later files overwrite the properties they carry. */
  accountFiles: string[];
}

/** Divisions whose accounts are exactly the recorded ones (see fixtures/exact/SOURCES.md). */
export const FIXTURE_DIVISIONS: readonly FixtureDivision[] = [
  {
    // Nango's 2026 recordings, start.exactonline.fr, 7-digit zero-padded codes. The recordings do not carry
    // the division's name: a believable one, since bookkeepers see it in the sandbox.
    profile: {
      code: 124132,
      name: "Bureaux Partagés Lille SAS",
      host: "start.exactonline.fr",
      country: "FR",
      currency: "EUR",
      accountCodeDigits: 7,
      created: parseExactDate("/Date(1720041459380)/")!,
    },
    accountFiles: [
      "nango/extracted/crm-accounts-get-by-guid.json",
      "nango/extracted/crm-accounts-list-select.json",
      "nango/extracted/crm-accounts-list-select-2.json",
      "nango/extracted/crm-accounts-get-after-post.json",
    ],
  },
  {
    // Exact's .NET SDK test data (2013–14), start.exactonline.nl; named for the sandbox, as above.
    profile: {
      code: 499156,
      name: "Kantorenhuis Utrecht B.V.",
      host: "start.exactonline.nl",
      country: "NL",
      currency: "EUR",
      accountCodeDigits: 0,
      created: parseExactDate("/Date(1382659200000)/")!,
    },
    accountFiles: [
      "dotnet-sdk/crm-accounts-single-object.json",
      "dotnet-sdk/crm-accounts-list.json",
      "dotnet-sdk/crm-accounts-list-2-deferred-bankaccounts.json",
    ],
  },
  {
    // The SDK's 51-account page was recorded in Exact's internal test environment, division 102.
    profile: {
      code: 102,
      name: "Werkplaats Rotterdam B.V.",
      host: "start.exactonline.nl",
      country: "NL",
      currency: "EUR",
      accountCodeDigits: 0,
      created: parseExactDate("/Date(1366243200000)/")!,
    },
    accountFiles: ["dotnet-sdk/crm-accounts-list-long-51.json"],
  },
];

/** Recorded accounts as stored records: every recorded property kept, dates turned back into instants. */
export function fixtureAccounts(fixture: FixtureDivision): AccountRecord[] {
  const byId = new Map<string, AccountRecord>();
  for (const file of fixture.accountFiles) {
    for (const row of fixtureRows(file)) {
      const id = String(row.ID).toLowerCase();
      const record =
        byId.get(id) ?? ({ ID: id, Division: fixture.profile.code, Timestamp: 0 } as AccountRecord);
      for (const [name, value] of Object.entries(row)) {
        if (name === "__metadata" || name === "ID" || (value !== null && typeof value === "object")) continue;
        record[name] =
          DATE_FIELDS.has(name) && typeof value === "string" ? (parseExactDate(value) ?? null) : value;
      }
      record.Division = fixture.profile.code;
      byId.set(id, record);
    }
  }
  const records = [...byId.values()];
  for (const record of records) record.Created ??= record.Modified;
  assignMissingCodes(records, fixture.profile.accountCodeDigits);
  return records;
}

/**
 * Some recordings do not select `Code` (Nango's customers list holds five "Test Customer Dryrun" accounts created
 * just before the one that got `0000011`): walking the accounts in creation order, each gets the number after the
 * highest code seen so far, which gives them 0000006–0000010.
 */
function assignMissingCodes(records: AccountRecord[], digits: number) {
  const used = new Set(records.filter((r) => typeof r.Code === "string").map((r) => r.Code.trim()));
  let highest = 0;
  for (const record of [...records].sort((a, b) => a.Created - b.Created)) {
    if (typeof record.Code === "string") {
      const code = record.Code.trim();
      if (/^\d{1,15}$/.test(code)) highest = Math.max(highest, Number(code));
      continue;
    }
    let candidate: string;
    do {
      highest += 1;
      candidate = digits > 0 ? String(highest).padStart(digits, "0") : String(highest);
    } while (used.has(candidate));
    used.add(candidate);
    record.Code = padCode(candidate);
  }
}
