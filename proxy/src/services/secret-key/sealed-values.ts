import { and, eq, getTableColumns, isNotNull } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "../../db/client";
import { exactConnections, oauthStates, webhookEndpoints } from "../../db/schema";
import { accessContext, refreshContext } from "../../exact/token-manager";
import { pendingContext } from "../exact-connection/receive-consent";
import { secretContext } from "../webhooks/endpoint-secrets";

/** One value the proxy keeps encrypted: where it is, the context it is bound to, and its ciphertext. */
export interface SealedValue {
  /** What it is, for messages: `exact_token`, `pending_consent`, `webhook_secret`. */
  kind: "exact_token" | "pending_consent" | "webhook_secret";
  context: string;
  sealed: string;
  /** Replaces the ciphertext if it is still `sealed` (a refresh may have replaced it meanwhile); whether it did. */
  replace(db: DbOrTx, resealed: string): Promise<boolean>;
}

/** A column that holds encrypted values: its table, the row's key, and the context a value is sealed with. */
interface SealedColumn {
  kind: SealedValue["kind"];
  table: SQLiteTable;
  key: SQLiteColumn;
  column: SQLiteColumn;
  context(key: string): string;
}

const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    kind: "exact_token",
    table: exactConnections,
    key: exactConnections.id,
    column: exactConnections.accessTokenEnc,
    context: accessContext,
  },
  {
    kind: "exact_token",
    table: exactConnections,
    key: exactConnections.id,
    column: exactConnections.refreshTokenEnc,
    context: refreshContext,
  },
  {
    kind: "pending_consent",
    table: oauthStates,
    key: oauthStates.stateHash,
    column: oauthStates.pendingTokensEnc,
    context: pendingContext,
  },
  {
    kind: "webhook_secret",
    table: webhookEndpoints,
    key: webhookEndpoints.id,
    column: webhookEndpoints.secretEnc,
    context: secretContext,
  },
  {
    kind: "webhook_secret",
    table: webhookEndpoints,
    key: webhookEndpoints.id,
    column: webhookEndpoints.previousSecretEnc,
    context: secretContext,
  },
];

/** The column's property name in its table, as an update's `set` names it. */
const fieldOf = ({ table, column }: SealedColumn) =>
  Object.entries(getTableColumns(table)).find(([, candidate]) => candidate === column)![0];

/** The encrypted values of one column, at most `limit` (-1: all), each replaceable only while unchanged. */
async function valuesOf(db: DbOrTx, sealed: SealedColumn, limit: number): Promise<SealedValue[]> {
  const field = fieldOf(sealed);
  const rows = await db
    .select({ key: sealed.key, value: sealed.column })
    .from(sealed.table)
    .where(isNotNull(sealed.column))
    .limit(limit);
  return rows.map(({ key, value }) => ({
    kind: sealed.kind,
    context: sealed.context(String(key)),
    sealed: String(value),
    replace: async (tx, resealed) => {
      const result = await tx
        .update(sealed.table)
        .set({ [field]: resealed })
        .where(and(eq(sealed.key, key), eq(sealed.column, value)));
      return result.rowsAffected > 0;
    },
  }));
}

/**
 * Every encrypted value in the database: Exact tokens, tokens of a consent awaiting confirmation, webhook secrets;
 * with `limit`, at most that many of each column.
 */
export async function sealedValues(db: DbOrTx, options: { limit?: number } = {}): Promise<SealedValue[]> {
  const values: SealedValue[] = [];
  for (const sealed of SEALED_COLUMNS) values.push(...(await valuesOf(db, sealed, options.limit ?? -1)));
  return values;
}
