import { useI18n } from "../../i18n/I18nContext";
import type { MessageId } from "../../i18n/translate";
import type { AccountInvoicesView } from "../../utils/proxy-types";

/** The account's open problems and its customer's latest invoices with their push and paid state. */
export function AccountInvoices({ invoices }: { invoices: AccountInvoicesView }) {
  const { t } = useI18n();
  if (invoices.problems.length === 0 && invoices.invoices.length === 0) return null;
  return (
    <section class="zfx-panel__invoices" aria-label={t("panel.invoices")}>
      {invoices.problems.length > 0 && (
        <ul class="zfx-panel__problems" aria-label={t("panel.problems")}>
          {invoices.problems.map((item) => (
            <li key={item.invoiceNumber} class="zfx-notice" data-invoice={item.invoiceNumber}>
              {t(`attention.reason.${item.reason}` as MessageId, {
                invoice: item.invoiceNumber ?? "",
                customer: item.customerNumber ?? "",
                account: item.accounts[0]?.name ?? "",
              })}
            </li>
          ))}
        </ul>
      )}
      {invoices.invoices.length > 0 && (
        <>
          <h3 class="zfx-panel__heading">{t("panel.invoices")}</h3>
          <ul class="zfx-panel__invoice-list">
            {invoices.invoices.map((invoice) => (
              <li key={invoice.invoiceNumber} data-invoice={invoice.invoiceNumber}>
                {invoice.invoiceNumber} · {invoice.totalInclVat} {invoice.currency} ·{" "}
                {t(`panel.push.${invoice.state}` as MessageId)}
                {invoice.state === "pushed" ? ` · ${t(`panel.paid.${invoice.paid}` as MessageId)}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
