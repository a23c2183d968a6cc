export interface CallRecord {
  seq: number;
  /** Simulator clock time of the request. */
  at: number;
  method: string;
  path: string;
  /** Normalised endpoint: `crm/Accounts`, `crm/Accounts(key)`, `current/Me`, `oauth2/token`, … */
  endpoint: string;
  division: number | null;
  clientId: string | null;
  /** HTTP status; 0 when the connection was dropped without an answer. */
  status: number;
  rateLimited: boolean;
  /** The injected fault that shaped this answer, if any. */
  fault?: string;
  /** For `oauth2/token`: `authorization_code` or `refresh_token`. */
  grantType?: string;
  /** For a PUT: the body as sent (parsed JSON, else the text), so that a test can see what it changed. */
  body?: unknown;
  /** A client error (4xx other than 429) the test asked for; see `CallLog.expectClientErrors`. */
  expected?: boolean;
}

export interface CallFilter {
  method?: string;
  endpoint?: string;
  division?: number;
  status?: number;
  clientId?: string;
  grantType?: string;
  /** `4xx`: every client error except 429, which is a rate limit, not an error Exact counts. [§6] */
  statusClass?: "4xx";
  /** Only client errors no test asked for. */
  unexpected?: boolean;
}

export interface CallSummary {
  total: number;
  byDivision: Record<string, number>;
  /** Keyed `METHOD endpoint`, e.g. `GET crm/Accounts`. */
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  clientErrors: number;
  serverErrors: number;
  dropped: number;
  tokenRequests: { authorization_code: number; refresh_token: number };
}

const MAX_ENTRIES = 200_000;

/**
 * Every API call the simulator answered (the control API is not logged), with running counters. Client errors
 * count toward Exact's error block [§6], so each one is either asked for by a test (`expectClientErrors`) or
 * "unexpected"; unexpected ones are also reported to `onUnexpectedClientError` (the test run's ledger).
 */
export class CallLog {
  #entries: CallRecord[] = [];
  #seq = 0;
  #summary: CallSummary = emptySummary();
  #expecting = 0;

  constructor(
    private readonly allExpected = false,
    private readonly onUnexpectedClientError?: (entry: CallRecord) => void,
  ) {}

  /** Client errors answered while `during` runs were asked for by the test (nesting and overlap allowed). */
  async expectClientErrors<T>(during: () => T | Promise<T>): Promise<T> {
    this.#expecting++;
    try {
      return await during();
    } finally {
      this.#expecting--;
    }
  }

  /** Client errors answered from now on were asked for (`false` ends it); for tests driving the HTTP control API. */
  setExpectingClientErrors(on: boolean): void {
    this.#expecting = on ? Math.max(1, this.#expecting + 1) : Math.max(0, this.#expecting - 1);
  }

  /** Client errors no test asked for: a correct client causes none. */
  unexpectedClientErrors(): CallRecord[] {
    return this.entries({ unexpected: true });
  }

  record(call: Omit<CallRecord, "seq">): CallRecord {
    const entry: CallRecord = { ...call, seq: ++this.#seq };
    if (isClientError(entry.status)) {
      entry.expected = this.allExpected || this.#expecting > 0;
      if (!entry.expected) this.onUnexpectedClientError?.(entry);
    }
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_ENTRIES);
    const s = this.#summary;
    s.total++;
    if (entry.division !== null) s.byDivision[entry.division] = (s.byDivision[entry.division] ?? 0) + 1;
    const key = `${entry.method} ${entry.endpoint}`;
    s.byEndpoint[key] = (s.byEndpoint[key] ?? 0) + 1;
    s.byStatus[entry.status] = (s.byStatus[entry.status] ?? 0) + 1;
    if (entry.rateLimited) s.rateLimited++;
    if (entry.status >= 400 && entry.status < 500) s.clientErrors++;
    if (entry.status >= 500) s.serverErrors++;
    if (entry.status === 0) s.dropped++;
    if (entry.grantType === "authorization_code" || entry.grantType === "refresh_token")
      s.tokenRequests[entry.grantType]++;
    return entry;
  }

  entries(filter: CallFilter = {}): CallRecord[] {
    return this.#entries.filter((e) => matches(e, filter));
  }

  count(filter: CallFilter = {}): number {
    return this.entries(filter).length;
  }

  summary(): CallSummary {
    return structuredClone(this.#summary);
  }

  reset(): void {
    this.#entries = [];
    this.#summary = emptySummary();
  }
}

function matches(entry: CallRecord, filter: CallFilter): boolean {
  return (
    (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
    (filter.endpoint === undefined || entry.endpoint === filter.endpoint) &&
    (filter.division === undefined || entry.division === filter.division) &&
    (filter.status === undefined || entry.status === filter.status) &&
    (filter.clientId === undefined || entry.clientId === filter.clientId) &&
    (filter.grantType === undefined || entry.grantType === filter.grantType) &&
    (filter.statusClass === undefined || isClientError(entry.status)) &&
    (filter.unexpected === undefined ||
      (isClientError(entry.status) && entry.expected === !filter.unexpected))
  );
}

function isClientError(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429;
}

function emptySummary(): CallSummary {
  return {
    total: 0,
    byDivision: {},
    byEndpoint: {},
    byStatus: {},
    rateLimited: 0,
    clientErrors: 0,
    serverErrors: 0,
    dropped: 0,
    tokenRequests: { authorization_code: 0, refresh_token: 0 },
  };
}

/** `/api/v1/123/crm/Accounts(guid'…')` → `crm/Accounts(key)`; `/api/oauth2/token` → `oauth2/token`. */
export function endpointOf(path: string): { endpoint: string; division: number | null } {
  const rest = path.replace(/^\/api\//, "");
  const v1 = /^v1\/(\d+)\/(.*)$/.exec(rest);
  const raw = v1 ? v1[2]! : rest.replace(/^v1\//, "");
  const endpoint = decodeURIComponentSafe(raw)
    .replace(/\([^)]*\)/g, "(key)")
    .replace(/\/+$/, "");
  return { endpoint, division: v1 ? Number(v1[1]) : null };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
