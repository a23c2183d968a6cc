import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { OverviewTab } from "../../components/overview/AccountsOverview";
import type { Problem } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import type { OverviewCounts, OverviewRow } from "../../utils/proxy-types";
import { askBackgroundOrEarly } from "./early-requests";

/** The first page is small so the list shows quickly; later pages are the proxy's largest. */
const FIRST_PAGE = 100;
const NEXT_PAGE = 500;
/** While the proxy is still indexing the division, its pages come without counts: asked for again this often. */
export const COUNTS_AGAIN_MS = 1000;

interface Pages {
  rows: OverviewRow[];
  cursor: string | null;
  complete: boolean;
  loading: boolean;
  problem: Problem | null;
}

const EMPTY: Pages = {
  rows: [],
  cursor: null,
  complete: false,
  loading: true,
  problem: null,
};

/** What the list asks the proxy for a page (after the cursor, if any). */
export function pageQuery(
  division: number,
  tab: Exclude<OverviewTab, "attention">,
  query: string,
  first: boolean,
) {
  return {
    division,
    state: tab,
    limit: first ? FIRST_PAGE : NEXT_PAGE,
    ...(query.trim() ? { q: query.trim() } : {}),
  };
}

/**
 * The overview's rows for a division, tab and search, fetched page by page through the proxy's cursors as
 * the list scrolls near its end; a new division, tab or search starts again from the first page. The counts per
 * state come with each page; they stay while another tab or search loads, and go with the division.
 */
export function useOverviewPages(division: number | null, tab: OverviewTab, query: string) {
  const [pages, setPages] = useState<Pages>(EMPTY);
  const [counts, setCounts] = useState<{ division: number; counts: OverviewCounts | null } | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    (cursor: string | null, first: boolean) => {
      // "Needs attention" is read whole by its own view.
      if (division === null || tab === "attention") return;
      const ticket = generation.current;
      inFlight.current = true;
      setPages((current) => ({ ...current, loading: true, problem: null }));
      const request = askBackgroundOrEarly("listAccounts", {
        ...pageQuery(division, tab, query, first),
        ...(cursor ? { cursor } : {}),
      });
      void request.then((result) => {
        if (ticket !== generation.current) return;
        inFlight.current = false;
        if (result.ok) setCounts({ division, counts: result.value.counts });
        setPages((current) =>
          result.ok
            ? {
                rows: first ? result.value.accounts : [...current.rows, ...result.value.accounts],
                cursor: result.value.nextCursor,
                complete: result.value.nextCursor === null,
                loading: false,
                problem: null,
              }
            : { ...current, loading: false, problem: result.problem },
        );
      });
    },
    [division, tab, query],
  );

  const restart = useCallback(() => {
    generation.current++;
    inFlight.current = false;
    setPages(EMPTY);
    fetchPage(null, true);
  }, [fetchPage]);

  useEffect(() => {
    // Typing waits a moment; a new division or tab starts at once.
    const timer = setTimeout(restart, query === "" ? 0 : 300);
    return () => clearTimeout(timer);
  }, [restart, query]);

  const loadMore = useCallback(() => {
    if (inFlight.current || pages.complete || pages.problem || pages.cursor === null) return;
    fetchPage(pages.cursor, false);
  }, [fetchPage, pages.complete, pages.problem, pages.cursor]);

  /** Puts a changed account in place, where it is, whatever the filter: the list does not jump under the cursor. */
  const replaceRow = useCallback((row: OverviewRow) => {
    setPages((current) => ({
      ...current,
      rows: current.rows.map((existing) => (existing.account.id === row.account.id ? row : existing)),
    }));
  }, []);

  /** After a change made in place: the rows stay, the tabs' counts are asked for again. */
  const refreshCounts = useCallback(() => {
    if (division === null) return;
    void askBackground("listAccounts", { division, state: "all", limit: 1 }).then((result) => {
      if (result.ok) setCounts({ division, counts: result.value.counts });
    });
  }, [division]);

  // A first page read while the division was being indexed has no counts; nothing else may ask for them soon.
  useEffect(() => {
    if (division === null || counts?.division !== division || counts.counts !== null) return;
    const timer = setTimeout(refreshCounts, COUNTS_AGAIN_MS);
    return () => clearTimeout(timer);
  }, [division, counts, refreshCounts]);

  return {
    ...pages,
    counts: counts?.division === division ? counts.counts : null,
    loadMore,
    restart,
    replaceRow,
    refreshCounts,
  };
}
