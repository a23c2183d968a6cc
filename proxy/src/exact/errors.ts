import { AppError, type ErrorCode, type Said } from "../errors";

export interface ExactErrorFacts {
  exactStatus: number | "no_answer";
  /** Exact's own (often Dutch) message, kept for the bookkeeper. */
  exactMessage?: string;
  /** The language Exact says its message is in (its envelope's `lang`), when it says so. */
  exactLang?: string;
  /** Exact's `Reason` header on 401/403. [exact-online-api.md §8] */
  reason?: string;
  /** A business rule refused it (HTTP 500 with a message): retrying the same request will not help. */
  business: boolean;
  /** Whether trying again later may succeed. */
  transient: boolean;
  endpoint: string;
}

/** An Exact failure, in our error vocabulary, with Exact's facts in `details`. */
export class ExactApiError extends AppError {
  override name = "ExactApiError";
  constructor(
    code: ErrorCode,
    message: string,
    readonly facts: ExactErrorFacts,
    said?: Said,
  ) {
    super(code, message, facts, said ? { said } : undefined);
  }
}

type ExactMessage = { value: string; lang?: string };

const envelope = (json: unknown): ExactMessage | undefined => {
  const message = (json as { error?: { message?: { value?: unknown; lang?: unknown } | string } } | undefined)
    ?.error?.message;
  const value = typeof message === "string" ? message : message?.value;
  if (typeof value !== "string" || !value.trim()) return undefined;
  const lang = typeof message === "object" && typeof message.lang === "string" ? message.lang.trim() : "";
  return { value: value.trim(), ...(lang ? { lang } : {}) };
};

/** Exact's error envelope `{"error":{"code":"","message":{"lang":"","value":"…"}}}` → the message. [§8, S10] */
export function exactMessageOf(text: string): string | undefined {
  return exactMessageWithLang(text)?.value;
}

/** The message of Exact's error envelope, with the language Exact gives it in `lang` when not empty. */
function exactMessageWithLang(text: string): ExactMessage | undefined {
  try {
    return envelope(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Exact's message and, when it names one, its language: the values a reader's sentence quotes. */
export interface ExactWords {
  exactMessage?: string;
  exactLang?: string;
}

/** The failure an answer from Exact is, by reason, with the values its sentence names. */
export type ExactFailureSaid = Said & {
  reason:
    | "exact_record_missing"
    | "exact_rate_limited"
    | "exact_access_refused"
    | "exact_refused"
    | "exact_failed"
    | "exact_rejected";
};

/**
 * Which failure an answer from Exact is, by its HTTP status and message; `reasonHeader` is Exact's `Reason`
 * header on 401/403. [exact-online-api.md §8]
 */
export function saidOfExactAnswer(
  status: number,
  words: ExactWords,
  reasonHeader?: string,
): ExactFailureSaid {
  const httpStatus = { status: String(status) };
  if (status === 404) return { reason: "exact_record_missing" };
  if (status === 429) return { reason: "exact_rate_limited" };
  if (status === 401 || status === 403) {
    return {
      reason: "exact_access_refused",
      params: { ...httpStatus, ...(reasonHeader ? { exactMessage: reasonHeader } : {}) },
    };
  }
  // Business rules come back as HTTP 500 with a localised message [§8]; a generic "unexpected error" is not one.
  if (status === 500 && words.exactMessage && !isGenericFailure(words.exactMessage)) {
    return { reason: "exact_refused", params: { ...words } };
  }
  if (status >= 500) return { reason: "exact_failed", params: httpStatus };
  return { reason: "exact_rejected", params: { ...httpStatus, ...words } };
}

export function errorFromResponse(
  status: number,
  text: string,
  headers: Headers,
  endpoint: string,
): ExactApiError {
  const message = exactMessageWithLang(text);
  const exactMessage = message?.value;
  const reason = headers.get("reason") ?? undefined;
  const words: ExactWords = message
    ? { exactMessage: message.value, ...(message.lang ? { exactLang: message.lang } : {}) }
    : {};
  const facts = (business: boolean, transient: boolean): ExactErrorFacts => ({
    exactStatus: status,
    ...words,
    ...(reason ? { reason } : {}),
    business,
    transient,
    endpoint,
  });
  const said = saidOfExactAnswer(status, words, reason);
  switch (said.reason) {
    case "exact_record_missing":
      return new ExactApiError(
        "not_found",
        "Exact Online does not have that record.",
        facts(false, false),
        said,
      );
    case "exact_rate_limited":
      return new ExactApiError(
        "rate_limited",
        "Exact Online's call limit for this division is reached.",
        facts(false, true),
        said,
      );
    case "exact_access_refused":
      return new ExactApiError(
        "upstream",
        `Exact Online refused access${reason ? ` (${reason})` : ""}.`,
        facts(false, false),
        said,
      );
    case "exact_refused":
      return new ExactApiError(
        "upstream",
        `Exact Online refused it: ${exactMessage}`,
        facts(true, false),
        said,
      );
    case "exact_failed":
      return new ExactApiError("upstream", `Exact Online failed (HTTP ${status}).`, facts(false, true), said);
    case "exact_rejected":
      return new ExactApiError(
        "upstream",
        `Exact Online rejected the request (HTTP ${status})${exactMessage ? `: ${exactMessage}` : "."}`,
        facts(false, false),
        said,
      );
  }
}

/**
 * Exact's texts for a 500 that no business rule caused (its own failure), in the languages of its users.
 * Which texts Exact uses is UNCONFIRMED; a 500 with any other message is treated as a business refusal.
 */
const genericFailures = [
  /onverwachte fout/i,
  /unexpected error/i,
  /erreur inattendue/i,
  /unerwarteter fehler/i,
  /error inesperado/i,
];

function isGenericFailure(message: string): boolean {
  return genericFailures.some((pattern) => pattern.test(message));
}

export function noAnswerError(endpoint: string, message: string): ExactApiError {
  return new ExactApiError(
    "upstream",
    message,
    { exactStatus: "no_answer", business: false, transient: true, endpoint },
    { reason: "exact_no_answer" },
  );
}
