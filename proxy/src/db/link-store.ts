import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, lt, max, or } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { type LinkAction, type LinkMethod, linkEvents, links } from "./schema";

export type LinkRow = typeof links.$inferSelect;
export type LinkEventRow = typeof linkEvents.$inferSelect;
type Scope = { tenantId: string; division: number };

const IDS_PER_STATEMENT = 400;
const inScope = (scope: Scope) => and(eq(links.tenantId, scope.tenantId), eq(links.division, scope.division));

export async function linkOfAccount(db: DbOrTx, scope: Scope, exactId: string) {
  const [row] = await db
    .select()
    .from(links)
    .where(and(inScope(scope), eq(links.exactId, exactId)));
  return row;
}

export async function linkOfCustomer(db: DbOrTx, scope: Scope, customerNumber: string) {
  const [row] = await db
    .select()
    .from(links)
    .where(and(inScope(scope), eq(links.customerNumber, customerNumber)));
  return row;
}

/** A page of the division's links by customer number, after `afterNumber` (an index range): for reading them in parts. */
export async function linksAfter(db: DbOrTx, scope: Scope, afterNumber: string, limit: number) {
  return db
    .select()
    .from(links)
    .where(and(inScope(scope), gt(links.customerNumber, afterNumber)))
    .orderBy(asc(links.customerNumber))
    .limit(limit);
}

/** The links of any of these customers or accounts. */
export async function linksTouching(
  db: DbOrTx,
  scope: Scope,
  touching: { customerNumbers: readonly string[]; exactIds: readonly string[] },
) {
  const rows = new Map<string, LinkRow>();
  const { customerNumbers, exactIds } = touching;
  for (let start = 0; start < Math.max(customerNumbers.length, exactIds.length); start += IDS_PER_STATEMENT) {
    const customers = customerNumbers.slice(start, start + IDS_PER_STATEMENT);
    const accounts = exactIds.slice(start, start + IDS_PER_STATEMENT);
    const found = await db
      .select()
      .from(links)
      .where(
        and(
          inScope(scope),
          or(
            customers.length > 0 ? inArray(links.customerNumber, customers) : undefined,
            accounts.length > 0 ? inArray(links.exactId, accounts) : undefined,
          ),
        ),
      );
    for (const row of found) rows.set(row.id, row);
  }
  return [...rows.values()];
}

export interface NewLink {
  customerNumber: string;
  exactId: string;
  method: LinkMethod;
  linkedBy: string;
  linkedAt: number;
}

/** Inserts the link; false when either side is already linked (the unique indexes decide, not a prior read). */
export async function insertLink(db: DbOrTx, scope: Scope, link: NewLink): Promise<LinkRow | undefined> {
  const [row] = await db
    .insert(links)
    .values({ id: randomUUID(), ...scope, ...link })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function deleteLink(db: DbOrTx, scope: Scope, linkId: string): Promise<boolean> {
  const deleted = await db
    .delete(links)
    .where(and(inScope(scope), eq(links.id, linkId)))
    .returning({ id: links.id });
  return deleted.length === 1;
}

export interface NewLinkEvent {
  action: LinkAction;
  customerNumber: string;
  exactId: string;
  method: string;
  actor: string;
  at: number;
  details?: Record<string, unknown>;
}

export async function appendLinkEvent(db: DbOrTx, scope: Scope, event: NewLinkEvent): Promise<void> {
  await db.insert(linkEvents).values({ ...scope, ...event, details: event.details ?? null });
}

/** The newest event id of the division: every link change writes one, so it versions the links. */
export async function lastLinkEventId(db: DbOrTx, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ id: max(linkEvents.id) })
    .from(linkEvents)
    .where(and(eq(linkEvents.tenantId, scope.tenantId), eq(linkEvents.division, scope.division)));
  return row?.id ?? 0;
}

export async function linkEventsAfter(db: DbOrTx, scope: Scope, afterId: number) {
  return db
    .select()
    .from(linkEvents)
    .where(
      and(
        eq(linkEvents.tenantId, scope.tenantId),
        eq(linkEvents.division, scope.division),
        gt(linkEvents.id, afterId),
      ),
    );
}

/** Events newest first, below `beforeId`. */
export async function listLinkEventRows(
  db: DbOrTx,
  scope: Scope,
  query: { beforeId?: number; customerNumber?: string; exactId?: string; limit: number },
) {
  return db
    .select()
    .from(linkEvents)
    .where(
      and(
        eq(linkEvents.tenantId, scope.tenantId),
        eq(linkEvents.division, scope.division),
        query.beforeId === undefined ? undefined : lt(linkEvents.id, query.beforeId),
        query.customerNumber === undefined ? undefined : eq(linkEvents.customerNumber, query.customerNumber),
        query.exactId === undefined ? undefined : eq(linkEvents.exactId, query.exactId),
      ),
    )
    .orderBy(desc(linkEvents.id))
    .limit(query.limit);
}
