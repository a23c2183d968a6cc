import { formatVatForExact } from "@zapfloor-exact/shared/matching";
import type { CustomerRow } from "../../db/customer-store";
import { validationError } from "../../errors";
import { type FieldLimits, type LimitedAccountField, overlongAccountFields } from "../../exact/field-limits";
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
    { reason: "customer_number_too_long", params: { customer: customerNumber, max: String(maxLength) } },
  );
}

/**
 * Refuses, before any Exact call, a customer whose name, address, e-mail or VAT number is longer than Exact keeps
 * (`ACCOUNT_FIELD_LIMITS`): created with a cut name, it could be mistaken for another customer and never matched
 * by name again, so the proxy says which field and how long instead.
 */
export function assertFitsExactAccount(customer: CustomerRow, limits?: FieldLimits["Account"]): void {
  const overlong = overlongAccountFields(newCustomerFor(customer), limits);
  if (overlong.length === 0) return;
  const fields = overlong.map(({ field }) => ZAPFLOOR_FIELD[field]).join(", ");
  throw validationError(
    overlong.map(({ field, length, limit }) => ({
      path: `body.${ZAPFLOOR_FIELD[field]}`,
      message: `${ZAPFLOOR_FIELD[field]} has ${length} characters; Exact Online keeps at most ${limit} in an account's ${field}`,
    })),
    "This customer cannot be created in Exact Online as it is: shorten the fields named, or link an existing account.",
    { reason: "customer_fields_too_long", params: { customer: customer.number, fields } },
  );
}

const ZAPFLOOR_FIELD: Record<LimitedAccountField, string> = {
  Name: "name",
  AddressLine1: "address.line1",
  AddressLine2: "address.line2",
  City: "address.city",
  Postcode: "address.postcode",
  Email: "email",
  VATNumber: "vatNumber",
  ChamberOfCommerce: "companyNumber",
};

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
