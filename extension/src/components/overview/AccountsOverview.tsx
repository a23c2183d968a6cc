import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { formatNumber } from "../../i18n/format";
import { useI18n } from "../../i18n/I18nContext";
import type { MessageId } from "../../i18n/translate";
import type { Problem } from "../../utils/api-result";
import type { DivisionSummary, OverviewCounts, OverviewFilter, OverviewRow } from "../../utils/proxy-types";
import { DivisionReadiness } from "../bookings/DivisionReadiness";
import type { SearchCustomers } from "../CustomerSearch";
import { ProblemNotice } from "../ProblemNotice";
import "../theme.css";
import { type AcceptSuggestions, AcceptSuggestionsDialog } from "./AcceptSuggestionsDialog";
import { AccountRow } from "./AccountRow";
import "./AccountsOverview.css";
import { LinkDialog } from "./LinkDialog";
import { VirtualList } from "./VirtualList";

export type OverviewTab = OverviewFilter | "attention";
export const OVERVIEW_TABS: readonly OverviewTab[] = [
  "attention",
  "all",
  "linked",
  "unlinked",
  "suggested",
  "conflict",
];
const TAB_PANEL_ID = "zfx-overview-panel";
const tabId = (tab: OverviewTab) => `zfx-overview-tab-${tab}`;

/** The tab an arrow, Home or End key moves to from `current`, wrapping around; null for other keys. */
export function tabAfterKey(current: OverviewTab, key: string): OverviewTab | null {
  const at = OVERVIEW_TABS.indexOf(current);
  const last = OVERVIEW_TABS.length - 1;
  const index =
    key === "ArrowRight"
      ? (at + 1) % OVERVIEW_TABS.length
      : key === "ArrowLeft"
        ? (at + last) % OVERVIEW_TABS.length
        : key === "Home"
          ? 0
          : key === "End"
            ? last
            : null;
  return index === null ? null : (OVERVIEW_TABS[index] ?? null);
}

/** Fixed, so that the list can place rows without measuring them. */
export const ROW_HEIGHT = 48;

export interface AccountsOverviewProps {
  divisions: readonly DivisionSummary[];
  division: number;
  onDivision(division: number): void;
  tab: OverviewTab;
  onTab(tab: OverviewTab): void;
  query: string;
  onQuery(query: string): void;
  rows: readonly OverviewRow[];
  /** How many accounts each filter holds; null while the proxy cannot tell yet (the tabs then show none). */
  counts: OverviewCounts | null;
  /** What the "Needs attention" tab shows. */
  attention: ComponentChildren;
  loading: boolean;
  complete: boolean;
  problem: Problem | null;
  onLoadMore(): void;
  onRetry(): void;
  onOpenSettings(): void;
  /** The account whose link is being changed. */
  busyAccount: string | null;
  rowProblem: Problem | null;
  onDismissRowProblem(): void;
  /** Resolves true when linked. */
  onLink(row: OverviewRow, customerNumber: string): Promise<boolean>;
  onUnlink(row: OverviewRow): void;
  searchCustomers: SearchCustomers;
  acceptSuggestions: AcceptSuggestions;
  onAccepted(): void;
}

/** The Exact Accounts Overview: every customer account of a division with its link state, filters and actions. */
export function AccountsOverview(props: AccountsOverviewProps) {
  const { t, locale } = useI18n();
  const [linking, setLinking] = useState<OverviewRow | null>(null);
  const [accepting, setAccepting] = useState(false);
  const attentionTab = props.tab === "attention";
  const count = props.rows.length;
  const current = props.divisions.find((division) => division.division === props.division);

  const footer = props.loading
    ? t("overview.loadingMore")
    : count === 0
      ? t("overview.empty")
      : props.complete
        ? t("overview.loadedAll", { count })
        : t("overview.loaded", { count });

  return (
    <main class="zfx-root zfx-overview">
      <header class="zfx-overview__header">
        <h1 class="zfx-overview__title">{t("overview.title")}</h1>
        <label class="zfx-overview__division">
          <span>{t("overview.division")}</span>
          <select
            value={props.division}
            onChange={(event) => props.onDivision(Number(event.currentTarget.value))}
          >
            {props.divisions.map((division) => (
              <option key={division.division} value={division.division}>
                {division.name} ({division.division})
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="zfx-button" onClick={() => setAccepting(true)}>
          {t("overview.acceptAll")}
        </button>
      </header>
      <div class="zfx-overview__toolbar">
        <div
          class="zfx-overview__tabs"
          role="tablist"
          aria-label={t("overview.filters")}
          onKeyDown={(event) => {
            const next = tabAfterKey(props.tab, event.key);
            if (next === null) return;
            event.preventDefault();
            props.onTab(next);
            event.currentTarget.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
          }}
        >
          {OVERVIEW_TABS.map((tab) => (
            <button
              key={tab}
              id={tabId(tab)}
              type="button"
              role="tab"
              class="zfx-overview__tab"
              aria-selected={props.tab === tab}
              aria-controls={TAB_PANEL_ID}
              // One tab stop for the whole list; the arrow keys move between the tabs (WAI-ARIA tabs pattern).
              tabIndex={props.tab === tab ? 0 : -1}
              onClick={() => props.onTab(tab)}
            >
              {t(`overview.filter.${tab}` as MessageId)}
              {tab !== "attention" && props.counts && (
                // After the label, so that the tab's name starts with the words it shows.
                <span class="zfx-overview__count"> {formatNumber(locale, props.counts[tab])}</span>
              )}
            </button>
          ))}
        </div>
        {!attentionTab && (
          <input
            class="zfx-input zfx-overview__search"
            type="search"
            aria-label={t("overview.search")}
            placeholder={t("overview.searchPlaceholder")}
            value={props.query}
            onInput={(event) => props.onQuery(event.currentTarget.value)}
          />
        )}
      </div>
      <DivisionReadiness bookings={current?.bookings} />
      {props.problem && !attentionTab && (
        <ProblemNotice
          problem={props.problem}
          onRetry={props.onRetry}
          onOpenSettings={props.onOpenSettings}
        />
      )}
      {props.rowProblem && <ProblemNotice problem={props.rowProblem} onDismiss={props.onDismissRowProblem} />}
      <div id={TAB_PANEL_ID} role="tabpanel" aria-labelledby={tabId(props.tab)} class="zfx-overview__panel">
        {attentionTab ? (
          <div class="zfx-overview__list zfx-overview__list--attention">{props.attention}</div>
        ) : (
          <>
            <div class="zfx-overview__columns zfx-orow" aria-hidden="true">
              <span>{t("overview.column.account")}</span>
              <span>{t("overview.column.state")}</span>
              <span>{t("overview.column.customer")}</span>
              <span>{t("overview.column.actions")}</span>
            </div>
            <div class="zfx-overview__list">
              <VirtualList
                items={props.rows}
                rowHeight={ROW_HEIGHT}
                label={t("overview.title")}
                keyOf={(row) => row.account.id}
                renderRow={(row) => (
                  <AccountRow
                    row={row}
                    busy={props.busyAccount === row.account.id}
                    onLink={(number) => void props.onLink(row, number)}
                    onUnlink={() => props.onUnlink(row)}
                    onLinkOther={() => setLinking(row)}
                  />
                )}
                onNearEnd={props.onLoadMore}
                footer={footer}
              />
            </div>
          </>
        )}
      </div>
      {linking && (
        <LinkDialog
          row={linking}
          search={props.searchCustomers}
          busy={props.busyAccount === linking.account.id}
          problem={props.rowProblem}
          onPick={(number) =>
            void props.onLink(linking, number).then((linked) => {
              if (linked) setLinking(null);
            })
          }
          onClose={() => setLinking(null)}
          returnFocus={() =>
            document.querySelector<HTMLElement>(
              `[data-account="${CSS.escape(linking.account.id)}"] button:not([disabled])`,
            )
          }
        />
      )}
      {accepting && (
        <AcceptSuggestionsDialog
          accept={props.acceptSuggestions}
          onClose={(changed) => {
            setAccepting(false);
            if (changed) props.onAccepted();
          }}
        />
      )}
    </main>
  );
}
