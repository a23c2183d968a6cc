import type { GoLiveReview } from "@zapfloor-exact/shared/schemas/go-live";
import { type Browser, browser } from "#imports";
import type { Messages } from "../i18n/format";
import type { Locale } from "../i18n/locale";
import type { ApiResult } from "./api-result";
import type { ProxyHealth, ProxySettings } from "./proxy-client";
import type {
  AcceptSuggestionsResult,
  AccountDetail,
  AccountInvoicesView,
  AccountsQuery,
  Attention,
  BookingSettings,
  BookingSettingsInput,
  CustomerSearch,
  DivisionSummary,
  ExactConnectionState,
  FailedPush,
  FailedPushesPage,
  LinkResult,
  OverviewPage,
  ReferenceData,
  SyncState,
} from "./proxy-types";

/** One Exact account in one division, as the panel and the overview name it. */
export interface AccountRef {
  division: number;
  accountId: string;
}

/** A change to an account for a customer; `accountModified` as shown, so a change made in Exact since is refused. */
export interface AccountChange extends AccountRef {
  customerNumber: string;
  accountModified?: string | null;
}

/** Every message the extension's pages and content scripts send to the background worker. */
export interface ProtocolMap {
  /** Health of the proxy named in the saved settings, the token included. */
  getProxyHealth(): ProxyHealth;
  /** Health of a proxy the options page has not saved yet. */
  testProxyConnection(settings: ProxySettings): ProxyHealth;
  /** One language's messages, for the content script, which does not carry every language itself. */
  getMessages(data: { locale: Locale }): Messages;
  /** Content scripts cannot open the options page themselves. */
  openOptionsPage(): void;
  /** Opens the Accounts Overview in a tab, on a division when one is given. */
  openOverview(data: { division?: number }): void;
  /** Opens the options page on a division's booking settings. */
  openBookingSettings(data: { division: number }): void;
  /** Exchanges a pairing code at the proxy for a bookkeeper token, and saves the proxy URL and that token. */
  pairWithCode(data: { url: string; code: string }): ApiResult<{ tenantName: string }>;
  getExactConnection(): ApiResult<ExactConnectionState>;
  listDivisions(): ApiResult<DivisionSummary[]>;
  /** Starts Exact's OAuth consent in a new tab; the proxy's pages on the way speak `lang`. */
  connectExact(data: { host: string; lang: Locale }): ApiResult<null>;
  getAccount(account: AccountRef): ApiResult<AccountDetail>;
  /** The proxy's last answer about the account, kept in the extension; null when there is none for these settings. */
  getCachedAccount(account: AccountRef): { detail: AccountDetail; savedAt: number } | null;
  /** Links; an empty SearchCode gets the zapfloor number (`searchCodeResult` says what was done). */
  linkAccount(data: AccountChange): ApiResult<LinkResult>;
  /** Makes the account a customer and links, its empty SearchCode set in the same change. */
  promoteAndLinkAccount(data: AccountChange): ApiResult<LinkResult>;
  /** Puts the customer's VAT number on the Exact account (the candidate's `fix`), then links. */
  addVatAndLinkAccount(data: AccountChange): ApiResult<AccountDetail>;
  unlinkAccount(account: AccountRef): ApiResult<AccountDetail>;
  searchCustomers(data: { q: string; division?: number; cursor?: string }): ApiResult<CustomerSearch>;
  listAccounts(query: AccountsQuery): ApiResult<OverviewPage>;
  listFailedPushes(data: { division: number; cursor?: string }): ApiResult<FailedPushesPage>;
  acceptSuggestions(data: {
    division: number;
    dryRun: boolean;
    exactIds?: string[];
  }): ApiResult<AcceptSuggestionsResult>;
  /** The account's open problems and its customer's latest invoices. */
  getAccountInvoices(account: AccountRef): ApiResult<AccountInvoicesView>;
  getBookingSettings(data: { division: number }): ApiResult<BookingSettings>;
  saveBookingSettings(data: { division: number; settings: BookingSettingsInput }): ApiResult<BookingSettings>;
  /** The division's journals, GL accounts and VAT codes; `refresh` reads them from Exact again. */
  getReferenceData(data: { division: number; refresh: boolean }): ApiResult<ReferenceData>;
  /** What match-or-create would do for every zapfloor customer in the division, before it goes live. */
  getGoLiveReview(data: { division: number }): ApiResult<GoLiveReview>;
  /** Opens the go-live review of a division in a tab. */
  openGoLiveReview(data: { division: number }): void;
  /** What needs a bookkeeper in the division; also refreshes the toolbar badge. */
  getAttention(data: { division: number }): ApiResult<Attention>;
  retryPush(data: { division: number; invoiceNumber: string }): ApiResult<FailedPush>;
  /** Starts loading (or syncing) a division's accounts. */
  loadDivision(data: { division: number }): ApiResult<SyncState>;
  getSyncState(data: { division: number }): ApiResult<SyncState>;
  /** Counts the open problems of every division again and shows them on the toolbar icon. */
  refreshBadge(): ApiResult<number>;
}

export type MessageType = keyof ProtocolMap;
type DataOf<K extends MessageType> = Parameters<ProtocolMap[K]> extends [infer Data] ? Data : undefined;
type ResultOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

export type MessageHandlers = {
  [K in MessageType]: (
    data: DataOf<K>,
    sender: Browser.runtime.MessageSender,
  ) => ResultOf<K> | Promise<ResultOf<K>>;
};

const CHANNEL = "zapfloor-exact";

interface Envelope {
  channel: typeof CHANNEL;
  type: MessageType;
  data: unknown;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export async function sendMessage<K extends MessageType>(
  type: K,
  ...data: DataOf<K> extends undefined ? [] : [DataOf<K>]
): Promise<ResultOf<K>> {
  const envelope: Envelope = { channel: CHANNEL, type, data: data[0] };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply | undefined;
  if (reply === undefined) throw new Error(`Nothing answered "${type}".`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResultOf<K>;
}

/**
 * The `runtime.onMessage` listener that answers every message of the map. It replies through
 * `sendResponse` and returns true, which every browser supports (returning a promise does not work
 * in every Chrome version).
 */
export function createMessageListener(handlers: MessageHandlers) {
  return (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: Reply) => void) => {
    if (!isEnvelope(message, handlers)) return false;
    const handle = handlers[message.type] as (
      data: unknown,
      sender: Browser.runtime.MessageSender,
    ) => unknown;
    Promise.resolve()
      .then(() => handle(message.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) =>
          sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  };
}

/** Registers the handlers in the background worker; returns the function that removes them. */
export function onMessages(handlers: MessageHandlers): () => void {
  const listener = createMessageListener(handlers);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

function isEnvelope(message: unknown, handlers: MessageHandlers): message is Envelope {
  if (typeof message !== "object" || message === null) return false;
  const { channel, type } = message as Partial<Envelope>;
  return channel === CHANNEL && typeof type === "string" && Object.hasOwn(handlers, type);
}
