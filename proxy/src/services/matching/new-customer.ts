import { formatVatForExact } from "@zapfloor-exact/shared/matching";
import type { CustomerRow } from "../../db/customer-store";
import { validationError } from "../../errors";
import type { NewCustomer } from "../../exact/resources/accounts";

/**
 * The longest zapfloor number a new Exact customer can carry as its SearchCode, by default. Exact's limit is
 * UNCONFIRMED (exact-online-api.md §3): 2013 SDK fixtures show SearchCodes cut to 9 characters, a third-party
 * schema says 30; `EXACT_SEARCH_CODE_MAX_LENGTH` sets it. A cut SearchCode could never be found again, so the
 * proxy refuses longer numbers up front.
 */
export const SEARCH_CODE_MAX_LENGTH = 9;

/** Refuses, before any Exact call, a number that Exact might store cut short. */
export function assertFitsSearchCode(
  customerNumber: string,
  maxLength: number = SEARCH_CODE_MAX_LENGTH,
): void {
  if (customerNumber.length <= maxLength) return;
  throw validationError(
    [
      {
        path: "path.number",
        message: `zapfloor customer number ${customerNumber} has ${customerNumber.length} characters; a new Exact customer's SearchCode holds at most ${maxLength}, so it cannot be created. Link an existing account instead.`,
      },
    ],
    "This customer cannot be created in Exact Online.",
  );
}

/** The Exact customer to create for a zapfloor customer: Status C, allowed for sales, SearchCode = its number. */
export function newCustomerFor(customer: CustomerRow): NewCustomer {
  const vat = customer.vatNumber
    ? (formatVatForExact(customer.vatNumber, { country: customer.country }) ?? customer.vatNumber.trim())
    : undefined;
  const address = customer.address ?? {};
  const optional = (field: keyof NewCustomer, value: string | null | undefined) =>
    value ? { [field]: value } : {};
  return {
    Name: customer.name,
    SearchCode: customer.number,
    Status: "C",
    IsSales: true,
    ...optional("VATNumber", vat),
    ...optional("ChamberOfCommerce", customer.companyNumber),
    ...optional("Email", customer.email),
    ...optional("Country", customer.country),
    ...optional("AddressLine1", address.line1),
    ...optional("AddressLine2", address.line2),
    ...optional("Postcode", address.postcode),
    ...optional("City", address.city),
  };
}
