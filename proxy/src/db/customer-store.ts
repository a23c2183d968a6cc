import { and, asc, eq, gt, gte, inArray, max, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "./client";
import { readInChunks } from "./in-chunks";
import { zapfloorCustomers } from "./schema";

export type CustomerRow = typeof zapfloorCustomers.$inferSelect;
export type CustomerInsert = typeof zapfloorCustomers.$inferInsert;

export async function readCustomer(db: DbOrTx, tenantId: string, number: string) {
  const [row] = await db
    .select()
    .from(zapfloorCustomers)
    .where(and(eq(zapfloorCustomers.tenantId, tenantId), eq(zapfloorCustomers.number, number)));
  return row;
}

export function readCustomers(db: DbOrTx, tenantId: string, numbers: readonly string[]) {
  return customersWhereIn(db, tenantId, zapfloorCustomers.number, numbers);
}

/** The tenant's customers whose `column` is one of `values`. */
function customersWhereIn(
  db: DbOrTx,
  tenantId: string,
  column: SQLiteColumn,
  values: readonly string[],
): Promise<CustomerRow[]> {
  return readInChunks(values, (chunk) =>
    db
      .select()
      .from(zapfloorCustomers)
      .where(and(eq(zapfloorCustomers.tenantId, tenantId), inArray(column, chunk))),
  );
}

/** Inserts or replaces a customer; `createdAt` of an existing one is kept. */
export async function writeCustomer(db: DbOrTx, row: CustomerInsert): Promise<void> {
  const { tenantId: _tenant, number: _number, createdAt: _created, ...changes } = row;
  await db
    .insert(zapfloorCustomers)
    .values(row)
    .onConflictDoUpdate({ target: [zapfloorCustomers.tenantId, zapfloorCustomers.number], set: changes });
}

/** A page of the tenant's customers by number, after `afterNumber` (the primary key's range): for reading them in parts. */
export async function customersAfter(db: DbOrTx, tenantId: string, afterNumber: string, limit: number) {
  return db
    .select()
    .from(zapfloorCustomers)
    .where(and(eq(zapfloorCustomers.tenantId, tenantId), gt(zapfloorCustomers.number, afterNumber)))
    .orderBy(asc(zapfloorCustomers.number))
    .limit(limit);
}

/** The latest change to the tenant's customers: one index seek. */
export async function lastCustomerChange(db: DbOrTx, tenantId: string): Promise<number | null> {
  const [row] = await db
    .select({ at: max(zapfloorCustomers.updatedAt) })
    .from(zapfloorCustomers)
    .where(eq(zapfloorCustomers.tenantId, tenantId));
  return row?.at ?? null;
}

export async function customersChangedSince(db: DbOrTx, tenantId: string, since: number) {
  return db
    .select()
    .from(zapfloorCustomers)
    .where(and(eq(zapfloorCustomers.tenantId, tenantId), gte(zapfloorCustomers.updatedAt, since)));
}

export interface CustomerSearch {
  tenantId: string;
  /** Upper-cased search text, or undefined for everyone. */
  text?: string;
  /** Its name form (lower case, no accents or legal forms), for the name key. */
  nameText?: string;
  after?: { nameKey: string; number: string };
  limit: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Customers whose number, name or VAT number contains the text, by name then number. */
export async function searchCustomerRows(db: DbOrTx, search: CustomerSearch) {
  const filters = [eq(zapfloorCustomers.tenantId, search.tenantId)];
  if (search.text) {
    const text = `%${escapeLike(search.text)}%`;
    const matches: SQL[] = [
      sql`upper(${zapfloorCustomers.number}) like ${text} escape '\\'`,
      sql`upper(${zapfloorCustomers.name}) like ${text} escape '\\'`,
    ];
    const vatText = search.text.replace(/[^A-Z0-9]/g, "");
    if (vatText.length >= 2) {
      matches.push(sql`${zapfloorCustomers.vatKey} like ${`%${escapeLike(vatText)}%`} escape '\\'`);
    }
    if (search.nameText) {
      matches.push(sql`${zapfloorCustomers.nameKey} like ${`%${escapeLike(search.nameText)}%`} escape '\\'`);
    }
    filters.push(or(...matches)!);
  }
  if (search.after) {
    filters.push(
      or(
        gt(zapfloorCustomers.nameKey, search.after.nameKey),
        and(
          eq(zapfloorCustomers.nameKey, search.after.nameKey),
          gt(zapfloorCustomers.number, search.after.number),
        ),
      )!,
    );
  }
  return db
    .select()
    .from(zapfloorCustomers)
    .where(and(...filters))
    .orderBy(asc(zapfloorCustomers.nameKey), asc(zapfloorCustomers.number))
    .limit(search.limit);
}

export interface CustomerKeys {
  /** `codeMatchKey`s of an account's Code and SearchCode, compared with the customers' number keys. */
  numberKeys: readonly string[];
  vatKeys: readonly string[];
  companyNumberKeys: readonly string[];
  /** `normaliseName` of the account's name: customers of exactly that name. */
  nameKey?: string;
}

/**
 * For each of several Exact accounts' keys, the tenant's customers sharing a key with that account, in the order
 * seeks for that account alone find them (by number key, VAT, company number, then name; by key within each):
 * one statement per kind of key for all the accounts together, a seek per key in that kind's index.
 */
export async function customersSharingKeysOfEach(
  db: DbOrTx,
  tenantId: string,
  keysOfEach: readonly CustomerKeys[],
): Promise<CustomerRow[][]> {
  const kinds = [
    { field: "numberKey", of: (keys: CustomerKeys) => keys.numberKeys },
    { field: "vatKey", of: (keys: CustomerKeys) => keys.vatKeys },
    { field: "companyNumberKey", of: (keys: CustomerKeys) => keys.companyNumberKeys },
    { field: "nameKey", of: (keys: CustomerKeys) => (keys.nameKey ? [keys.nameKey] : []) },
  ] as const;
  const found = await Promise.all(
    kinds.map(({ field, of }) =>
      customersWhereIn(db, tenantId, zapfloorCustomers[field], [...new Set(keysOfEach.flatMap(of))].sort()),
    ),
  );
  return keysOfEach.map((keys) => {
    const byNumber = new Map<string, CustomerRow>();
    kinds.forEach(({ field, of }, kind) => {
      const wanted = new Set<string | null>(of(keys));
      for (const row of found[kind]!) if (wanted.has(row[field])) byNumber.set(row.number, row);
    });
    return [...byNumber.values()];
  });
}
