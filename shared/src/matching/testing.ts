// Builders for tests: an Exact account or a zapfloor customer with plain defaults and the fields a case cares about.
import type { ExactAccountSnapshot, ZapfloorCustomer } from "./types";

/** A GUID-shaped account id that reads as its short name: accountId("a1") → "00000000-0000-0000-0000-0000000000a1". */
export function accountId(short: string): string {
  return `00000000-0000-0000-0000-${short.padStart(12, "0")}`;
}

export function exactAccount(
  short: string,
  fields: Partial<ExactAccountSnapshot> = {},
): ExactAccountSnapshot {
  return {
    id: accountId(short),
    code: null,
    searchCode: null,
    name: `Account ${short}`,
    vatNumber: null,
    chamberOfCommerce: null,
    status: "C",
    isSupplier: false,
    isSales: true,
    blocked: false,
    country: "BE ",
    ...fields,
  };
}

export function zapfloorCustomer(number: string, fields: Partial<ZapfloorCustomer> = {}): ZapfloorCustomer {
  return { number, name: `Customer ${number}`, country: "BE", ...fields };
}
