import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { AccountPanel, type PanelView } from "../../components/panel/AccountPanel";
import type { ExactAccountPage } from "../../host/exact-account-page";
import type { Messages } from "../../i18n/format";
import { I18nProvider } from "../../i18n/I18nContext";
import type { Locale } from "../../i18n/locale";
import { useLocale } from "../../i18n/use-locale";
import type { ApiResult, Problem } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import { sendMessage } from "../../utils/messaging";
import type { AccountDetail, AccountInvoicesView, LinkResult } from "../../utils/proxy-types";
import { panelCollapsed, proxySettingsRevision } from "../../utils/storage";
import type { PanelFirstPaint, PanelStart } from "./panel-start";

/** Connects the account panel to the background worker, the remembered folding and the language. */
export function PanelApp({
  page,
  pageLocale,
  start,
  first,
}: {
  page: ExactAccountPage;
  pageLocale: Locale | null;
  /** The requests the content script sent as it started, for this page. */
  start?: PanelStart | undefined;
  /** What storage held for the first paint as the panel was mounted: then its first render paints it. */
  first?: PanelFirstPaint | null | undefined;
}) {
  const locale = useLocale(pageLocale, first?.preference);
  const messages = useMessages(locale, first);
  const [view, setView] = useState<PanelView>(
    first?.cached ? { state: "ready", account: first.cached, checking: true } : { state: "loading" },
  );
  const [busy, setBusy] = useState(false);
  const [invoices, setInvoices] = useState<AccountInvoicesView | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [searchCodeResult, setSearchCodeResult] = useState<LinkResult["searchCodeResult"] | null>(null);
  // Unknown until storage answers; rendering only then spares the page a jump from open to folded.
  const [collapsed, setCollapsed] = useState<boolean | null>(first?.collapsed ?? null);
  const { division, accountId } = page;
  const loads = useRef(0);
  const early = useRef(start);
  const keptShown = useRef(Boolean(first?.cached));

  const load = useCallback(() => {
    const ticket = ++loads.current;
    // The first load takes over the requests the content script sent as it started.
    const started = ticket === 1 ? early.current : undefined;
    let answered = false;
    setActionProblem(null);
    if (!started) setView({ state: "loading" });
    if (!started || !keptShown.current) {
      // What the proxy said last time is shown at once, marked as being checked, until its answer now comes.
      void sendMessage("getCachedAccount", { division, accountId }).then(
        (cached) => {
          if (cached && !answered && ticket === loads.current) {
            setView({ state: "ready", account: cached.detail, checking: true });
          }
        },
        () => {},
      );
    }
    void (started?.account ?? askBackground("getAccount", { division, accountId })).then((result) => {
      answered = true;
      if (ticket === loads.current) setView(viewOf(result));
    });
    void askBackground("getAccountInvoices", { division, accountId }).then((result) =>
      setInvoices(result.ok ? result.value : null),
    );
  }, [division, accountId]);

  useEffect(() => {
    load();
    // Settings saved on the options page apply to open Exact tabs without a reload.
    return proxySettingsRevision.watch(() => load());
  }, [load]);
  useEffect(() => {
    panelCollapsed.getValue().then(setCollapsed, () => setCollapsed(false));
    return panelCollapsed.watch(setCollapsed);
  }, []);

  const change = (request: Promise<ApiResult<AccountDetail | LinkResult>>) => {
    setBusy(true);
    setActionProblem(null);
    setSearchCodeResult(null);
    void request.then((result) => {
      setBusy(false);
      if (!result.ok) return setActionProblem(result.problem);
      setView({ state: "ready", account: result.value });
      if ("searchCodeResult" in result.value) setSearchCodeResult(result.value.searchCodeResult);
    });
  };
  // The version of the account the bookkeeper is looking at: a change made in Exact since is refused.
  const shown = {
    division,
    accountId,
    ...(view.state === "ready" ? { accountModified: view.account.accountModified } : {}),
  };

  if (collapsed === null || locale === null || messages?.locale !== locale) return null;
  return (
    <I18nProvider locale={locale} messages={messages.messages}>
      <AccountPanel
        view={view}
        invoices={invoices}
        collapsed={collapsed}
        busy={busy}
        actionProblem={actionProblem}
        searchCustomers={(q, cursor) =>
          askBackground("searchCustomers", { q, division, ...(cursor ? { cursor } : {}) })
        }
        onToggle={() => {
          setCollapsed(!collapsed);
          void panelCollapsed.setValue(!collapsed);
        }}
        onRetry={load}
        onOpenSettings={() => void sendMessage("openOptionsPage").catch(() => {})}
        onOpenOverview={() => void sendMessage("openOverview", { division }).catch(() => {})}
        searchCodeResult={searchCodeResult}
        onLink={(customerNumber) => change(askBackground("linkAccount", { ...shown, customerNumber }))}
        onPromoteAndLink={(customerNumber) =>
          change(askBackground("promoteAndLinkAccount", { ...shown, customerNumber }))
        }
        onAddVatAndLink={(customerNumber) =>
          change(askBackground("addVatAndLinkAccount", { ...shown, customerNumber }))
        }
        onUnlink={() => change(askBackground("unlinkAccount", { division, accountId }))}
        onDismissProblem={() => setActionProblem(null)}
      />
    </I18nProvider>
  );
}

const viewOf = (result: ApiResult<AccountDetail>): PanelView =>
  result.ok ? { state: "ready", account: result.value } : { state: "problem", problem: result.problem };

/** The language's messages, from the background (the content script carries none of its own); null until then. */
function useMessages(
  locale: Locale | null,
  known?: { locale: Locale; messages: Messages } | null,
): { locale: Locale; messages: Messages } | null {
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages } | null>(
    known ? { locale: known.locale, messages: known.messages } : null,
  );
  useEffect(() => {
    if (locale === null) return;
    let current = true;
    void sendMessage("getMessages", { locale }).then(
      (messages) => current && setLoaded({ locale, messages }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [locale]);
  return loaded;
}
