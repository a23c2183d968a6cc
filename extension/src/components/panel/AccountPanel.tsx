import { useRef } from "preact/hooks";
import { useI18n } from "../../i18n/I18nContext";
import type { Problem } from "../../utils/api-result";
import type { AccountDetail, AccountInvoicesView, LinkResult } from "../../utils/proxy-types";
import { CustomerSearch, type SearchCustomers } from "../CustomerSearch";
import { LookalikeNote } from "../LookalikeNote";
import { ProblemNotice } from "../ProblemNotice";
import "../theme.css";
import { useFocusWhenDone } from "../use-focus-when-done";
import "./AccountPanel.css";
import { AccountInvoices } from "./AccountInvoices";
import { CandidateList } from "./CandidateList";
import { LinkedCustomer } from "./LinkedCustomer";
import { SearchCodeNote } from "./SearchCodeNote";
import { WarningList } from "./WarningList";

export type PanelView =
  | { state: "loading" }
  | { state: "problem"; problem: Problem }
  /** `checking`: the proxy's last answer, kept in the extension, shown while the proxy is asked again. */
  | { state: "ready"; account: AccountDetail; checking?: boolean };

export interface AccountPanelProps {
  view: PanelView;
  collapsed: boolean;
  /** A link or unlink is on its way. */
  busy: boolean;
  /** Why the last link or unlink failed. */
  actionProblem: Problem | null;
  searchCustomers: SearchCustomers;
  onToggle(): void;
  onRetry(): void;
  onOpenSettings(): void;
  onOpenOverview(): void;
  onLink(customerNumber: string): void;
  onPromoteAndLink(customerNumber: string): void;
  /** The candidate's fix: the customer's VAT number put on the Exact account, then linked. */
  onAddVatAndLink(customerNumber: string): void;
  onUnlink(): void;
  onDismissProblem(): void;
  /** The account's open problems and latest invoices, once read. */
  invoices?: AccountInvoicesView | null;
  /** What the last link did to the account's SearchCode in Exact. */
  searchCodeResult?: LinkResult["searchCodeResult"] | null;
}

type Tone = "pending" | "linked" | "unlinked" | "attention";

function summaryOf(view: PanelView): { tone: Tone; number?: string } {
  if (view.state === "loading") return { tone: "pending" };
  if (view.state === "problem") return { tone: "attention" };
  const { account } = view;
  if (account.warnings.length > 0 || account.state === "conflict") {
    return account.link ? { tone: "attention", number: account.link.customerNumber } : { tone: "attention" };
  }
  return account.link ? { tone: "linked", number: account.link.customerNumber } : { tone: "unlinked" };
}

/**
 * The panel on an Exact account page: a small card docked in the corner, so Exact's own content never
 * moves; folded, it is one line with the link state.
 */
export function AccountPanel(props: AccountPanelProps) {
  const { t } = useI18n();
  const { view, collapsed } = props;
  const summary = summaryOf(view);
  const checking = view.state === "ready" && view.checking === true;
  const section = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  // After a link, an unlink or a failure, focus goes to what the result offers next.
  useFocusWhenDone(props.busy, () => {
    const panel = section.current;
    if (!panel) return null;
    if (props.actionProblem) return panel.querySelector<HTMLElement>("[role=alert] button");
    return (
      panel.querySelector<HTMLElement>(".zfx-linked button:not([disabled])") ??
      panel.querySelector<HTMLElement>(".zfx-panel__unlinked")
    );
  });
  const summaryText =
    summary.tone === "pending"
      ? t("panel.summary.loading")
      : summary.number
        ? t("panel.summary.linked", { number: summary.number })
        : summary.tone === "unlinked"
          ? t("panel.summary.unlinked")
          : t("panel.summary.attention");

  return (
    <section
      ref={section}
      class={`zfx-root zfx-panel zfx-panel--${summary.tone}${checking ? " zfx-panel--checking" : ""}`}
      aria-label={t("panel.label")}
      data-state={view.state === "ready" ? (view.account.link ? "linked" : "unlinked") : view.state}
      data-checking={checking ? "true" : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !collapsed) {
          props.onToggle();
          // Focus was inside the body that is now hidden.
          toggle.current?.focus();
        }
      }}
    >
      <header class="zfx-panel__header">
        <button
          ref={toggle}
          type="button"
          class="zfx-panel__toggle"
          aria-expanded={!collapsed}
          aria-controls="zfx-panel-body"
          onClick={props.onToggle}
        >
          <span class="zfx-panel__chevron" aria-hidden="true">
            {collapsed ? "▸" : "▾"}
          </span>
          <span class="zfx-panel__title">{t("panel.title")}</span>
          <span class="zfx-panel__dot" aria-hidden="true" />
          <span class="zfx-panel__summary">{summaryText}</span>
        </button>
      </header>
      <div id="zfx-panel-body" class="zfx-panel__body" hidden={collapsed} aria-busy={props.busy}>
        {view.state === "loading" && (
          <p class="zfx-muted" role="status">
            {t("panel.loading")}
          </p>
        )}
        {view.state === "problem" && (
          <ProblemNotice
            problem={view.problem}
            onRetry={props.onRetry}
            onOpenSettings={props.onOpenSettings}
          />
        )}
        {checking && (
          <p class="zfx-muted zfx-panel__checking" role="status">
            {t("panel.checking")}
          </p>
        )}
        {view.state === "ready" && (
          // Nothing is changed on the strength of an answer that is being checked again.
          <ReadyBody {...props} busy={props.busy || checking} account={view.account} />
        )}
      </div>
    </section>
  );
}

/** The account's VAT number as Exact holds it, with the one spelling matching reads it as when that differs. */
function AccountVat({ vat, normalised }: { vat: string | null; normalised?: string | null }) {
  const { t } = useI18n();
  if (!vat) return null;
  return (
    <p class="zfx-panel__vat zfx-muted">
      {t("panel.vat")} <span class="zfx-mono">{vat}</span>
      {normalised === null ? (
        <> · {t("panel.vatUnreadable")}</>
      ) : normalised && normalised !== vat ? (
        <>
          {" "}
          · {t("panel.vatRead")}{" "}
          <span class="zfx-mono" data-testid="vat-normalised">
            {normalised}
          </span>
        </>
      ) : null}
    </p>
  );
}

function ReadyBody(props: AccountPanelProps & { account: AccountDetail }) {
  const { t } = useI18n();
  const { account, busy } = props;
  const code = account.account.code ?? "";
  return (
    <>
      <p class="zfx-panel__account zfx-muted">
        {t("panel.account", {
          code: code ? `${code} ${account.account.name}` : account.account.name,
          division: account.division,
        })}
      </p>
      <AccountVat vat={account.account.vatNumber} normalised={account.account.vatNumberNormalised} />
      <WarningList account={account} />
      <LookalikeNote lookalikes={account.lookalikes} />
      {props.actionProblem && (
        <ProblemNotice
          problem={props.actionProblem}
          onOpenSettings={props.onOpenSettings}
          onDismiss={props.onDismissProblem}
        />
      )}
      {account.link ? (
        <>
          <LinkedCustomer link={account.link} busy={busy} onUnlink={props.onUnlink} />
          <SearchCodeNote result={props.searchCodeResult} />
        </>
      ) : (
        <>
          <p class="zfx-panel__unlinked" tabIndex={-1}>
            {t("panel.notLinked")}
          </p>
          <CandidateList
            accountId={account.account.id}
            candidates={account.candidates}
            accountIsCustomer={account.account.status === "C"}
            busy={busy}
            onLink={props.onLink}
            onPromoteAndLink={props.onPromoteAndLink}
            onAddVatAndLink={props.onAddVatAndLink}
          />
          <CustomerSearch
            accountId={account.account.id}
            search={props.searchCustomers}
            busy={busy}
            onPick={account.account.status === "C" ? props.onLink : props.onPromoteAndLink}
          />
        </>
      )}
      {props.invoices && <AccountInvoices invoices={props.invoices} />}
      {busy && (
        <p class="zfx-muted" role="status">
          {t("panel.working")}
        </p>
      )}
      <footer class="zfx-panel__footer">
        <button type="button" class="zfx-link" onClick={props.onOpenOverview}>
          {t("panel.openOverview")}
        </button>
      </footer>
    </>
  );
}
