import { useState } from "preact/hooks";
import { useI18n } from "../../i18n/I18nContext";
import type { AccountDetail } from "../../utils/proxy-types";
import { describeReason, describeSignal } from "../reasons";
import { FixConfirmation } from "./FixConfirmation";

type Candidate = AccountDetail["candidates"][number];

interface CandidateListProps {
  accountId: string;
  candidates: Candidate[];
  /** Only customers (Status C) can be linked; anything else is promoted to customer first. */
  accountIsCustomer: boolean;
  busy: boolean;
  onLink(customerNumber: string): void;
  onPromoteAndLink(customerNumber: string): void;
  onAddVatAndLink(customerNumber: string): void;
}

/** The zapfloor customers that may belong to this account, strongest first, each with why, and one-click link. */
export function CandidateList(props: CandidateListProps) {
  const { t } = useI18n();
  const { candidates, accountIsCustomer, busy } = props;
  /** The customer whose fix is being confirmed: the changes are shown before anything is done. */
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section class="zfx-candidates" aria-label={t("panel.candidates")}>
      <h3 class="zfx-section-title">{t("panel.candidates")}</h3>
      {candidates.length === 0 ? (
        <p class="zfx-muted">{t("panel.noCandidates")}</p>
      ) : (
        <ol class="zfx-candidates__list">
          {candidates.map((candidate) => {
            const { customer } = candidate;
            const elsewhere = candidate.linkedTo !== null && candidate.linkedTo !== props.accountId;
            const explained = candidate.reasons.filter(
              (reason) => reason.code === "already_linked_elsewhere",
            );
            return (
              <li key={customer.number} class="zfx-candidate" data-customer={customer.number}>
                <div class="zfx-candidate__who">
                  <strong class="zfx-mono">{customer.number}</strong> <span>{customer.name}</span>
                  {customer.vatNumber && <span class="zfx-muted"> · {customer.vatNumber}</span>}
                </div>
                <ul class="zfx-chips" aria-label={t("panel.candidates")}>
                  {candidate.matchedOn.map((signal) => (
                    <li key={signal} class="zfx-chip" data-signal={signal}>
                      {describeSignal(t, signal, candidate.nameSimilarity)}
                    </li>
                  ))}
                </ul>
                {explained.map((reason) => (
                  <p key={reason.code} class="zfx-candidate__reason zfx-muted">
                    {describeReason(t, reason)}
                  </p>
                ))}
                {!elsewhere &&
                  accountIsCustomer &&
                  candidate.linkChanges?.map((change) => (
                    <p
                      key={change.field}
                      class="zfx-candidate__reason zfx-muted"
                      data-link-change={change.field}
                    >
                      {t("panel.link.setsSearchCode", { code: change.to })}
                    </p>
                  ))}
                <div class="zfx-candidate__action">
                  {candidate.fix && !elsewhere && (
                    <button
                      type="button"
                      class="zfx-button zfx-button--quiet"
                      disabled={busy}
                      aria-label={`${t("panel.fix.addVat")} ${customer.number}`}
                      onClick={() => setConfirming(customer.number)}
                    >
                      {t("panel.fix.addVat")}
                    </button>
                  )}
                  {candidate.fix && !elsewhere && confirming === customer.number && (
                    <FixConfirmation
                      fix={candidate.fix}
                      busy={busy}
                      onConfirm={() => {
                        setConfirming(null);
                        props.onAddVatAndLink(customer.number);
                      }}
                      onCancel={() => setConfirming(null)}
                    />
                  )}
                  {elsewhere ? (
                    <span class="zfx-muted">{t("panel.linkedElsewhere")}</span>
                  ) : accountIsCustomer ? (
                    <button
                      type="button"
                      class="zfx-button"
                      disabled={busy}
                      aria-label={`${t("panel.link")} ${customer.number}`}
                      onClick={() => props.onLink(customer.number)}
                    >
                      {t("panel.link")}
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="zfx-button"
                      disabled={busy}
                      onClick={() => props.onPromoteAndLink(customer.number)}
                    >
                      {t("panel.promoteAndLink")}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
