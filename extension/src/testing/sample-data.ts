import type { AccountDetail, CustomerWithLink, OverviewRow } from "../utils/proxy-types";

export const ACCOUNT_ID = "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42";
export const DIVISION = 1234567;

export function sampleCustomer(overrides: Partial<CustomerWithLink> = {}): CustomerWithLink {
  return {
    number: "1042",
    name: "Acme Coworking NV",
    vatNumber: "BE0123456749",
    companyNumber: null,
    email: null,
    country: "BE",
    address: null,
    createdAt: "2026-11-01T10:00:00.000Z",
    updatedAt: "2026-11-01T10:00:00.000Z",
    ...overrides,
  };
}

export function sampleExactAccount(overrides: Partial<OverviewRow["account"]> = {}): OverviewRow["account"] {
  return {
    id: ACCOUNT_ID,
    code: "1042",
    searchCode: null,
    name: "Acme Coworking NV",
    vatNumber: "BE0123456749",
    chamberOfCommerce: null,
    status: "C",
    isCustomer: true,
    isSupplier: false,
    isSales: true,
    blocked: false,
    email: null,
    city: "Gent",
    country: "BE",
    deleted: false,
    mirroredAt: "2026-11-25T08:00:00.000Z",
    ...overrides,
  };
}

const noSuggestion: OverviewRow["suggestion"] = {
  outcome: "none",
  customer: null,
  score: null,
  matchedOn: [],
  reasons: [],
};

/** An unlinked customer account with no candidates; override what a test is about. */
export function sampleDetail(overrides: Partial<AccountDetail> = {}): AccountDetail {
  return {
    account: sampleExactAccount(),
    state: "unlinked",
    link: null,
    suggestion: noSuggestion,
    warnings: [],
    division: DIVISION,
    candidates: [],
    accountModified: null,
    ...overrides,
  };
}

export function linkedDetail(overrides: Partial<AccountDetail> = {}): AccountDetail {
  return sampleDetail({
    state: "linked",
    link: {
      customerNumber: "1042",
      exactId: ACCOUNT_ID,
      method: "manual",
      linkedBy: "Anna (bookkeeper)",
      linkedAt: "2026-11-20T09:30:00.000Z",
      customer: sampleCustomer(),
    },
    ...overrides,
  });
}

export function sampleRow(overrides: Partial<OverviewRow> = {}): OverviewRow {
  return {
    account: sampleExactAccount(),
    state: "unlinked",
    link: null,
    suggestion: noSuggestion,
    warnings: [],
    accountModified: null,
    ...overrides,
  };
}
