import { useI18n } from "../../i18n/I18nContext";
import type { MessageId } from "../../i18n/translate";
import type { AccountDetail, ApiReason } from "../../utils/proxy-types";
import "../Notice.css";
import { concerns, describeReason, type ReasonContext } from "../reasons";

/** Warnings that make a link stale: the account can no longer carry zapfloor's invoices. */
const STALE = new Set(["account_deleted", "not_a_customer"]);

function todoOf(warning: ApiReason, linked: boolean): MessageId | null {
  if (linked && STALE.has(warning.code)) return "todo.stale";
  switch (warning.code) {
    case "not_a_customer":
      return "todo.not_a_customer";
    case "account_blocked":
      return "todo.account_blocked";
    case "vat_differs":
      return "todo.vat_differs";
    case "customer_unknown":
      return "todo.customer_unknown";
    default:
      return null;
  }
}

/**
 * What needs a person on this account: its warnings (not a customer, blocked, VAT differs, a stale link),
 * and for an unlinked account in conflict, why matching would not decide on its own; each with what to do.
 */
export function WarningList({ account }: { account: AccountDetail }) {
  const { t } = useI18n();
  const linked = account.link !== null;
  const context: ReasonContext = {
    accountStatus: account.account.status,
    accountVat: account.account.vatNumber,
    customerVat: account.link?.customer?.vatNumber ?? null,
  };
  const conflictReasons =
    !linked && account.state === "conflict"
      ? concerns(account.suggestion.reasons).filter(
          (reason) => !account.warnings.some((warning) => warning.code === reason.code),
        )
      : [];
  if (account.warnings.length === 0 && conflictReasons.length === 0) return null;
  return (
    <ul class="zfx-notices" aria-label={t("panel.summary.attention")}>
      {account.warnings.map((warning) => {
        const todo = todoOf(warning, linked);
        return (
          <li key={warning.code} class="zfx-notice" data-warning={warning.code}>
            <p class="zfx-notice__text">{describeReason(t, warning, context)}</p>
            {todo && <p class="zfx-notice__todo">{t(todo)}</p>}
          </li>
        );
      })}
      {conflictReasons.length > 0 && (
        <li class="zfx-notice" data-warning="conflict">
          {conflictReasons.map((reason) => (
            <p key={reason.code} class="zfx-notice__text" data-reason={reason.code}>
              {describeReason(t, reason, context)}
            </p>
          ))}
          <p class="zfx-notice__todo">{t("todo.conflict")}</p>
        </li>
      )}
    </ul>
  );
}
