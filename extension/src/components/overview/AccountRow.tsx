import { useRef, useState } from "preact/hooks";
import { useI18n } from "../../i18n/I18nContext";
import type { MessageId } from "../../i18n/translate";
import type { OverviewRow } from "../../utils/proxy-types";
import { LookalikeNote } from "../LookalikeNote";
import { concerns, describeReason, describeSignal } from "../reasons";
import { UnlinkConfirmDialog } from "../UnlinkConfirmDialog";
import { useFocusWhenDone } from "../use-focus-when-done";

interface AccountRowProps {
  row: OverviewRow;
  busy: boolean;
  onLink(customerNumber: string): void;
  onUnlink(): void;
  onLinkOther(): void;
}

/** One Exact account in the overview: who it is, its state, its zapfloor customer or suggestion, and actions. */
export function AccountRow({ row, busy, onLink, onUnlink, onLinkOther }: AccountRowProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const element = useRef<HTMLDivElement>(null);
  // A linked row's Link buttons become Unlink and back: focus goes to the row's first action.
  useFocusWhenDone(busy, () => element.current?.querySelector<HTMLElement>("button:not([disabled])"));
  const { account, link, suggestion } = row;
  const firstConcern =
    row.warnings[0] ?? (row.state === "conflict" ? concerns(suggestion.reasons)[0] : undefined);
  return (
    <div ref={element} class="zfx-orow" data-account={account.id} data-state={row.state}>
      <div class="zfx-orow__account">
        <span class="zfx-orow__name">{account.name}</span>
        <span class="zfx-muted zfx-orow__meta">
          <LookalikeNote lookalikes={row.lookalikes} compact />{" "}
          {[account.code, account.vatNumber, account.city].filter(Boolean).join(" · ")}
        </span>
      </div>
      <div class="zfx-orow__state">
        <span class={`zfx-state zfx-state--${row.state}`}>
          {t(`overview.state.${row.state}` as MessageId)}
        </span>
      </div>
      <div class="zfx-orow__customer">
        {link ? (
          <span>
            <strong class="zfx-mono">{link.customerNumber}</strong> {link.customer.name ?? ""}
          </span>
        ) : suggestion.customer ? (
          <span>
            <strong class="zfx-mono">{suggestion.customer.number}</strong> {suggestion.customer.name ?? ""}{" "}
            {suggestion.matchedOn.map((signal) => (
              <span key={signal} class="zfx-chip" data-signal={signal}>
                {describeSignal(t, signal)}
              </span>
            ))}
          </span>
        ) : null}
        {firstConcern && (
          <span class="zfx-orow__concern" title={firstConcern.message}>
            {describeReason(t, firstConcern, {
              accountStatus: account.status,
              accountVat: account.vatNumber,
            })}
          </span>
        )}
      </div>
      <div class="zfx-orow__actions">
        {link && (
          <button
            type="button"
            class="zfx-button zfx-button--quiet"
            disabled={busy}
            aria-label={`${t("panel.unlink")} ${account.name}`}
            onClick={() => setConfirming(true)}
          >
            {t("panel.unlink")}
          </button>
        )}
        {link && confirming && (
          <UnlinkConfirmDialog
            customerNumber={link.customerNumber}
            busy={busy}
            onConfirm={() => {
              setConfirming(false);
              onUnlink();
            }}
            onCancel={() => setConfirming(false)}
          />
        )}
        {!link && row.state === "suggested" && suggestion.customer && (
          <button
            type="button"
            class="zfx-button"
            disabled={busy}
            onClick={() => onLink(suggestion.customer?.number ?? "")}
          >
            {t("overview.linkSuggestion", { number: suggestion.customer.number })}
          </button>
        )}
        {!link && (
          <button
            type="button"
            class="zfx-button zfx-button--quiet"
            disabled={busy}
            aria-label={`${t("overview.linkOther")} ${account.name}`}
            onClick={onLinkOther}
          >
            {t("overview.linkOther")}
          </button>
        )}
      </div>
    </div>
  );
}
