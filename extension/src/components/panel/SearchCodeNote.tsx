import { useI18n } from "../../i18n/I18nContext";
import type { LinkResult } from "../../utils/proxy-types";

/** After a hand link: the SearchCode written into Exact, or why the account's SearchCode was left as it was. */
export function SearchCodeNote({ result }: { result: LinkResult["searchCodeResult"] | null | undefined }) {
  const { t } = useI18n();
  if (!result) return null;
  const code = result.searchCode ?? "";
  const text =
    result.outcome === "set"
      ? t("panel.searchCode.set", { code })
      : result.outcome === "kept_other"
        ? t("panel.searchCode.kept_other", { code })
        : result.outcome === "too_long"
          ? t("panel.searchCode.too_long")
          : result.outcome === "taken"
            ? t("panel.searchCode.taken")
            : null;
  if (text === null) return null;
  return (
    <p class="zfx-muted" role="status" data-search-code={result.outcome}>
      {text}
    </p>
  );
}
