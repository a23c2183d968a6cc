import { useI18n } from "../../i18n/I18nContext";
import type { Problem } from "../../utils/api-result";
import type { OverviewRow } from "../../utils/proxy-types";
import { CustomerSearch, type SearchCustomers } from "../CustomerSearch";
import { Dialog } from "../Dialog";
import { ProblemNotice } from "../ProblemNotice";

interface LinkDialogProps {
  row: OverviewRow;
  search: SearchCustomers;
  busy: boolean;
  problem: Problem | null;
  onPick(customerNumber: string): void;
  onClose(): void;
  returnFocus?: () => HTMLElement | null | undefined;
}

/** Links one overview account to a zapfloor customer found by searching. */
export function LinkDialog({ row, search, busy, problem, onPick, onClose, returnFocus }: LinkDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t("overview.linkDialog.title", { name: row.account.name })}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      {problem && <ProblemNotice problem={problem} />}
      <CustomerSearch accountId={row.account.id} search={search} busy={busy} onPick={onPick} autoFocus />
      <div class="zfx-dialog__actions">
        <button type="button" class="zfx-button zfx-button--quiet" onClick={onClose}>
          {t("panel.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
