import type { LinkView } from "@zapfloor-exact/shared/schemas/links";
import type { LinkRow } from "../../db/link-store";

export function linkView(row: LinkRow): LinkView {
  return {
    customerNumber: row.customerNumber,
    exactId: row.exactId,
    method: row.method,
    linkedBy: row.linkedBy,
    linkedAt: new Date(row.linkedAt).toISOString(),
  };
}
