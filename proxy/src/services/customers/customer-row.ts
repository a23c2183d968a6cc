import {
  codeMatchKey,
  indexCustomer,
  normaliseName,
  type ZapfloorCustomer,
} from "@zapfloor-exact/shared/matching";
import type { Customer, CustomerInput } from "@zapfloor-exact/shared/schemas/customers";
import type { CustomerInsert, CustomerRow } from "../../db/customer-store";

const iso = (ms: number) => new Date(ms).toISOString();

/** The stored row for a customer as zapfloor sent it, with the keys matching and search look it up by. */
export function customerRow(
  tenantId: string,
  number: string,
  input: CustomerInput,
  now: number,
): CustomerInsert {
  const customer: ZapfloorCustomer = {
    number,
    name: input.name,
    vatNumber: input.vatNumber ?? null,
    companyNumber: input.companyNumber ?? null,
    email: input.email ?? null,
    country: input.country ?? null,
  };
  const indexed = indexCustomer(customer);
  const address = input.address
    ? Object.fromEntries(
        Object.entries(input.address).filter((entry): entry is [string, string] => Boolean(entry[1])),
      )
    : null;
  return {
    tenantId,
    number,
    numberKey: codeMatchKey(number) ?? null,
    name: input.name,
    nameKey: normaliseName(input.name),
    vatNumber: input.vatNumber || null,
    vatKey: indexed.vat.canonical ?? null,
    companyNumber: input.companyNumber || null,
    companyNumberKey: indexed.companyNumber ?? null,
    email: input.email ?? null,
    country: input.country ?? null,
    address: address && Object.keys(address).length > 0 ? address : null,
    createdAt: now,
    updatedAt: now,
  };
}

/** A stored customer as the matching core sees it. */
export function zapfloorCustomerOf(row: CustomerRow): ZapfloorCustomer {
  return {
    number: row.number,
    name: row.name,
    vatNumber: row.vatNumber,
    companyNumber: row.companyNumber,
    email: row.email,
    country: row.country,
    city: row.address?.city ?? null,
    postcode: row.address?.postcode ?? null,
  };
}

export function customerView(row: CustomerRow): Customer {
  const address = row.address;
  return {
    number: row.number,
    name: row.name,
    vatNumber: row.vatNumber,
    companyNumber: row.companyNumber,
    email: row.email,
    country: row.country,
    address: address
      ? {
          line1: address.line1 ?? null,
          line2: address.line2 ?? null,
          postcode: address.postcode ?? null,
          city: address.city ?? null,
        }
      : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
