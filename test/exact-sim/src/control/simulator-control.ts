import type { CallFilter, CallRecord, CallSummary } from "../calls/call-log";
import type { ControllableClock } from "../clock/accelerated-clock";
import { ACCOUNT_READ_ONLY } from "../entities/accounts/account-fields";
import type { AccountRecord } from "../entities/accounts/account-record";
import { createAccount, deleteAccount, updateAccount } from "../entities/accounts/account-service";
import type { ActiveFault, FaultRule } from "../faults/fault-rules";
import { fromCents, toCents } from "../financial/money";
import type { SalesEntryRecord } from "../financial/sales-entries/sales-entry-record";
import type { ErrorBudgetEntry } from "../limits/error-budget";
import type { TokenPair } from "../oauth/token-store";
import { readEntityInput } from "../odata/entity-input";
import { renderRow } from "../odata/render";
import type { ConsentBehaviour, DivisionSeed, SeedOptions } from "../options";
import type { SimRuntime } from "../runtime";
import { addGeneratedDivision, seedState } from "../seed/seed-state";
import type { DivisionData } from "../state/division";
import { formatAmsterdamIso } from "../util/amsterdam-time";
import type { WebhookDelivery } from "../webhooks/webhook-dispatcher";
import type { WebhookSubscription } from "../webhooks/webhook-subscription";

export interface GrantView {
  grantId: string;
  clientId: string;
  divisions: number[];
  revoked: boolean;
  lastAccessIssuedAt: number;
  accessTokens: { token: string; issuedAt: number; expiresAt: number; expired: boolean }[];
  refreshTokens: { token: string; issuedAt: number; expiresAt: number; state: string; usedAt?: number }[];
}

export interface DivisionSummary {
  code: number;
  name: string;
  host: string;
  country: string;
  accounts: number;
  lastTimestamp: number;
}

/**
 * Test-side operations on the simulator, shared by `sim.control` and the HTTP control API under `/__sim/`.
 * They bypass authentication, rate limits and the call log; account changes still get new Timestamps, appear in
 * sync/Deleted and fire webhooks.
 */
export class SimulatorControl {
  constructor(
    private readonly runtime: SimRuntime,
    private readonly clock: ControllableClock,
    private readonly initialSeed: SeedOptions,
  ) {}

  /** Back to a fresh simulator: data reseeded, tokens, calls, faults, limits, webhooks and consent reset. */
  reset(seed: SeedOptions = this.initialSeed): void {
    const r = this.runtime;
    r.tokens.clear();
    r.calls.reset();
    r.faults.clear();
    r.limiter.reset();
    r.limiter.limits = { minutely: r.options.rateLimits.minutely, daily: r.options.rateLimits.daily };
    r.errorBudget.reset();
    r.consent.behaviour = r.options.consent;
    seedState(r, seed);
  }

  /** Replaces the division data only (tokens and counters stay). */
  seed(seed: SeedOptions): DivisionSummary[] {
    seedState(this.runtime, seed);
    return this.divisions();
  }

  addDivision(seed: DivisionSeed, prngSeed = this.initialSeed.seed): DivisionSummary {
    const division = addGeneratedDivision(this.runtime, prngSeed, seed);
    return summarize(division);
  }

  divisions(): DivisionSummary[] {
    return [...this.runtime.state.divisions.values()].map(summarize);
  }

  setCurrentDivision(code: number): void {
    this.runtime.state.requireDivision(code);
    this.runtime.state.currentDivision = code;
  }

  // ── calls ──
  /** Client errors answered from now on are asked for by the test (`false` ends that). */
  expectClientErrors(on: boolean): void {
    this.runtime.calls.setExpectingClientErrors(on);
  }

  calls(filter?: CallFilter): CallRecord[] {
    return this.runtime.calls.entries(filter);
  }

  callSummary(): CallSummary {
    return this.runtime.calls.summary();
  }

  resetCalls(): void {
    this.runtime.calls.reset();
  }

  errorBudget(): ErrorBudgetEntry[] {
    return this.runtime.errorBudget.entries();
  }

  // ── clock ──
  now(): number {
    return this.clock.now();
  }

  advanceClock(ms: number): number {
    this.clock.advance(ms);
    return this.clock.now();
  }

  setClock(epochMs: number): number {
    this.clock.set(epochMs);
    return this.clock.now();
  }

  // ── faults ──
  addFault(rule: FaultRule): ActiveFault {
    return this.runtime.faults.add(rule);
  }

  removeFault(id: string): boolean {
    return this.runtime.faults.remove(id);
  }

  clearFaults(): void {
    this.runtime.faults.clear();
  }

  faults(): ActiveFault[] {
    return this.runtime.faults.list();
  }

  // ── rate limits ──
  setRateLimits(limits: { minutely?: number; daily?: number }): void {
    const current = this.runtime.limiter.limits;
    this.runtime.limiter.limits = {
      minutely: limits.minutely ?? current.minutely,
      daily: limits.daily ?? current.daily,
    };
  }

  resetRateLimits(): void {
    this.runtime.limiter.reset();
    this.runtime.errorBudget.reset();
  }

  rateLimitUsage(clientId: string, division: number): { minutely: number; daily: number } {
    return this.runtime.limiter.usage(clientId, division);
  }

  // ── accounts ──
  accounts(division: number): AccountRecord[] {
    return [...this.#division(division).accounts.byKey()];
  }

  account(division: number, id: string): AccountRecord | undefined {
    return this.#division(division).accounts.get(id);
  }

  /** Creates an account from Exact-shaped JSON (`{"Name":…,"Code":"25","VATNumber":…}`), as a POST would. */
  insertAccount(division: number, fields: Record<string, unknown>): AccountRecord {
    const input = readEntityInput(fields, this.runtime.schemas.account, ACCOUNT_READ_ONLY);
    return createAccount(this.runtime.ctx, this.#division(division), input);
  }

  /** Changes an account as a PUT would, except that re-sending its own Code is allowed. */
  updateAccount(division: number, id: string, fields: Record<string, unknown>): AccountRecord {
    const data = this.#division(division);
    const input = new Map(readEntityInput(fields, this.runtime.schemas.account, ACCOUNT_READ_ONLY));
    const current = data.accounts.get(id);
    if (
      current &&
      typeof input.get("Code") === "string" &&
      (input.get("Code") as string).trim() === current.Code.trim()
    ) {
      input.delete("Code");
    }
    return updateAccount(this.runtime.ctx, data, id, input);
  }

  deleteAccount(division: number, id: string): void {
    const data = this.#division(division);
    deleteAccount(this.runtime.ctx, data, id, (a) => data.accountUsedIn(a.ID));
  }

  /** An account as the REST API would render it (all properties, Exact's wire format). */
  renderAccount(
    account: AccountRecord,
    origin = this.runtime.options.baseUrl ?? "http://localhost",
  ): Record<string, unknown> {
    return renderRow(
      account,
      {
        schema: this.runtime.schemas.account,
        uriOf: (a) => `${origin}/api/v1/${a.Division}/crm/Accounts(guid'${a.ID}')`,
      },
      { int64AsString: this.runtime.options.odata.int64AsString },
    );
  }

  // ── sales entries ──
  salesEntries(division: number): SalesEntrySummary[] {
    return [...this.#division(division).financial.salesEntriesByKey()].map(summarizeEntry);
  }

  /** Archives (`status` other than 1) or blocks (`blockingStatus` other than 0) a division, or brings it back. */
  setDivisionStatus(division: number, change: { status?: number; blockingStatus?: number }): void {
    const data = this.runtime.state.requireDivision(division);
    if (change.status !== undefined) data.status = change.status;
    if (change.blockingStatus !== undefined) data.blockingStatus = change.blockingStatus;
  }

  /** Marks an entry (by EntryID or YourRef) paid, fully or for `amount`; it then leaves the receivables list. */
  markSalesEntryPaid(division: number, entryIdOrYourRef: string, amount?: number): SalesEntrySummary {
    const entry = this.#salesEntry(division, entryIdOrYourRef);
    entry.paidAmountFC = amount ?? entry.AmountFC;
    return summarizeEntry(entry);
  }

  /**
   * Undoes the payment (a match undone, a payment reversed): the same receivable reads `IsFullyPaid` false again,
   * its state being what the reference describes (UNCONFIRMED by a recording; see docs/exact-online.md, Paid state).
   */
  markSalesEntryUnpaid(division: number, entryIdOrYourRef: string): SalesEntrySummary {
    const entry = this.#salesEntry(division, entryIdOrYourRef);
    entry.paidAmountFC = 0;
    return summarizeEntry(entry);
  }

  // ── OAuth ──
  setConsent(behaviour: ConsentBehaviour): void {
    this.runtime.consent.behaviour = behaviour;
  }

  consent(): ConsentBehaviour {
    return this.runtime.consent.behaviour;
  }

  /** Tokens without the authorize/code round trip (not logged as a token call). */
  issueTokens(input: { clientId?: string; divisions?: number[] } = {}): TokenPair {
    const r = this.runtime;
    const clientId = input.clientId ?? r.options.apps[0]!.clientId;
    const divisions = input.divisions ?? [...r.state.divisions.keys()];
    const redirectUri = "urn:exact-sim:direct";
    const code = r.tokens.issueCode({ clientId, redirectUri, userId: r.ctx.user.id, divisions });
    return r.tokens.exchangeCode(clientId, code, redirectUri);
  }

  grants(): GrantView[] {
    const { tokens } = this.runtime;
    const now = this.clock.now();
    return [...tokens.grants.values()].map((grant) => ({
      grantId: grant.id,
      clientId: grant.clientId,
      divisions: [...grant.divisions],
      revoked: grant.revoked,
      lastAccessIssuedAt: grant.lastAccessIssuedAt,
      accessTokens: [...tokens.accessTokens.values()]
        .filter((a) => a.grantId === grant.id)
        .map((a) => ({
          token: a.token,
          issuedAt: a.issuedAt,
          expiresAt: a.expiresAt,
          expired: a.expiresAt <= now,
        })),
      refreshTokens: [...tokens.refreshTokens.values()]
        .filter((t) => t.grantId === grant.id)
        .map((t) => ({
          token: t.token,
          issuedAt: t.issuedAt,
          expiresAt: t.expiresAt,
          state: t.state,
          ...(t.usedAt ? { usedAt: t.usedAt } : {}),
        })),
    }));
  }

  expireAccessTokens(grantId?: string): number {
    return this.runtime.tokens.expireAccessTokens(grantId);
  }

  expireRefreshTokens(grantId?: string): number {
    return this.runtime.tokens.expireRefreshTokens(grantId);
  }

  revokeGrant(grantId: string): boolean {
    return this.runtime.tokens.revokeGrant(grantId);
  }

  // ── webhooks ──
  webhookSubscriptions(division?: number): WebhookSubscription[] {
    const all = [...this.runtime.webhooks.subscriptions.values()].flat();
    return division === undefined ? all : all.filter((s) => s.Division === division);
  }

  webhookDeliveries(): WebhookDelivery[] {
    return [...this.runtime.webhooks.deliveries];
  }

  flushWebhooks(): Promise<void> {
    return this.runtime.webhooks.flush();
  }

  #salesEntry(division: number, entryIdOrYourRef: string): SalesEntryRecord {
    const entries = this.#division(division).financial.salesEntries;
    const byId = entries.get(entryIdOrYourRef.toLowerCase());
    if (byId) return byId;
    const byRef = [...entries.values()].filter((e) => e.YourRef === entryIdOrYourRef);
    if (byRef.length !== 1)
      throw new Error(`unknown sales entry ${entryIdOrYourRef} (${byRef.length} entries with that YourRef)`);
    return byRef[0]!;
  }

  #division(code: number): DivisionData {
    return this.runtime.state.requireDivision(code);
  }
}

export interface SalesEntrySummary {
  EntryID: string;
  EntryNumber: number;
  InvoiceNumber: number;
  Journal: string;
  Type: number;
  Customer: string;
  CustomerName: string;
  YourRef: string | null;
  Description: string | null;
  Currency: string;
  EntryDate: string;
  AmountFC: number;
  VATAmountFC: number;
  paidAmount: number;
  outstanding: number;
  lines: {
    GLAccountCode: string;
    Description: string | null;
    AmountFC: number;
    VATCode: string | null;
    VATAmountFC: number;
  }[];
}

function summarizeEntry(entry: SalesEntryRecord): SalesEntrySummary {
  return {
    EntryID: entry.EntryID,
    EntryNumber: entry.EntryNumber,
    InvoiceNumber: entry.InvoiceNumber,
    Journal: entry.Journal,
    Type: entry.Type,
    Customer: entry.Customer,
    CustomerName: entry.CustomerName,
    YourRef: entry.YourRef,
    Description: entry.Description,
    Currency: entry.Currency,
    EntryDate: formatAmsterdamIso(entry.EntryDate, false).slice(0, 10),
    AmountFC: entry.AmountFC,
    VATAmountFC: entry.VATAmountFC,
    paidAmount: entry.paidAmountFC,
    outstanding: fromCents(toCents(entry.AmountFC) - toCents(entry.paidAmountFC)),
    lines: entry.lines.map((l) => ({
      GLAccountCode: l.GLAccountCode,
      Description: l.Description,
      AmountFC: l.AmountFC,
      VATCode: l.VATCode,
      VATAmountFC: l.VATAmountFC,
    })),
  };
}

function summarize(division: DivisionData): DivisionSummary {
  return {
    code: division.code,
    name: division.profile.name,
    host: division.profile.host,
    country: division.profile.country,
    accounts: division.accounts.size,
    lastTimestamp: division.lastTimestamp,
  };
}
