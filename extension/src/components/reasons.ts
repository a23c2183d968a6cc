import type { MessageId, Translate } from "../i18n/translate";
import type { ApiReason } from "../utils/proxy-types";

/** What a reason's text may need beyond the reason itself: the two VAT numbers, the account's status. */
export interface ReasonContext {
  accountStatus?: string | null;
  accountVat?: string | null;
  customerVat?: string | null;
  /** The customer being decided, for reasons that name it without saying so. */
  customerNumber?: string | null;
}

/**
 * A reason in the reader's language, by its code and the values its `params` name (else the context's); the
 * API's English message is for logs.
 */
export function describeReason(t: Translate, reason: ApiReason, context: ReasonContext = {}): string {
  const params = reason.params ?? {};
  const status = params.status ?? context.accountStatus ?? "A";
  return t(`reason.${reason.code}` as MessageId, {
    customer: reason.customerNumber ?? context.customerNumber ?? "",
    status: t(`status.${status}` as MessageId),
    accountVat: params.accountVat ?? context.accountVat ?? "—",
    customerVat: params.customerVat ?? context.customerVat ?? "—",
  });
}

/** A piece of matching evidence as a short chip text: "VAT", "Code", "Name 87%" (or "Name" when unknown). */
export function describeSignal(t: Translate, signal: string, nameSimilarity?: number): string {
  if (signal === "name") {
    return nameSimilarity === undefined
      ? t("signal.nameOnly")
      : t("signal.name", { percent: Math.round(nameSimilarity * 100) });
  }
  return t(`signal.${signal}` as MessageId);
}

/** Codes that are evidence for a match: listed among a conflict's reasons, but not what is wrong. */
const EVIDENCE = new Set(["code", "searchCode", "vat", "companyNumber", "linked"]);

/** The reasons that say what is wrong, without the evidence listed beside them. */
export function concerns(reasons: readonly ApiReason[]): ApiReason[] {
  return reasons.filter((reason) => !EVIDENCE.has(reason.code));
}

export function describeLinkMethod(t: Translate, method: string): string {
  return t(`method.${method}` as MessageId);
}
