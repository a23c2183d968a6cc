import { useI18n } from "../../i18n/I18nContext";
import type { MessageId } from "../../i18n/translate";
import type { Problem } from "../../utils/api-result";
import type { Attention, AttentionItem } from "../../utils/proxy-types";
import { describeApiProblems } from "../api-problems";
import { DivisionReadiness } from "../bookings/DivisionReadiness";
import { ErrorSaid } from "../ErrorSaid";
import { ProblemNotice } from "../ProblemNotice";
import { describeReason } from "../reasons";
import "./AttentionList.css";

export interface AttentionListProps {
  /** Null while it is read. */
  attention: Attention | null;
  problem: Problem | null;
  onRetry(): void;
  onOpenSettings(): void;
  /** Opens the division's booking settings. */
  onFixSettings(): void;
  /** Shows the account in the overview's list, to link it. */
  onShowAccount(account: { id: string; name: string }): void;
  onRetryPush(invoiceNumber: string): void;
  /** The invoice whose retry runs, and what the last retry answered. */
  busyInvoice: string | null;
  retryResult: { invoiceNumber: string; problem: Problem | null } | null;
}

/** "Needs attention": each problem of the division in plain words, with the action that resolves it. */
export function AttentionList(props: AttentionListProps) {
  const { t } = useI18n();
  if (props.problem) {
    return (
      <ProblemNotice problem={props.problem} onRetry={props.onRetry} onOpenSettings={props.onOpenSettings} />
    );
  }
  if (!props.attention) return <p role="status">{t("overview.loadingMore")}</p>;
  const { items, counts, bookings } = props.attention;
  return (
    <section class="zfx-attention" aria-label={t("overview.filter.attention")}>
      <DivisionReadiness bookings={bookings} />
      {props.retryResult && !props.retryResult.problem && (
        // Beside the list, not in its row: the queued invoice leaves the list when it is read again.
        <p role="status">{t("attention.retried", { invoice: props.retryResult.invoiceNumber })}</p>
      )}
      <p class="zfx-muted" role="status">
        {counts.problems === 0 && items.length === 0
          ? t("attention.empty")
          : t("attention.count", { count: counts.problems })}
      </p>
      <ul class="zfx-attention__items">
        {items.map((item) => (
          <AttentionRow
            key={`${item.kind}:${item.invoiceNumber ?? item.accounts[0]?.id}`}
            item={item}
            {...props}
          />
        ))}
      </ul>
    </section>
  );
}

function AttentionRow({ item, ...props }: AttentionListProps & { item: AttentionItem }) {
  const { t } = useI18n();
  const account = item.accounts[0];
  const accountName = account ? (account.code ? `${account.name} (${account.code})` : account.name) : "";
  const retried = props.retryResult?.invoiceNumber === item.invoiceNumber ? props.retryResult : null;
  return (
    <li
      class="zfx-attention__item"
      data-reason={item.reason}
      {...(item.invoiceNumber ? { "data-invoice": item.invoiceNumber } : {})}
    >
      <p class="zfx-attention__what">
        {t(`attention.reason.${item.reason}` as MessageId, {
          invoice: item.invoiceNumber ?? "",
          customer: item.customerNumber ?? "",
          account: accountName,
        })}
        {item.totalInclVat ? <span class="zfx-muted"> · {item.totalInclVat}</span> : null}
      </p>
      <AttentionDetail item={item} />
      <div class="zfx-attention__actions">
        {item.action === "fix_settings" && (
          <button type="button" class="zfx-button" onClick={props.onFixSettings}>
            {t("attention.action.fix_settings")}
          </button>
        )}
        {(item.action === "link_account" || item.action === "review_account") &&
          item.accounts.map((candidate) => (
            <button
              key={candidate.id}
              type="button"
              class="zfx-button zfx-button--quiet"
              onClick={() => props.onShowAccount(candidate)}
            >
              {t("attention.action.showAccount", { account: candidate.name })}
            </button>
          ))}
        {item.kind === "push" && item.invoiceNumber && (
          <button
            type="button"
            class={item.action === "retry" ? "zfx-button" : "zfx-button zfx-button--quiet"}
            disabled={props.busyInvoice === item.invoiceNumber}
            onClick={() => props.onRetryPush(item.invoiceNumber!)}
          >
            {t("attention.action.retry")}
          </button>
        )}
      </div>
      {retried?.problem && <ProblemNotice problem={retried.problem} />}
    </li>
  );
}

/** Reasons whose text needs values (the account's status, both VAT numbers) that only their `params` carry. */
const NEEDS_PARAMS = new Set(["not_a_customer", "vat_differs"]);

/** Why, in the reader's language where the proxy named it by code; otherwise in the proxy's English, marked so. */
function AttentionDetail({ item }: { item: AttentionItem }) {
  const { t } = useI18n();
  const reasons =
    item.reasons.length > 0 && !item.reasons.some((reason) => NEEDS_PARAMS.has(reason.code) && !reason.params)
      ? item.reasons.map((reason) => describeReason(t, reason, { customerNumber: item.customerNumber }))
      : null;
  const translated = describeApiProblems(t, item.problems) ?? reasons;
  if (translated) {
    return (
      <p class="zfx-muted zfx-attention__detail">
        {t("attention.detail", { message: translated.join(" ") })}
      </p>
    );
  }
  if (item.error) {
    return (
      <p class="zfx-muted zfx-attention__detail" data-reason={item.error.reason}>
        <ErrorSaid said={item.error} />
      </p>
    );
  }
  if (!item.message) return null;
  return (
    // The proxy writes its errors in English: shown as its words, apart from the translated sentence.
    <p class="zfx-muted zfx-attention__detail">
      {t("problem.detail")} <span lang="en">{item.message}</span>
    </p>
  );
}
