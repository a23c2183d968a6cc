import { catalogOf } from "../i18n/translate";
import { type ApiResult, failed, succeeded } from "../utils/api-result";
import type { AccountRef, MessageHandlers } from "../utils/messaging";
import {
  checkProxyHealth,
  clientFor,
  createProxyClient,
  type ProxyClient,
  type ProxySettings,
} from "../utils/proxy-client";
import type { AccountDetail, LinkResult } from "../utils/proxy-types";
import { checkProxyUrl } from "../utils/proxy-url";
import type { AccountCache } from "./account-cache";

export interface BackgroundDeps {
  loadSettings(): Promise<ProxySettings>;
  saveSettings(settings: ProxySettings): Promise<void>;
  hasOriginPermission(origin: string): Promise<boolean>;
  openOptionsPage(): Promise<void>;
  /** Opens a URL (an extension page or Exact's consent page) in a new tab. */
  openTab(url: string): Promise<void>;
  /** The full URL of one of the extension's own pages, e.g. `/overview.html`. */
  extensionUrl(path: string): string;
  fetch: typeof fetch;
  /** Shows the number of open problems on the toolbar icon; 0 clears it. */
  setBadge(count: number): Promise<void>;
  /** The panel's last answer per account. */
  accountCache: AccountCache;
  /** Changes with every save of the proxy settings: what a cached answer belongs to. */
  settingsRevision(): Promise<number>;
}

/** A call longer than this is reported as unreachable rather than left spinning. */
const PROXY_TIMEOUT_MS = 8000;
/** Accepting suggestions links up to 500 accounts in one transaction; it may take longer. */
const BULK_TIMEOUT_MS = 60_000;
/** Reading a division's reference data from Exact pages through its GL accounts. */
const EXACT_READ_TIMEOUT_MS = 30_000;

export function createMessageHandlers(deps: BackgroundDeps): MessageHandlers {
  const clientDeps = { fetch: deps.fetch, timeoutMs: PROXY_TIMEOUT_MS };
  const withClient = async <T>(
    use: (client: ProxyClient) => Promise<ApiResult<T>>,
    timeoutMs = PROXY_TIMEOUT_MS,
  ): Promise<ApiResult<T>> => {
    const client = await clientFor(await deps.loadSettings(), deps.hasOriginPermission, {
      ...clientDeps,
      timeoutMs,
    });
    return client.ok ? use(client.value) : client;
  };

  /** Asks the proxy about an account and keeps a good answer for the panel's next paint of it. */
  const aboutAccount = async <T extends AccountDetail | LinkResult>(
    ref: AccountRef,
    use: (client: ProxyClient) => Promise<ApiResult<T>>,
  ): Promise<ApiResult<T>> => {
    const revision = await deps.settingsRevision();
    const result = await withClient(use);
    if (result.ok) {
      const { searchCodeResult: _, ...detail } = result.value as LinkResult;
      // Not waited for: the answer goes to the panel at once.
      void deps.accountCache.put(ref, revision, detail).catch(() => undefined);
    }
    return result;
  };

  const countProblems = () =>
    withClient(async (client) => {
      const divisions = await client.divisions();
      if (!divisions.ok) return divisions;
      let problems = 0;
      for (const { division } of divisions.value) {
        const attention = await client.attention(division);
        if (attention.ok) problems += attention.value.counts.problems;
      }
      await deps.setBadge(problems);
      return { ok: true as const, value: problems };
    });

  return {
    getProxyHealth: async () =>
      checkProxyHealth(await deps.loadSettings(), deps.hasOriginPermission, clientDeps),
    testProxyConnection: (settings) => checkProxyHealth(settings, deps.hasOriginPermission, clientDeps),
    getMessages: ({ locale }) => catalogOf(locale),
    openOptionsPage: () => deps.openOptionsPage(),
    openOverview: ({ division }) =>
      deps.openTab(deps.extensionUrl(division ? `/overview.html?division=${division}` : "/overview.html")),
    openBookingSettings: ({ division }) =>
      deps.openTab(deps.extensionUrl(`/options.html?division=${division}`)),
    // The token goes from the proxy's answer straight into the settings; the page only learns whose it is.
    pairWithCode: async ({ url, code }) => {
      const checked = checkProxyUrl(url);
      if (!checked.ok) return failed({ kind: "not_configured" });
      if (!(await deps.hasOriginPermission(checked.origin))) {
        return failed({ kind: "permission_missing", origin: checked.origin });
      }
      const paired = await createProxyClient(checked.baseUrl, "", clientDeps).pair(code);
      if (!paired.ok) return paired;
      await deps.saveSettings({ url: checked.baseUrl, token: paired.value.token });
      return succeeded({ tenantName: paired.value.tenantName });
    },
    getExactConnection: () => withClient((client) => client.connection()),
    listDivisions: () => withClient((client) => client.divisions()),
    // No returnTo: Exact's redirect cannot land on an extension page (they are not web-accessible); the
    // proxy's own page confirms, and the options page reloads the connection when it gets focus again.
    connectExact: ({ host, lang }) =>
      withClient(async (client) => {
        const url = await client.connectUrl(host, { lang });
        if (!url.ok) return url;
        await deps.openTab(url.value);
        return { ok: true, value: null };
      }),
    getAccount: (ref) => aboutAccount(ref, (client) => client.account(ref.division, ref.accountId)),
    getCachedAccount: async (ref) =>
      deps.accountCache.get(ref, await deps.settingsRevision()).catch(() => null),
    linkAccount: ({ division, accountId, customerNumber, accountModified }) =>
      aboutAccount({ division, accountId }, (client) =>
        client.link(division, accountId, customerNumber, accountModified),
      ),
    promoteAndLinkAccount: ({ division, accountId, customerNumber, accountModified }) =>
      aboutAccount({ division, accountId }, (client) =>
        client.promoteAndLink(division, accountId, customerNumber, accountModified),
      ),
    addVatAndLinkAccount: ({ division, accountId, customerNumber, accountModified }) =>
      aboutAccount({ division, accountId }, (client) =>
        client.addVatAndLink(division, accountId, customerNumber, accountModified),
      ),
    unlinkAccount: ({ division, accountId }) =>
      aboutAccount({ division, accountId }, (client) => client.unlink(division, accountId)),
    searchCustomers: (query) => withClient((client) => client.searchCustomers(query)),
    listAccounts: (query) => withClient((client) => client.accounts(query)),
    listFailedPushes: ({ division, cursor }) => withClient((client) => client.failedPushes(division, cursor)),
    acceptSuggestions: ({ division, ...request }) =>
      withClient((client) => client.acceptSuggestions(division, request), BULK_TIMEOUT_MS),
    getAccountInvoices: ({ division, accountId }) =>
      withClient((client) => client.accountInvoices(division, accountId)),
    getBookingSettings: ({ division }) => withClient((client) => client.bookingSettings(division)),
    saveBookingSettings: ({ division, settings }) =>
      withClient((client) => client.saveBookingSettings(division, settings), EXACT_READ_TIMEOUT_MS),
    getReferenceData: ({ division, refresh }) =>
      withClient((client) => client.referenceData(division, refresh), EXACT_READ_TIMEOUT_MS),
    getGoLiveReview: ({ division }) =>
      withClient((client) => client.goLiveReview(division), EXACT_READ_TIMEOUT_MS),
    openGoLiveReview: ({ division }) => deps.openTab(deps.extensionUrl(`/go-live.html?division=${division}`)),
    getAttention: async ({ division }) => {
      const result = await withClient((client) => client.attention(division));
      void countProblems().catch(() => undefined);
      return result;
    },
    retryPush: async ({ division, invoiceNumber }) => {
      const result = await withClient((client) => client.retryPush(division, invoiceNumber));
      void countProblems().catch(() => undefined);
      return result;
    },
    loadDivision: ({ division }) => withClient((client) => client.startSync(division)),
    getSyncState: ({ division }) => withClient((client) => client.syncState(division)),
    refreshBadge: () => countProblems(),
  };
}
