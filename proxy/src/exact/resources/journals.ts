import type { DivisionApi } from "../client";
import { journal } from "../schemas";

/** The division's journals; sales entries name theirs by `Code`, never by ID. [§5, I-picqer-31] */
export function listJournals(api: DivisionApi) {
  return api.list("financial/Journals", { select: ["ID", "Code", "Description", "Type"] }, journal);
}
