import type { MessageId, Translate } from "../i18n/translate";
import type { ApiReason } from "../utils/proxy-types";

/** What a reason's text may need beyond the reason itself: the two VAT numbers, the account's status. */
export interface ReasonContext {
  accountStatus?: string | null;
  accountVat?: string | null;
  customerVat?: string | null;
}

/** A reason in the reader's language, by its code; the API's English message is for logs. */
export function describeReason(t: Translate, reason: ApiReason, context: ReasonContext = {}): string {
  const status = context.accountStatus ?? "A";
  return t(`reason.${reason.code}` as MessageId, {
    customer: reason.customerNumber ?? "",
    status: t(`status.${status}` as MessageId),
    accountVat: context.accountVat ?? "—",
    customerVat: context.customerVat ?? "—",
  });
}

/** A piece of matching evidence as a short chip text: "VAT", "Code", "Name 87%". */
export function describeSignal(t: Translate, signal: string, nameSimilarity = 0): string {
  if (signal === "name") return t("signal.name", { percent: Math.round(nameSimilarity * 100) });
  return t(`signal.${signal}` as MessageId);
}

export function describeLinkMethod(t: Translate, method: string): string {
  return t(`method.${method}` as MessageId);
}
