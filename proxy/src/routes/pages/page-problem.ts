import type { AppError } from "../../errors";
import { ConsentRefused } from "../../services/exact-connection/consent-refused";
import type { PageProblem } from "./page-messages";

/** What a consent page says for a refusal: the consent's own reasons, the app's registration, else a failure. */
export function pageProblemOf(error: AppError): PageProblem {
  if (error instanceof ConsentRefused) return error.refusal;
  if (error.reason === "exact_app_rejected") return "app_rejected";
  return "failed";
}
