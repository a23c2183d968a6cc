/**
 * An account as the simulator stores it: every property Exact would write, in wire form (padded `Code` and
 * `Country`), except dates, which are UTC instants (ms). Properties absent from the object take Exact's
 * defaults when rendered.
 */
export interface AccountRecord {
  ID: string;
  Division: number;
  /** Left-padded with spaces to 18 characters. */
  Code: string;
  Name: string;
  Created: number;
  Modified: number;
  /** Row version for sync/CRM/Accounts: increases across the division on every change. */
  Timestamp: number;
  [property: string]: unknown;
}

export const CODE_LENGTH = 18;

/** `'25'` → `'                25'`: Exact's fixed-length Code [exact-online-api.md §3, S4, S2 `%18s`]. */
export function padCode(code: string): string {
  return code.padStart(CODE_LENGTH, " ");
}

/** `'NL'` → `'NL '`: Exact returns country codes padded to 3 [exact-online-api.md §2]. */
export function padCountry(country: string): string {
  let padded = paddedCountries.get(country);
  if (padded === undefined) {
    padded = country.trim().toUpperCase().padEnd(3, " ");
    paddedCountries.set(country, padded);
  }
  return padded;
}
const paddedCountries = new Map<string, string>();
