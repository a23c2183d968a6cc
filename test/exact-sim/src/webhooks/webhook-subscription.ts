/** A webhook subscription: per app and division; other apps' subscriptions are invisible [exact-online-api.md §7]. */
export interface WebhookSubscription {
  ID: string;
  CallbackURL: string;
  Topic: string;
  ClientID: string;
  Division: number;
  UserID: string;
  Description: string | null;
  IsInstant: boolean;
  Created: number;
  /** Public origin the subscription was made through, for `ExactOnlineEndpoint` links. */
  origin: string;
  /** Whether the callback answered the empty validation POST with 2xx. */
  validated: boolean;
}

/** Topics Exact documents for webhooks (the full list comes from webhooks/WebhookTopics, UNCONFIRMED). */
export const WEBHOOK_TOPICS = [
  "Accounts",
  "BankAccounts",
  "Contacts",
  "CostTransactions",
  "Documents",
  "FinancialTransactions",
  "GoodsDeliveries",
  "Items",
  "Projects",
  "PurchaseOrders",
  "Quotations",
  "SalesInvoices",
  "SalesOrders",
  "StockPositions",
  "TimeTransactions",
] as const;
