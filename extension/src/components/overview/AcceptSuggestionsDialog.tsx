import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../../i18n/I18nContext";
import type { ApiResult, Problem } from "../../utils/api-result";
import type { AcceptSuggestionsResult } from "../../utils/proxy-types";
import { Dialog } from "../Dialog";
import { ProblemNotice } from "../ProblemNotice";
import { describeReason } from "../reasons";
import { VirtualList } from "./VirtualList";

/** The proxy links at most this many accounts per call. */
export const ACCEPT_BATCH = 500;

export type AcceptSuggestions = (request: {
  dryRun: boolean;
  exactIds?: string[];
}) => Promise<ApiResult<AcceptSuggestionsResult>>;

type Phase =
  | { phase: "previewing" }
  | { phase: "preview"; preview: AcceptSuggestionsResult }
  | { phase: "linking"; done: number; total: number }
  | { phase: "summary"; result: AcceptSuggestionsResult }
  | { phase: "failed"; problem: Problem; partial: AcceptSuggestionsResult | null };

type Linked = AcceptSuggestionsResult["linked"][number];
type Skipped = AcceptSuggestionsResult["skipped"][number];

/**
 * "Accept all unambiguous suggestions": a dry run shows what would be linked and skipped; confirming links
 * exactly the previewed accounts, in batches; a summary says what happened.
 */
export function AcceptSuggestionsDialog(props: {
  accept: AcceptSuggestions;
  onClose(changed: boolean): void;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<Phase>({ phase: "previewing" });

  useEffect(() => {
    void props
      .accept({ dryRun: true })
      .then((result) =>
        setState(
          result.ok
            ? { phase: "preview", preview: result.value }
            : { phase: "failed", problem: result.problem, partial: null },
        ),
      );
  }, []);

  async function confirm(preview: AcceptSuggestionsResult) {
    const ids = preview.linked.map((entry) => entry.exactId);
    const total: AcceptSuggestionsResult = { dryRun: false, linked: [], skipped: [] };
    for (let done = 0; done < ids.length; done += ACCEPT_BATCH) {
      setState({ phase: "linking", done, total: ids.length });
      const result = await props.accept({ dryRun: false, exactIds: ids.slice(done, done + ACCEPT_BATCH) });
      if (!result.ok) {
        setState({ phase: "failed", problem: result.problem, partial: total });
        return;
      }
      total.linked.push(...result.value.linked);
      // Only what the preview promised and this run refused; accounts outside the batch are not news.
      total.skipped.push(...result.value.skipped.filter((skip) => ids.includes(skip.exactId)));
    }
    setState({ phase: "summary", result: total });
  }

  const changed =
    state.phase === "summary" || (state.phase === "failed" && (state.partial?.linked.length ?? 0) > 0);
  const close = () => props.onClose(changed);
  return (
    <Dialog
      title={state.phase === "summary" ? t("overview.summary.title") : t("overview.preview.title")}
      onClose={close}
    >
      {state.phase === "previewing" && <p role="status">{t("overview.preview.checking")}</p>}
      {state.phase === "preview" && (
        <>
          {state.preview.linked.length === 0 ? (
            <p role="status">{t("overview.preview.nothing")}</p>
          ) : (
            <>
              <p role="status">{t("overview.preview.willLink", { count: state.preview.linked.length })}</p>
              <LinkedList entries={state.preview.linked} label={t("overview.preview.title")} />
            </>
          )}
          {state.preview.skipped.length > 0 && (
            <>
              <p>{t("overview.preview.willSkip", { count: state.preview.skipped.length })}</p>
              <SkippedList
                entries={state.preview.skipped}
                label={t("overview.summary.skipped", { count: "" })}
              />
            </>
          )}
          <div class="zfx-dialog__actions">
            <button type="button" class="zfx-button zfx-button--quiet" onClick={close}>
              {t("panel.cancel")}
            </button>
            {state.preview.linked.length > 0 && (
              <button type="button" class="zfx-button" onClick={() => void confirm(state.preview)}>
                {t("overview.preview.confirm", { count: state.preview.linked.length })}
              </button>
            )}
          </div>
        </>
      )}
      {state.phase === "linking" && (
        <p role="status">{t("overview.preview.linking", { done: state.done, count: state.total })}</p>
      )}
      {state.phase === "summary" && (
        <>
          <p role="status">{t("overview.summary.linked", { count: state.result.linked.length })}</p>
          {state.result.skipped.length > 0 && (
            <>
              <p>{t("overview.summary.skipped", { count: state.result.skipped.length })}</p>
              <SkippedList entries={state.result.skipped} label={t("overview.summary.title")} />
            </>
          )}
          <div class="zfx-dialog__actions">
            <button type="button" class="zfx-button" onClick={close}>
              {t("overview.close")}
            </button>
          </div>
        </>
      )}
      {state.phase === "failed" && (
        <>
          {state.partial && <p>{t("overview.summary.linked", { count: state.partial.linked.length })}</p>}
          <ProblemNotice problem={state.problem} />
          <div class="zfx-dialog__actions">
            <button type="button" class="zfx-button" onClick={close}>
              {t("overview.close")}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function LinkedList({ entries, label }: { entries: Linked[]; label: string }) {
  return (
    <div class="zfx-dialog__list">
      <VirtualList
        items={entries}
        rowHeight={26}
        label={label}
        keyOf={(entry) => entry.exactId}
        renderRow={(entry) => (
          <div class="zfx-dialog__item">
            <span>{entry.accountName}</span>
            <span aria-hidden="true">→</span>
            <strong class="zfx-mono">{entry.customer.number}</strong>
            <span class="zfx-muted">{entry.customer.name ?? ""}</span>
          </div>
        )}
      />
    </div>
  );
}

function SkippedList({ entries, label }: { entries: Skipped[]; label: string }) {
  const { t } = useI18n();
  return (
    <div class="zfx-dialog__list">
      <VirtualList
        items={entries}
        rowHeight={26}
        label={label}
        keyOf={(entry) => entry.exactId}
        renderRow={(entry) => (
          <div class="zfx-dialog__item">
            <span>{entry.accountName ?? entry.exactId}</span>
            <span class="zfx-muted">{describeReason(t, entry.reason)}</span>
          </div>
        )}
      />
    </div>
  );
}
