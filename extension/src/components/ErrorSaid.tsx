import { translatedOrNull } from "../i18n/format";
import { useI18n } from "../i18n/I18nContext";
import type { MessageId, Translate } from "../i18n/translate";
import type { Said } from "../utils/api-result";

/**
 * Values the proxy names by a code (an account's status, a token's role, why a URL was refused, an error's kind),
 * in words.
 */
function wordsOf(t: Translate, params: Record<string, string>): Record<string, string> {
  const words: Record<string, string> = {};
  if (params.accountStatus) words.accountStatus = t(`status.${params.accountStatus}` as MessageId);
  for (const name of ["role", "needed"] as const) {
    const roles = params[name]?.split(", ").map((role) => translatedOrNull(t, `apiError.role.${role}`));
    if (roles?.every(Boolean)) words[name] = roles.join(" / ");
  }
  const refusal = params.refusal && translatedOrNull(t, `apiError.webhookUrl.${params.refusal}`, params);
  if (refusal) words.refusal = refusal;
  const kind = params.kind && translatedOrNull(t, `apiError.kind.${params.kind}`);
  if (kind) words.kind = kind;
  return words;
}

/**
 * A proxy error in the reader's language, by its reason and the values it names. What Exact said is quoted as
 * Exact wrote it, in the language Exact named (unknown, `lang=""`, when it did not).
 */
export function ErrorSaid({ said }: { said: Said }) {
  const { t } = useI18n();
  const { exactMessage, exactLang, ...params } = said.params;
  return (
    <>
      {t(`apiError.${said.reason}` as MessageId, { ...params, ...wordsOf(t, params) })}
      {exactMessage && (
        <>
          {" "}
          {t("apiError.exactSaid")} <q lang={exactLang ?? ""}>{exactMessage}</q>
        </>
      )}
    </>
  );
}
