import type { Tx } from "../../db/client";
import type { LinkRow } from "../../db/link-store";
import { linkView } from "../links/link-view";
import { recordEvent } from "./record-event";
import { resourceKeys } from "./resource-keys";

export async function recordLinkEvent(
  tx: Tx,
  type: "link.created" | "link.removed",
  link: LinkRow,
  at: number,
): Promise<void> {
  await recordEvent(tx, {
    tenantId: link.tenantId,
    division: link.division,
    type,
    resourceKey: resourceKeys.link(link.division, link.customerNumber),
    at,
    data: linkView(link),
  });
}

export interface StaleReason {
  code: string;
  message: string;
}

/** A linked Exact account was deleted, blocked or is no longer a customer: the link needs a person. */
export async function recordStaleLink(tx: Tx, link: LinkRow, reasons: StaleReason[], at: number) {
  await recordEvent(tx, {
    tenantId: link.tenantId,
    division: link.division,
    type: "link.stale",
    resourceKey: resourceKeys.link(link.division, link.customerNumber),
    at,
    data: { ...linkView(link), reasons },
  });
}

export async function recordCreatedCustomer(
  tx: Tx,
  scope: { tenantId: string; division: number },
  created: {
    customerNumber: string;
    exactId: string;
    name: string;
    searchCode: string | null;
    how: "created" | "recovered";
    linked: boolean;
  },
  at: number,
): Promise<void> {
  await recordEvent(tx, {
    ...scope,
    type: "customer.created_in_exact",
    resourceKey: resourceKeys.customer(scope.division, created.customerNumber),
    at,
    data: created,
  });
}
