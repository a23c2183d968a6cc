import { useI18n } from "../i18n/I18nContext";
import type { MessageId } from "../i18n/translate";
import type { Said } from "../utils/api-result";

/**
 * A proxy error in the reader's language, by its reason and the values it names. What Exact said is quoted as
 * Exact wrote it, in the language Exact named (unknown, `lang=""`, when it did not).
 */
export function ErrorSaid({ said }: { said: Said }) {
  const { t } = useI18n();
  const { exactMessage, exactLang, accountStatus, ...params } = said.params;
  const status: Record<string, string> = accountStatus
    ? { accountStatus: t(`status.${accountStatus}` as MessageId) }
    : {};
  return (
    <>
      {t(`apiError.${said.reason}` as MessageId, { ...params, ...status })}
      {exactMessage && (
        <>
          {" "}
          {t("apiError.exactSaid")} <q lang={exactLang ?? ""}>{exactMessage}</q>
        </>
      )}
    </>
  );
}
