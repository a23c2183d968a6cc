export { AccountIndex, type AccountNameSuggestion } from "./account-index";
export {
  type CodeComparisonOptions,
  codeMatchKey,
  codesEqual,
  EXACT_CODE_LENGTH,
  normaliseCode,
  normaliseSearchCode,
  padCodeForFilter,
} from "./codes";
export {
  type CompanyNumberReasonCode,
  companyNumberFromVat,
  type NormaliseCompanyNumberOptions,
  type NormalisedCompanyNumber,
  normaliseCompanyNumber,
} from "./company-number";
export { normaliseCountry } from "./country";
export { CustomerIndex } from "./customer-index";
export { decideForIndexedCustomer, decideMatch } from "./decide";
export { type LookalikeAccount, lookalikeCustomers } from "./duplicates";
export {
  type AccountFix,
  type FieldChange,
  type SearchCodeOnLink,
  searchCodeOnLink,
  vatFixFor,
} from "./fixes";
export { codeOfHeld, type HeldCode, heldCode } from "./held-code";
export {
  type AccountKeyValues,
  accountKeyValues,
  HeldAccountKeys,
  type IndexedAccount,
  type IndexedCustomer,
  indexAccount,
  indexCustomer,
  normaliseAccountId,
} from "./keys";
export { linksFromPairs, noLinks } from "./links";
export type { AccountHits, AccountLookup, CustomerHits, CustomerLookup } from "./lookup";
export { defaultNamePoolOptions, type NamePoolOptions } from "./name-pool";
export {
  nameSimilarity,
  nameTokens,
  normalisedSimilarity,
  normaliseName,
} from "./names";
export {
  type AccountSuggestion,
  type CustomerCandidate,
  type SuggestionOutcome,
  suggestForAccount,
} from "./suggest";
export {
  type Candidate,
  type Decision,
  defaultMatchOptions,
  type ExactAccountSnapshot,
  type ExactAccountStatus,
  type LinkLookup,
  type MatchOptions,
  type MatchOutcome,
  type MatchSignal,
  type Reason,
  type ReasonCode,
  resolveMatchOptions,
  type SuggestedAction,
  type ZapfloorCustomer,
} from "./types";
export {
  formatVatForExact,
  type NormalisedVat,
  type NormaliseVatOptions,
  normaliseVat,
  type VatReasonCode,
} from "./vat";
