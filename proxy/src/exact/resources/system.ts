import type { DivisionApi } from "../client";
import { division } from "../schemas";

/** The divisions the consent covers (never assume the user's current division is among them). [§2, I-picqer-470] */
export function consentedDivisions(api: DivisionApi) {
  return api.list(
    "system/Divisions",
    { select: ["Code", "Description", "Country", "Current", "Status", "BlockingStatus"] },
    division,
  );
}
