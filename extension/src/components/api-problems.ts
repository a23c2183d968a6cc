import { isProblemCode } from "@zapfloor-exact/shared/schemas/problem-codes";
import { translatedOrNull } from "../i18n/format";
import type { MessageId, Translate } from "../i18n/translate";
import type { ApiValidationProblem } from "../utils/proxy-types";

/** Which reference data a problem's list of valid codes is drawn from, by the problem's code. */
const validKind = (code: string) =>
  code.startsWith("journal") || code === "sales_journal_needed"
    ? "journals"
    : code.startsWith("gl_")
      ? "glAccounts"
      : "vatCodes";

const known = (code: string | undefined): code is string => code !== undefined && isProblemCode(code);

/** What a request's field should have been, in the reader's words; a kind this build does not know, as sent. */
function wordsOf(t: Translate, params: Record<string, string>): Record<string, string> {
  const words: Record<string, string> = {};
  const expected = params.expected && translatedOrNull(t, `apiProblem.expected.${params.expected}`);
  if (expected) words.expected = expected;
  const format = params.format && translatedOrNull(t, `apiProblem.format.${params.format}`, params);
  if (format) words.format = format;
  return words;
}

/** A journal's or account's code with its description in parentheses, or alone when it has none. */
const named = (params: Record<string, string>) =>
  params.description ? `${params.code ?? ""} (${params.description})` : (params.code ?? "");

/**
 * One problem of a refused request or a parked invoice in the reader's language, by its code and with the
 * values it names (and the division's valid codes, when the proxy listed them); null for a code this extension
 * does not know, to be shown in the proxy's English.
 */
export function describeApiProblem(t: Translate, problem: ApiValidationProblem): string | null {
  if (!known(problem.code)) return null;
  const params = problem.params ?? {};
  const text = t(`apiProblem.${problem.code}` as MessageId, {
    ...params,
    code: named(params),
    ...wordsOf(t, params),
  });
  if (params.valid === undefined) return text;
  const kind = validKind(problem.code);
  if (params.valid === "") return `${text} ${t(`apiProblem.none.${kind}` as MessageId)}`;
  const more = Number(params.more ?? 0);
  const valid = more > 0 ? `${params.valid} ${t("apiProblem.more", { count: more })}` : params.valid;
  return `${text} ${t(`apiProblem.valid.${kind}` as MessageId, { valid })}`;
}

/** Every problem translated, or null when any of them has a code this extension does not know. */
export function describeApiProblems(
  t: Translate,
  problems: readonly ApiValidationProblem[],
): string[] | null {
  if (problems.length === 0) return null;
  const described = problems.map((problem) => describeApiProblem(t, problem));
  return described.every((text): text is string => text !== null) ? described : null;
}
