import { AppError, type ErrorCode } from "../../errors";

/** Why a consent cannot go on, by a stable name: the consent pages say it in the bookkeeper's language. */
export type ConsentRefusal =
  | "gone"
  | "other_browser"
  | "already_received"
  | "not_given"
  | "not_accepted"
  | "no_preview";

/** A consent refused on the way, seen on the proxy's consent pages; its message is the English for logs. */
export class ConsentRefused extends AppError {
  constructor(
    readonly refusal: ConsentRefusal,
    code: ErrorCode,
    message: string,
    details?: unknown,
  ) {
    super(code, message, details);
  }
}

export const consentGone = () =>
  new ConsentRefused(
    "gone",
    "validation",
    "This Exact Online consent was already used or has expired. Start connecting again.",
  );

export const otherBrowser = () =>
  new ConsentRefused(
    "other_browser",
    "forbidden",
    "This Exact Online consent was started in another browser. Start connecting again from the extension's options page in this browser.",
  );
