import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../../i18n/I18nContext";
import type { Problem } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import type { BookingSettings, BookingSettingsInput, ReferenceData } from "../../utils/proxy-types";
import { ProblemNotice } from "../ProblemNotice";
import { DivisionReadiness } from "./DivisionReadiness";
import { MappingRows } from "./MappingRows";
import "./BookingSettings.css";

type Loaded = { settings: BookingSettings; reference: ReferenceData };

const inputOf = (settings: BookingSettings): BookingSettingsInput => ({
  salesJournal: settings.salesJournal,
  creditNoteJournal: settings.creditNoteJournal,
  glMapping: settings.glMapping,
  vatMapping: settings.vatMapping,
  autoCreate: settings.autoCreate,
  autoPush: settings.autoPush,
  nonCustomerMatch: settings.nonCustomerMatch,
  similarNameMatch: settings.similarNameMatch,
});

const described = (row: { code: string; description: string | null }) =>
  row.description ? `${row.code} — ${row.description}` : row.code;

/**
 * How one division books zapfloor invoices: every choice picked from the division's own journals, GL accounts
 * and VAT codes as Exact names them, refreshed from Exact on request.
 */
export function BookingSettingsForm({ division, onSaved }: { division: number; onSaved(): void }) {
  const { t, dateTime } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<BookingSettingsInput | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<"refreshing" | "saving" | null>(null);
  const [saved, setSaved] = useState(false);

  const load = (refresh: boolean) => {
    setProblem(null);
    if (refresh) setBusy("refreshing");
    void Promise.all([
      askBackground("getBookingSettings", { division }),
      askBackground("getReferenceData", { division, refresh }),
    ]).then(([settings, reference]) => {
      setBusy(null);
      if (!settings.ok) return setProblem(settings.problem);
      if (!reference.ok) return setProblem(reference.problem);
      setLoaded({ settings: settings.value, reference: reference.value });
      setDraft((current) => (refresh && current ? current : inputOf(settings.value)));
    });
  };
  useEffect(() => {
    setLoaded(null);
    setDraft(null);
    setSaved(false);
    load(false);
  }, [division]);

  if (!loaded || !draft) {
    return problem ? (
      <ProblemNotice problem={problem} onRetry={() => load(false)} />
    ) : (
      <p role="status">{t("bookings.loadingSettings")}</p>
    );
  }
  const { reference, settings } = loaded;
  const change = (patch: Partial<BookingSettingsInput>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const save = (event: Event) => {
    event.preventDefault();
    setBusy("saving");
    setProblem(null);
    void askBackground("saveBookingSettings", { division, settings: draft }).then((result) => {
      setBusy(null);
      if (!result.ok) return setProblem(result.problem);
      setLoaded({ ...loaded, settings: result.value });
      setDraft(inputOf(result.value));
      setSaved(true);
      onSaved();
    });
  };

  const journalOptions = reference.salesJournals.map((journal) => (
    <option key={journal.code} value={journal.code}>
      {described(journal)}
    </option>
  ));
  const vatOptions = reference.salesVatCodes.map((code) => (
    <option key={code.code} value={code.code}>
      {described(code)}
      {code.percentage !== null ? ` · ${code.percentage}%` : ""}
      {code.type ? ` · ${t("bookings.vatType", { type: code.type })}` : ""}
    </option>
  ));

  return (
    <form class="zfx-options zfx-bookings" onSubmit={save} aria-label={t("bookings.title")}>
      <DivisionReadiness bookings={settings.bookings} />
      <p class="zfx-muted">
        {reference.fetchedAt
          ? t("bookings.referenceFetched", { at: dateTime(reference.fetchedAt) })
          : t("bookings.referenceNever")}{" "}
        <button
          type="button"
          class="zfx-button zfx-button--quiet"
          disabled={busy !== null}
          onClick={() => load(true)}
        >
          {busy === "refreshing" ? t("bookings.refreshing") : t("bookings.refresh")}
        </button>
      </p>
      <label class="zfx-options__field">
        <span>{t("bookings.salesJournal")}</span>
        <select
          value={draft.salesJournal ?? ""}
          onChange={(event) => change({ salesJournal: event.currentTarget.value || null })}
        >
          <option value="">{t("bookings.notSet")}</option>
          {journalOptions}
        </select>
      </label>
      <label class="zfx-options__field">
        <span>{t("bookings.creditNoteJournal")}</span>
        <select
          value={draft.creditNoteJournal ?? ""}
          onChange={(event) => change({ creditNoteJournal: event.currentTarget.value || null })}
        >
          <option value="">{t("bookings.sameAsSales")}</option>
          {journalOptions}
        </select>
      </label>
      <MappingRows
        legend={t("bookings.glMapping")}
        keyLabel={t("bookings.revenueKey")}
        valueLabel={t("bookings.glAccount")}
        keyPlaceholder="desk"
        rows={draft.glMapping}
        onChange={(glMapping) => change({ glMapping })}
        renderValue={(value, onValue, label) => (
          <GlAccountPicker reference={reference} value={value} onValue={onValue} label={label} />
        )}
      />
      <MappingRows
        legend={t("bookings.vatMapping")}
        keyLabel={t("bookings.vatRate")}
        valueLabel={t("bookings.vatCode")}
        keyPlaceholder="21"
        rows={draft.vatMapping.rates}
        onChange={(rates) => change({ vatMapping: { ...draft.vatMapping, rates } })}
        renderValue={(value, onValue, label) => (
          <select aria-label={label} value={value} onChange={(event) => onValue(event.currentTarget.value)}>
            <option value="">{t("bookings.notSet")}</option>
            {vatOptions}
          </select>
        )}
      />
      <label class="zfx-options__field">
        <span>{t("bookings.international")}</span>
        <select
          value={draft.vatMapping.international ?? ""}
          onChange={(event) =>
            change({ vatMapping: { ...draft.vatMapping, international: event.currentTarget.value || null } })
          }
        >
          <option value="">{t("bookings.notSet")}</option>
          {vatOptions}
        </select>
      </label>
      <label class="zfx-bookings__check">
        <input
          type="checkbox"
          checked={draft.autoCreate}
          onChange={(event) => change({ autoCreate: event.currentTarget.checked })}
        />
        <span>{t("bookings.autoCreate")}</span>
      </label>
      <label class="zfx-bookings__check">
        <input
          type="checkbox"
          checked={draft.autoPush}
          onChange={(event) => change({ autoPush: event.currentTarget.checked })}
        />
        <span>{t("bookings.autoPush")}</span>
      </label>
      <label class="zfx-options__field">
        <span>{t("bookings.nonCustomerMatch")}</span>
        <select
          value={draft.nonCustomerMatch}
          onChange={(event) =>
            change({ nonCustomerMatch: event.currentTarget.value === "promote" ? "promote" : "review" })
          }
        >
          <option value="review">{t("bookings.nonCustomerMatch.review")}</option>
          <option value="promote">{t("bookings.nonCustomerMatch.promote")}</option>
        </select>
      </label>
      <label class="zfx-options__field">
        <span>{t("bookings.similarNameMatch")}</span>
        <select
          value={draft.similarNameMatch}
          onChange={(event) =>
            change({ similarNameMatch: event.currentTarget.value === "create" ? "create" : "review" })
          }
        >
          <option value="review">{t("bookings.similarNameMatch.review")}</option>
          <option value="create">{t("bookings.similarNameMatch.create")}</option>
        </select>
      </label>
      {problem && <ProblemNotice problem={problem} />}
      <div class="zfx-options__actions">
        <button type="submit" class="zfx-button" disabled={busy !== null}>
          {busy === "saving" ? t("bookings.saving") : t("bookings.save")}
        </button>
        {saved && <span role="status">{t("bookings.saved")}</span>}
      </div>
    </form>
  );
}

/** A GL account by code or description: the list of a real division runs to hundreds, so it is searched. */
function GlAccountPicker(props: {
  reference: ReferenceData;
  value: string;
  onValue(value: string): void;
  label: string;
}) {
  const { t } = useI18n();
  const listId = `zfx-gl-${props.reference.division}`;
  const known = props.reference.revenueGlAccounts.find((account) => account.code === props.value.trim());
  return (
    <span class="zfx-bookings__picker">
      <input
        type="search"
        list={listId}
        aria-label={props.label}
        placeholder={t("bookings.glSearch")}
        value={props.value}
        aria-invalid={props.value.trim() !== "" && !known}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
      <datalist id={listId}>
        {props.reference.revenueGlAccounts.map((account) => (
          <option key={account.code} value={account.code}>
            {described(account)}
          </option>
        ))}
      </datalist>
      <span class="zfx-muted">
        {known ? known.description : props.value.trim() ? t("bookings.glUnknown") : ""}
      </span>
    </span>
  );
}
