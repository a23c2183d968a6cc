import { useState } from "preact/hooks";
import { useI18n } from "../../i18n/I18nContext";
import type { AccountDetail } from "../../utils/proxy-types";
import { describeLinkMethod } from "../reasons";
import { UnlinkConfirmDialog } from "../UnlinkConfirmDialog";

type Link = NonNullable<AccountDetail["link"]>;

interface LinkedCustomerProps {
  link: Link;
  busy: boolean;
  onUnlink(): void;
}

/** The zapfloor customer this account is linked to: number, name, how, when and by whom; unlink after a confirmation. */
export function LinkedCustomer({ link, busy, onUnlink }: LinkedCustomerProps) {
  const { t, dateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="zfx-linked" aria-label={t("panel.linkedTo")}>
      <p class="zfx-linked__label zfx-muted">{t("panel.linkedTo")}</p>
      <p class="zfx-linked__customer">
        <strong class="zfx-mono" data-testid="linked-number">
          {link.customerNumber}
        </strong>{" "}
        <span>{link.customer?.name ?? link.customer?.number ?? ""}</span>
      </p>
      <p class="zfx-linked__how zfx-muted">
        {t("panel.linkedHow", {
          method: describeLinkMethod(t, link.method),
          actor: link.linkedBy,
          at: dateTime(link.linkedAt),
        })}
      </p>
      <button
        type="button"
        class="zfx-button zfx-button--quiet"
        disabled={busy}
        onClick={() => setConfirming(true)}
      >
        {t("panel.unlink")}
      </button>
      {confirming && (
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
    </section>
  );
}
