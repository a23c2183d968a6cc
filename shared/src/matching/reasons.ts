import type { IndexedAccount, IndexedCustomer } from "./keys";
import type { ExactAccountStatus, Reason } from "./types";
import type { VatReasonCode } from "./vat";

const STATUS_NAMES: Readonly<Record<ExactAccountStatus, string>> = {
  C: "a customer",
  P: "a prospect",
  S: "a suspect",
  A: "not a customer",
};

/** `"Acme NV" (code 11)`, as a person would point at an account. */
export function describeAccount(indexed: IndexedAccount): string {
  const code = indexed.codeKey;
  return code === undefined ? `"${indexed.account.name}"` : `"${indexed.account.name}" (code ${code})`;
}

function statusText(indexed: IndexedAccount): string {
  const { status, isSupplier } = indexed.account;
  if ((status === null || status === "A") && isSupplier) return "a supplier only";
  return status === null ? "not a customer" : STATUS_NAMES[status];
}

/** The reasons an account is part of the match, one per identifying signal. */
export function basisReasons(
  indexed: IndexedAccount,
  customer: IndexedCustomer,
  signals: ReadonlySet<string>,
): Reason[] {
  const account = describeAccount(indexed);
  const reasons: Reason[] = [];
  const accountId = indexed.id;
  if (signals.has("code")) {
    reasons.push({
      code: "code",
      accountId,
      message: `Exact account ${account} has Code ${customer.number}.`,
    });
  }
  if (signals.has("searchCode")) {
    reasons.push({
      code: "searchCode",
      accountId,
      message: `Exact account ${account} has SearchCode ${customer.number}.`,
    });
  }
  if (signals.has("vat")) {
    reasons.push({
      code: "vat",
      accountId,
      message: `Exact account ${account} has the same VAT number (${customer.vat.canonical}).`,
    });
  }
  if (signals.has("companyNumber")) {
    reasons.push({
      code: "companyNumber",
      accountId,
      message: `Exact account ${account} has the same company number (${customer.companyNumber}).`,
    });
  }
  return reasons;
}

export const reasons = {
  linked(indexed: IndexedAccount, customer: IndexedCustomer): Reason {
    return {
      code: "linked",
      accountId: indexed.id,
      message: `Customer ${customer.number} is linked to Exact account ${describeAccount(indexed)}.`,
    };
  },

  accountDeleted(accountId: string): Reason {
    return {
      code: "account_deleted",
      accountId,
      message: `The linked Exact account ${accountId} no longer exists.`,
    };
  },

  notACustomer(indexed: IndexedAccount, offerPromotion: boolean): Reason {
    const reason: Reason = {
      code: "not_a_customer",
      accountId: indexed.id,
      message: `Exact account ${describeAccount(indexed)} is ${statusText(indexed)}, not a customer.${
        offerPromotion ? " It can be promoted to customer and linked." : ""
      }`,
    };
    if (offerPromotion) reason.action = "promote_and_link";
    return reason;
  },

  accountBlocked(indexed: IndexedAccount): Reason {
    return {
      code: "account_blocked",
      accountId: indexed.id,
      message: `Exact account ${describeAccount(indexed)} is blocked.`,
    };
  },

  vatDiffers(indexed: IndexedAccount, customer: IndexedCustomer): Reason {
    return {
      code: "vat_differs",
      accountId: indexed.id,
      message: `VAT number differs: zapfloor has ${customer.vat.canonical}, Exact account ${describeAccount(indexed)} has ${indexed.vat}.`,
    };
  },

  vatContradiction(
    target: IndexedAccount,
    customer: IndexedCustomer,
    vatAccounts: readonly IndexedAccount[],
  ): Reason {
    const elsewhere = vatAccounts.filter((other) => other !== target);
    const message =
      elsewhere.length > 0
        ? `The customer number points to Exact account ${describeAccount(target)}, but VAT number ${customer.vat.canonical} belongs to ${elsewhere.map(describeAccount).join(", ")}.`
        : `The customer number points to Exact account ${describeAccount(target)}, whose VAT number ${target.vat} differs from zapfloor's ${customer.vat.canonical}.`;
    return { code: "vat_contradiction", accountId: target.id, message };
  },

  alreadyLinkedElsewhere(indexed: IndexedAccount, otherCustomer: string): Reason {
    return {
      code: "already_linked_elsewhere",
      accountId: indexed.id,
      customerNumber: otherCustomer,
      message: `Exact account ${describeAccount(indexed)} is already linked to zapfloor customer ${otherCustomer}.`,
    };
  },

  numberPointsToSeveral(customer: IndexedCustomer, accounts: readonly IndexedAccount[]): Reason {
    return {
      code: "number_points_to_several",
      message: `${accounts.length} Exact accounts carry ${customer.number} as Code or SearchCode: ${accounts.map(describeAccount).join(", ")}.`,
    };
  },

  vatSharedBySeveral(customer: IndexedCustomer, accounts: readonly IndexedAccount[]): Reason {
    return {
      code: "vat_shared_by_several",
      message: `${accounts.length} Exact accounts share VAT number ${customer.vat.canonical}: ${accounts.map(describeAccount).join(", ")}.`,
    };
  },

  companyNumberOnly(customer: IndexedCustomer, accounts: readonly IndexedAccount[]): Reason {
    const reason: Reason = {
      code: "company_number_only",
      message: `Only the company number ${customer.companyNumber} connects this customer to ${accounts.map(describeAccount).join(", ")}; please confirm.`,
    };
    if (accounts.length === 1) reason.accountId = accounts[0]!.id;
    return reason;
  },

  customerVatInvalid(customer: IndexedCustomer, vatReasons: readonly VatReasonCode[]): Reason {
    return {
      code: "customer_vat_invalid",
      message: `zapfloor's VAT number "${customer.customer.vatNumber}" could not be used as typed (${vatReasons.join(", ")}).`,
    };
  },

  linkedToCustomer(indexed: IndexedAccount, customerNumber: string): Reason {
    return {
      code: "linked",
      accountId: indexed.id,
      customerNumber,
      message: `Exact account ${describeAccount(indexed)} is linked to zapfloor customer ${customerNumber}.`,
    };
  },

  severalCustomersMatch(indexed: IndexedAccount, customerNumbers: readonly string[]): Reason {
    return {
      code: "several_customers_match",
      accountId: indexed.id,
      message: `zapfloor customers ${customerNumbers.join(", ")} each match Exact account ${describeAccount(indexed)}; only one can be linked.`,
    };
  },

  noCustomerMatches(indexed: IndexedAccount): Reason {
    return {
      code: "no_match",
      accountId: indexed.id,
      message: `No zapfloor customer matches Exact account ${describeAccount(indexed)}.`,
    };
  },

  nameSuggestions(count: number, kind: "Exact account" | "zapfloor customer"): Reason {
    return {
      code: "name_suggestions",
      message: `${count} ${kind}${count === 1 ? " has" : "s have"} a similar name; names alone never link.`,
    };
  },

  similarNameExists(accounts: readonly IndexedAccount[]): Reason {
    const reason: Reason = {
      code: "similar_name_exists",
      accountId: accounts[0]!.id,
      message:
        accounts.length === 1
          ? `Exact customer ${describeAccount(accounts[0]!)} has the same name; no new customer is created. Link it if it is this customer, or add the VAT number to tell them apart.`
          : `Exact customers ${accounts.map(describeAccount).join(", ")} have the same name; no new customer is created. Link the one that is this customer, or add the VAT number to tell them apart.`,
    };
    return reason;
  },

  mirrorNotLoaded(lastLoadedAt: string | null): Reason {
    return {
      code: "mirror_not_loaded",
      lastLoadedAt,
      message:
        lastLoadedAt === null
          ? "This division's Exact accounts have not been loaded yet, so nothing can be decided; load them first."
          : `This division's Exact accounts were last loaded at ${lastLoadedAt} and could not be brought up to date, so nothing can be decided; load them again.`,
    };
  },

  noMatch(customer: IndexedCustomer): Reason {
    return {
      code: "no_match",
      message: `No Exact account matches customer ${customer.number}; create one with SearchCode ${customer.number}.`,
    };
  },
};

/** Why an account cannot simply be linked: not a customer (Status ≠ C), blocked. */
export function accountProblems(indexed: IndexedAccount, offerPromotion: boolean): Reason[] {
  const problems: Reason[] = [];
  const { status, blocked } = indexed.account;
  if (status !== "C") problems.push(reasons.notACustomer(indexed, offerPromotion && !blocked));
  if (blocked) problems.push(reasons.accountBlocked(indexed));
  return problems;
}
