import { accountsEndpoint } from "../entities/accounts/accounts-endpoint";
import { bulkAccountsEndpoint } from "../entities/accounts/bulk-accounts-endpoint";
import { syncAccountsEndpoint } from "../entities/accounts/sync-accounts-endpoint";
import { deletedEndpoint } from "../entities/deleted/deleted-endpoint";
import { syncTimestampEndpoint } from "../entities/sync-timestamp/sync-timestamp-endpoint";
import { divisionsEndpoint } from "../entities/system/divisions-endpoint";
import { glAccountsEndpoint } from "../financial/gl-accounts/gl-accounts-endpoint";
import { journalsEndpoint } from "../financial/journals/journals-endpoint";
import { cashflowReceivablesEndpoint } from "../financial/receivables/cashflow-receivables-endpoint";
import { receivablesEndpoint } from "../financial/receivables/receivables-endpoint";
import {
  salesEntriesEndpoint,
  salesEntryLinesEndpoint,
} from "../financial/sales-entries/sales-entries-endpoint";
import { vatCodesEndpoint } from "../financial/vat-codes/vat-codes-endpoint";
import { webhookSubscriptionsEndpoint } from "../webhooks/webhook-subscriptions-endpoint";
import type { EntityEndpoint } from "./entity-endpoint";

const ENDPOINTS: readonly EntityEndpoint[] = [
  accountsEndpoint,
  bulkAccountsEndpoint,
  syncAccountsEndpoint,
  deletedEndpoint,
  syncTimestampEndpoint,
  divisionsEndpoint,
  webhookSubscriptionsEndpoint,
  journalsEndpoint,
  glAccountsEndpoint,
  vatCodesEndpoint,
  salesEntriesEndpoint,
  salesEntryLinesEndpoint,
  receivablesEndpoint,
  cashflowReceivablesEndpoint,
];

const BY_PATH = new Map(ENDPOINTS.map((e) => [e.entitySet.toLowerCase(), e]));

/** Entity sets are matched case-insensitively, as IIS routes them. */
export function findEndpoint(entitySet: string): EntityEndpoint | undefined {
  return BY_PATH.get(entitySet.toLowerCase());
}
