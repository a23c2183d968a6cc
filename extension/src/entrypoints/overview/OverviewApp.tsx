import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { AccountsOverview, type OverviewTab } from "../../components/overview/AccountsOverview";
import { AttentionList } from "../../components/overview/AttentionList";
import { ProblemNotice } from "../../components/ProblemNotice";
import "../../components/theme.css";
import { I18nProvider, useI18n } from "../../i18n/I18nContext";
import { catalogOf } from "../../i18n/translate";
import { useLocale } from "../../i18n/use-locale";
import type { ApiResult, Problem } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import { sendMessage } from "../../utils/messaging";
import type { AccountDetail, DivisionSummary, OverviewRow } from "../../utils/proxy-types";
import { askBackgroundOrEarly } from "./early-requests";
import { useAttention } from "./use-attention";
import { useOverviewPages } from "./use-overview-pages";

export function OverviewApp() {
  const locale = useLocale();
  if (locale === null) return null;
  return (
    <I18nProvider locale={locale} messages={catalogOf(locale)}>
      <OverviewPage />
    </I18nProvider>
  );
}

/** The division in the page's URL (`?division=`), as the panel opens it. */
export function divisionFromUrl(): number | null {
  const value = Number(new URLSearchParams(window.location.search).get("division"));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** An account's detail, as the overview lists it. */
function rowOf(detail: AccountDetail): OverviewRow {
  const { account, state, suggestion, warnings, link, accountModified } = detail;
  return {
    account,
    state,
    suggestion,
    warnings,
    accountModified,
    link: link
      ? { ...link, customer: { number: link.customerNumber, name: link.customer?.name ?? null } }
      : null,
  };
}

/** The overview's page with its header band, for the states before the list: same layout as the list's. */
function OverviewFrame({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <main class="zfx-root zfx-overview">
      <header class="zfx-overview__header">
        <h1 class="zfx-overview__title">{t("overview.title")}</h1>
      </header>
      {children}
    </main>
  );
}

function OverviewPage() {
  const { t } = useI18n();
  const [divisions, setDivisions] = useState<DivisionSummary[] | null>(null);
  const [divisionsProblem, setDivisionsProblem] = useState<Problem | null>(null);
  const [division, setDivision] = useState<number | null>(divisionFromUrl());
  const [tab, setTab] = useState<OverviewTab>("all");
  const [query, setQuery] = useState("");
  const [busyAccount, setBusyAccount] = useState<string | null>(null);
  const [rowProblem, setRowProblem] = useState<Problem | null>(null);
  const pages = useOverviewPages(division, tab, query);
  const attention = useAttention(division, tab === "attention");

  const loadDivisions = () => {
    setDivisionsProblem(null);
    void askBackgroundOrEarly("listDivisions").then((result) => {
      if (!result.ok) return setDivisionsProblem(result.problem);
      setDivisions(result.value);
      setDivision(
        (current) => current ?? (result.value.find((d) => d.current) ?? result.value[0])?.division ?? null,
      );
    });
  };
  useEffect(loadDivisions, []);

  const openSettings = () => void sendMessage("openOptionsPage").catch(() => {});
  if (divisionsProblem) {
    return (
      <OverviewFrame>
        <ProblemNotice problem={divisionsProblem} onRetry={loadDivisions} onOpenSettings={openSettings} />
      </OverviewFrame>
    );
  }
  if (divisions === null || division === null) {
    return (
      <OverviewFrame>
        <p class="zfx-overview__status" role="status">
          {divisions === null ? t("overview.loadingMore") : t("overview.noDivisions")}
        </p>
      </OverviewFrame>
    );
  }

  const changeLink = async (row: OverviewRow, request: Promise<ApiResult<AccountDetail>>) => {
    setBusyAccount(row.account.id);
    setRowProblem(null);
    const result = await request;
    setBusyAccount(null);
    if (!result.ok) {
      setRowProblem(result.problem);
      return false;
    }
    pages.replaceRow(rowOf(result.value));
    pages.refreshCounts();
    return true;
  };

  return (
    <AccountsOverview
      divisions={divisions}
      division={division}
      onDivision={(next) => {
        setDivision(next);
        history.replaceState(null, "", `?division=${next}`);
      }}
      tab={tab}
      onTab={setTab}
      query={query}
      onQuery={setQuery}
      rows={pages.rows}
      counts={pages.counts}
      attention={
        <AttentionList
          attention={attention.attention}
          problem={attention.problem}
          onRetry={attention.reload}
          onOpenSettings={openSettings}
          onFixSettings={() => void sendMessage("openBookingSettings", { division }).catch(() => {})}
          onShowAccount={(account) => {
            setQuery(account.name);
            setTab("all");
          }}
          onRetryPush={attention.retry}
          busyInvoice={attention.busyInvoice}
          retryResult={attention.retryResult}
        />
      }
      loading={pages.loading}
      complete={pages.complete}
      problem={pages.problem}
      onLoadMore={pages.loadMore}
      onRetry={pages.restart}
      onOpenSettings={openSettings}
      busyAccount={busyAccount}
      rowProblem={rowProblem}
      onDismissRowProblem={() => setRowProblem(null)}
      onLink={(row, customerNumber) =>
        changeLink(
          row,
          // The version of the account the row shows: a change made in Exact since is refused.
          askBackground("linkAccount", {
            division,
            accountId: row.account.id,
            customerNumber,
            accountModified: row.accountModified,
          }),
        )
      }
      onUnlink={(row) =>
        void changeLink(row, askBackground("unlinkAccount", { division, accountId: row.account.id }))
      }
      searchCustomers={(q, cursor) =>
        askBackground("searchCustomers", { q, division, ...(cursor ? { cursor } : {}) })
      }
      acceptSuggestions={(request) => askBackground("acceptSuggestions", { division, ...request })}
      onAccepted={pages.restart}
    />
  );
}
