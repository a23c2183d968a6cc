import { useI18n } from "../i18n/I18nContext";
import type { MessageId } from "../i18n/translate";
import { isSettingsProblem, type Problem } from "../utils/api-result";
import { describeApiProblems } from "./api-problems";
import { ErrorSaid } from "./ErrorSaid";
import "./Notice.css";

interface ProblemNoticeProps {
  problem: Problem;
  onRetry?: () => void;
  onOpenSettings?: () => void;
  onDismiss?: () => void;
}

/**
 * Kinds whose translated sentence already says all the proxy's English does ("this needs a bookkeeper token; this
 * one is an integration token"): their English is left out in other languages. Errors the proxy names by reason
 * are said from it; only one without a reason this extension knows keeps the proxy's English.
 */
const SAID_IN_FULL = new Set<Problem["kind"]>(["forbidden"]);

/** Why something failed and what to do about it, with the action that helps. */
export function ProblemNotice({ problem, onRetry, onOpenSettings, onDismiss }: ProblemNoticeProps) {
  const { t, locale } = useI18n();
  const params = {
    origin: "origin" in problem ? problem.origin : "",
    detail: "detail" in problem ? problem.detail : "",
    message: "message" in problem ? problem.message : "",
    division: "division" in problem ? problem.division : "",
    status: "httpStatus" in problem ? problem.httpStatus : "",
    customer: "customer" in problem ? problem.customer : "",
  };
  const settings = isSettingsProblem(problem);
  const translated =
    "problems" in problem && problem.problems ? describeApiProblems(t, problem.problems) : null;
  const said = "said" in problem ? problem.said : undefined;
  return (
    <div class="zfx-notice zfx-notice--error" role="alert" data-problem={problem.kind}>
      <p class="zfx-notice__text">{t(`problem.${problem.kind}` as MessageId, params)}</p>
      <p class="zfx-notice__todo">{t(`problem.${problem.kind}.todo` as MessageId, params)}</p>
      {translated ? (
        <ul class="zfx-notice__detail" data-problems>
          {translated.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : said ? (
        <p class="zfx-notice__detail" data-reason={said.reason}>
          <ErrorSaid said={said} />
        </p>
      ) : (
        params.message &&
        !(locale !== "en" && SAID_IN_FULL.has(problem.kind)) && (
          // The proxy writes its errors in English: shown as its words, apart from the translated sentence.
          <p class="zfx-notice__detail">
            {t("problem.detail")} <span lang="en">{params.message}</span>
          </p>
        )
      )}
      <div class="zfx-notice__actions">
        {settings && onOpenSettings && (
          <button type="button" class="zfx-button zfx-button--quiet" onClick={onOpenSettings}>
            {t("action.openSettings")}
          </button>
        )}
        {!settings && onRetry && (
          <button type="button" class="zfx-button zfx-button--quiet" onClick={onRetry}>
            {t("action.retry")}
          </button>
        )}
        {onDismiss && (
          <button type="button" class="zfx-link" onClick={onDismiss}>
            {t("action.dismiss")}
          </button>
        )}
      </div>
    </div>
  );
}
