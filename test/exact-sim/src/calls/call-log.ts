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
}

export interface CallFilter {
  method?: string;
  endpoint?: string;
  division?: number;
  status?: number;
  clientId?: string;
  grantType?: string;
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

/** Every API call the simulator answered (the control API is not logged), with running counters. */
export class CallLog {
  #entries: CallRecord[] = [];
  #seq = 0;
  #summary: CallSummary = emptySummary();

  record(call: Omit<CallRecord, "seq">): CallRecord {
    const entry: CallRecord = { ...call, seq: ++this.#seq };
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
    (filter.grantType === undefined || entry.grantType === filter.grantType)
  );
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
