import { goLiveCsv } from "@zapfloor-exact/shared/reports/go-live-csv";
import {
  type GoLiveCustomer,
  type GoLiveOutcome,
  type GoLiveReview,
  goLiveOutcomes,
} from "@zapfloor-exact/shared/schemas/go-live";
import { useState } from "preact/hooks";
import { useI18n } from "../../i18n/I18nContext";
import type { Translate } from "../../i18n/translate";
import { describeReason } from "../reasons";
import { OUTCOME_COLOURS, OutcomeChart } from "./OutcomeChart";
import "./GoLiveReview.css";

export type GoLiveSetting = "autoCreate" | "autoPush";

interface GoLiveReviewViewProps {
  review: GoLiveReview;
  divisionName: string;
  /** Saves the setting as on; the review is read again afterwards. */
  onSwitchOn(setting: GoLiveSetting): void;
  switching: GoLiveSetting | null;
}

/** A customer's reasons in the reader's language, the evidence first. */
const whyOf = (t: Translate, customer: GoLiveCustomer) =>
  customer.reasons
    .map((reason) =>
      describeReason(
        t,
        // The matching core's reasons are about this customer; the number is in the row, not in each reason.
        { ...reason, customerNumber: reason.customerNumber ?? customer.customerNumber },
        { customerVat: customer.vatNumber, accountStatus: customer.account?.status ?? null },
      ),
    )
    .join(" ");

/** The accountant's file: what is shown, in the reader's language, with a byte-order mark so spreadsheets read UTF-8. */
function downloadCsv(t: Translate, customers: GoLiveCustomer[], division: number) {
  const csv = goLiveCsv(customers, {
    header: [
      t("goLive.csv.number"),
      t("goLive.csv.name"),
      t("goLive.csv.vat"),
      t("goLive.col.outcome"),
      t("goLive.csv.code"),
      t("goLive.col.account"),
      t("goLive.col.why"),
    ],
    outcomes: Object.fromEntries(
      goLiveOutcomes.map((outcome) => [outcome, t(`goLive.outcome.${outcome}`)]),
    ) as Record<GoLiveOutcome, string>,
    why: (customer) => whyOf(t, customer),
  });
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `go-live-review-${division}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The go-live review: the counts per outcome as a chart, every customer with its outcome, account and reasons,
 * filters, a CSV export for the accountant, and the two switches that make the division go live.
 */
export function GoLiveReviewView({ review, divisionName, onSwitchOn, switching }: GoLiveReviewViewProps) {
  const { t, dateTime } = useI18n();
  const [outcome, setOutcome] = useState<GoLiveOutcome | null>(null);
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  const shown = review.customers.filter(
    (customer) =>
      (outcome === null || customer.outcome === outcome) &&
      (needle === "" ||
        customer.customerNumber.toLowerCase().includes(needle) ||
        customer.name.toLowerCase().includes(needle)),
  );
  const filter = (value: GoLiveOutcome | null, label: string) => (
    <button
      type="button"
      class="zfx-golive__filter"
      aria-pressed={outcome === value}
      onClick={() => setOutcome(value)}
    >
      {label}
    </button>
  );

  return (
    <main class="zfx-root zfx-golive">
      <h1>{t("goLive.titleFor", { name: divisionName })}</h1>
      <p class="zfx-muted">
        {t("goLive.intro", { at: review.accountsLoadedAt ? dateTime(review.accountsLoadedAt) : "—" })}
      </p>
      <p>
        <strong>{t("goLive.total", { count: review.total })}</strong>
      </p>
      <OutcomeChart counts={review.counts} />

      <section class="zfx-golive__switches" aria-labelledby="zfx-golive-switches">
        <h2 id="zfx-golive-switches">{t("goLive.switches")}</h2>
        {(["autoCreate", "autoPush"] as const).map((setting) => (
          <p key={setting} data-setting={setting}>
            <span>{t(`goLive.${setting}.${review[setting] ? "on" : "off"}`)}</span>{" "}
            {!review[setting] && (
              <button
                type="button"
                class="zfx-button"
                disabled={switching !== null}
                onClick={() => onSwitchOn(setting)}
              >
                {switching === setting ? t("goLive.saving") : t(`goLive.${setting}.switchOn`)}
              </button>
            )}
          </p>
        ))}
      </section>

      <div class="zfx-golive__tools">
        <fieldset class="zfx-golive__filters">
          <legend>{t("goLive.filters")}</legend>
          {filter(null, t("goLive.filter.all", { count: review.total }))}
          {goLiveOutcomes
            .filter((value) => review.counts[value] > 0)
            .map((value) =>
              filter(
                value,
                t("goLive.filter.outcome", {
                  outcome: t(`goLive.outcome.${value}`),
                  count: review.counts[value],
                }),
              ),
            )}
        </fieldset>
        <label class="zfx-golive__search">
          <span>{t("goLive.search")}</span>
          <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        </label>
        <button type="button" class="zfx-button" onClick={() => downloadCsv(t, shown, review.division)}>
          {t("goLive.export")}
        </button>
      </div>

      {shown.length === 0 ? (
        <p role="status">{t("goLive.none")}</p>
      ) : (
        <table class="zfx-golive__table">
          <thead>
            <tr>
              <th scope="col">{t("goLive.col.customer")}</th>
              <th scope="col">{t("goLive.col.outcome")}</th>
              <th scope="col">{t("goLive.col.account")}</th>
              <th scope="col">{t("goLive.col.why")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((customer) => (
              <tr key={customer.customerNumber} data-customer={customer.customerNumber}>
                <td>
                  {customer.customerNumber} · {customer.name}
                </td>
                <td>
                  <span
                    class="zfx-golive__outcome"
                    style={{ borderColor: OUTCOME_COLOURS[customer.outcome] }}
                  >
                    {t(`goLive.outcome.${customer.outcome}`)}
                  </span>
                </td>
                <td>
                  {customer.account
                    ? `${customer.account.code ? `${customer.account.code} · ` : ""}${customer.account.name}`
                    : "—"}
                </td>
                <td>{whyOf(t, customer)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
