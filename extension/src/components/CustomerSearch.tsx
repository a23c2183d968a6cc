import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/I18nContext";
import type { ApiResult } from "../utils/api-result";
import type { CustomerWithLink, CustomerSearch as SearchPage } from "../utils/proxy-types";
import { ProblemNotice } from "./ProblemNotice";
import "./CustomerSearch.css";

/** Typing pauses this long before the proxy is asked. */
export const SEARCH_DEBOUNCE_MS = 250;

export type SearchCustomers = (q: string, cursor?: string) => Promise<ApiResult<SearchPage>>;

interface CustomerSearchProps {
  /** The account being linked: a customer already linked to it is shown as such. */
  accountId: string;
  search: SearchCustomers;
  busy: boolean;
  onPick(customerNumber: string): void;
  /** Focus the box when shown (in a dialog). */
  autoFocus?: boolean;
}

type Results =
  | { state: "idle" }
  | { state: "searching"; customers: CustomerWithLink[] }
  | { state: "done"; customers: CustomerWithLink[]; nextCursor: string | null }
  | { state: "failed"; result: Extract<ApiResult<never>, { ok: false }> };

/** A search box over zapfloor customers (number, name, VAT) with one-click link on each result. */
export function CustomerSearch({ accountId, search, busy, onPick, autoFocus }: CustomerSearchProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Results>({ state: "idle" });
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  function run(q: string, cursor?: string) {
    const ticket = ++latest.current;
    const shown = cursor && results.state === "done" ? results.customers : [];
    setResults({ state: "searching", customers: shown });
    void search(q, cursor).then((result) => {
      if (ticket !== latest.current) return;
      setResults(
        result.ok
          ? {
              state: "done",
              customers: [...shown, ...result.value.customers],
              nextCursor: result.value.nextCursor,
            }
          : { state: "failed", result },
      );
    });
  }

  useEffect(() => {
    if (query.trim() === "") {
      latest.current++;
      setResults({ state: "idle" });
      return;
    }
    const timer = setTimeout(() => run(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `run` reads the latest results itself; only the query restarts the wait.
  }, [query]);

  const customers = results.state === "done" || results.state === "searching" ? results.customers : [];
  return (
    <div class="zfx-search">
      <label class="zfx-search__label">
        <span>{t("panel.search")}</span>
        <input
          ref={input}
          class="zfx-input"
          type="search"
          value={query}
          placeholder={t("panel.searchPlaceholder")}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && query.trim() !== "") {
              event.preventDefault();
              run(query);
            }
          }}
        />
      </label>
      {results.state === "failed" && <ProblemNotice problem={results.result.problem} />}
      {results.state === "searching" && customers.length === 0 && (
        <p class="zfx-muted" role="status">
          {t("panel.searching")}
        </p>
      )}
      {results.state === "done" && customers.length === 0 && (
        <p class="zfx-muted" role="status">
          {t("panel.searchNoResults")}
        </p>
      )}
      {customers.length > 0 && (
        <ul class="zfx-search__results" aria-label={t("panel.search")}>
          {customers.map((customer) => {
            const linkedHere = customer.link?.exactId === accountId;
            const linkedElsewhere = Boolean(customer.link) && !linkedHere;
            return (
              <li key={customer.number} class="zfx-search__result" data-customer={customer.number}>
                <span class="zfx-search__who">
                  <strong class="zfx-mono">{customer.number}</strong> {customer.name}
                  {customer.vatNumber && <span class="zfx-muted"> · {customer.vatNumber}</span>}
                </span>
                {linkedElsewhere ? (
                  <span class="zfx-muted">{t("panel.linkedElsewhere")}</span>
                ) : (
                  <button
                    type="button"
                    class="zfx-button"
                    disabled={busy || linkedHere}
                    aria-label={`${t("panel.link")} ${customer.number}`}
                    onClick={() => onPick(customer.number)}
                  >
                    {t("panel.link")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {results.state === "done" && results.nextCursor && (
        <button type="button" class="zfx-link" onClick={() => run(query, results.nextCursor ?? undefined)}>
          {t("panel.searchMore")}
        </button>
      )}
    </div>
  );
}
