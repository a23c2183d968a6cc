import { useState } from "preact/hooks";
import { useI18n } from "../i18n/I18nContext";
import type { MessageId } from "../i18n/translate";
import type { ApiResult, Problem } from "../utils/api-result";
import { OptionsActions, OptionsField } from "./OptionsParts";
import { ProblemNotice } from "./ProblemNotice";

type PairState =
  | { state: "idle" }
  | { state: "pairing" }
  | { state: "paired"; tenantName: string }
  | { state: "refused"; message: MessageId }
  | { state: "failed"; problem: Problem };

export type PairResult = ApiResult<{ tenantName: string }>;

interface PairingFieldsProps {
  /** The proxy's base URL as typed above, or null (and its problem shown) when it is not valid. */
  validUrl(): string | null;
  /**
   * Called synchronously from the click, so that the browser still treats a permission request made inside it
   * as a user gesture; saves the URL and the token the proxy gives for the code.
   */
  onPair(url: string, code: string): Promise<PairResult>;
}

/** The one-step setup inside the proxy settings: a pairing code in, a saved bookkeeper token out. */
export function PairingFields({ validUrl, onPair }: PairingFieldsProps) {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [pair, setPair] = useState<PairState>({ state: "idle" });

  function startPairing() {
    const url = validUrl();
    if (url === null) return;
    if (code.trim() === "") return setPair({ state: "refused", message: "pairing.codeEmpty" });
    setPair({ state: "pairing" });
    onPair(url, code.trim()).then(
      (result) => {
        if (result.ok) {
          setCode("");
          return setPair({ state: "paired", tenantName: result.value.tenantName });
        }
        const { problem } = result;
        if (problem.kind === "failed" && problem.httpStatus === 400) {
          return setPair({ state: "refused", message: "pairing.invalid" });
        }
        if (problem.kind === "failed" && problem.httpStatus === 429) {
          return setPair({ state: "refused", message: "pairing.tooMany" });
        }
        setPair({ state: "failed", problem });
      },
      (error: unknown) =>
        setPair({
          state: "failed",
          problem: {
            kind: "background_failed",
            detail: error instanceof Error ? error.message : String(error),
          },
        }),
    );
  }

  return (
    <fieldset class="zfx-options__group" data-pairing>
      <legend>{t("pairing.title")}</legend>
      <p class="zfx-muted">{t("pairing.help")}</p>
      <OptionsField
        label={t("pairing.code")}
        type="text"
        name="pairingCode"
        value={code}
        autoComplete="off"
        spellcheck={false}
        placeholder="K7QM-3XPA"
        onInput={(event) => setCode(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter in the code pairs, rather than saving the token form around it.
          if (event.key !== "Enter") return;
          event.preventDefault();
          startPairing();
        }}
      />
      <OptionsActions status={pair.state === "paired" && t("pairing.paired", { tenant: pair.tenantName })}>
        <button type="button" class="zfx-button" disabled={pair.state === "pairing"} onClick={startPairing}>
          {pair.state === "pairing" ? t("pairing.pairing") : t("pairing.pair")}
        </button>
      </OptionsActions>
      {pair.state === "refused" && (
        <p class="zfx-options__problem zfx-options__problem--own" role="alert">
          {t(pair.message)}
        </p>
      )}
      {pair.state === "failed" && <ProblemNotice problem={pair.problem} />}
    </fieldset>
  );
}
