import { randomUUID } from "node:crypto";
import { codeMatchKey } from "@zapfloor-exact/shared/matching";
import type { ApiReason } from "@zapfloor-exact/shared/schemas/matching";
import {
  type ClaimKey,
  completeClaim,
  dropClaim,
  insertClaim,
  readClaim,
  renewClaim,
  retireCreatedClaim,
  takeOverExpiredClaim,
} from "../../db/creation-claims";
import type { CustomerRow } from "../../db/customer-store";
import { appendLinkEvent, type LinkRow, linkOfCustomer } from "../../db/link-store";
import { mirrorRow, mirrorRowsSharingKeys } from "../../db/mirror-reads";
import { upsertAccounts } from "../../db/mirror-store";
import { describeError } from "../../db/storage-error";
import { AppError, refused } from "../../errors";
import type { DivisionApi } from "../../exact/client";
import { ExactApiError } from "../../exact/errors";
import { accountsWithSearchCode, createCustomerAccount } from "../../exact/resources/accounts";
import type { ExactAccount } from "../../exact/schemas";
import type { ExactServiceContext } from "../context";
import { recordCreatedCustomer } from "../events/link-events";
import { linkConflict, writeLink } from "../links/write-link";
import { accountRow } from "../mirror/account-row";
import { type MirroredAccount, mirroredAccountOf } from "./mirrored-account";
import { newCustomerFor } from "./new-customer";

/** How long a claim holder may go silent before another call may take over; the holder renews it meanwhile. */
export const CLAIM_LEASE_MS = 120_000;
/** A POST that got no answer may still be carried out by Exact: the claim is left alone this long before a retry looks. */
export const NO_ANSWER_SETTLE_MS = 30_000;
const POLL_MS = 200;
const WAIT_MS = CLAIM_LEASE_MS + 30_000;

type Scope = { tenantId: string; division: number };

export interface CreationInput {
  scope: Scope;
  customer: CustomerRow;
  actor: string;
  /** Look the SearchCode up in Exact before posting (the mirror may be behind). */
  lookFirst: boolean;
}

export type CreationResult =
  | { kind: "created" | "recovered"; account: MirroredAccount; link: LinkRow; notes: ApiReason[] }
  /** Another call created it, or an account carrying the number turned up: decide again. */
  | { kind: "decide_again" };

/**
 * Creates the zapfloor customer's Exact account exactly once, across concurrent calls, processes and crashes.
 *
 * A claim row (`account_creations`) is inserted before anything is posted; only its holder posts, with the
 * zapfloor number as SearchCode. Other calls wait for the claim to finish. A claim still `creating` after its
 * lease ran out means the holder died somewhere between claiming and committing, possibly after Exact created
 * the account: the next call takes the claim over and first looks the SearchCode up in Exact (and the mirror),
 * linking what it finds; it posts only when nothing carries the number. The holder's commit (claim done, mirror
 * row, link, audit event) is one transaction.
 */
export async function createAccountOnce(
  ctx: ExactServiceContext,
  input: CreationInput,
): Promise<CreationResult> {
  const key: ClaimKey = { ...input.scope, customerNumber: input.customer.number };
  const owner = `${ctx.exact.instanceId}/${randomUUID()}`;
  const giveUpAt = ctx.clock.now() + WAIT_MS;
  for (;;) {
    const now = ctx.clock.now();
    if (await insertClaim(ctx.db, key, owner, now, CLAIM_LEASE_MS)) {
      return holdClaim(ctx, input, key, owner, input.lookFirst);
    }
    const claim = await readClaim(ctx.db, key);
    if (!claim) continue;
    if (claim.state === "created") {
      if (await linkOfCustomer(ctx.db, input.scope, key.customerNumber)) return { kind: "decide_again" };
      // Created and linked once, then unlinked or deleted by a person: that creation no longer stands in the way.
      if (claim.exactId) await retireCreatedClaim(ctx.db, key, claim.exactId);
      continue;
    }
    if (claim.leaseUntil < now) {
      if (await takeOverExpiredClaim(ctx.db, key, owner, now, CLAIM_LEASE_MS)) {
        return holdClaim(ctx, input, key, owner, true);
      }
      continue;
    }
    if (now >= giveUpAt) {
      throw refused(
        "conflict",
        { reason: "customer_being_created", params: { customer: key.customerNumber } },
        `The Exact customer for zapfloor customer ${key.customerNumber} is being created by another request; try again shortly.`,
      );
    }
    await ctx.clock.sleep(POLL_MS);
  }
}

async function holdClaim(
  ctx: ExactServiceContext,
  input: CreationInput,
  key: ClaimKey,
  owner: string,
  lookFirst: boolean,
): Promise<CreationResult> {
  const api = ctx.exact.client.division(key.tenantId, key.division);
  const stopRenewing = renewWhileHeld(ctx, key, owner);
  try {
    if (lookFirst) {
      const found = await accountsCarryingNumber(ctx, api, input);
      if (found.length > 0) return await settleWith(ctx, input, key, owner, found);
    }
    let created: ExactAccount;
    try {
      created = await createCustomerAccount(api, newCustomerFor(input.customer));
    } catch (error) {
      return await afterFailedPost(ctx, api, input, key, owner, error);
    }
    return await commitCreation(ctx, input, key, owner, { id: created.ID, fromExact: created }, "created");
  } finally {
    stopRenewing();
  }
}

/** Renews the claim's lease while the holder works, so a slow Exact never lets a second call post. */
function renewWhileHeld(ctx: ExactServiceContext, key: ClaimKey, owner: string): () => void {
  const stop = new AbortController();
  void (async () => {
    for (;;) {
      try {
        await ctx.clock.sleep(CLAIM_LEASE_MS / 3, stop.signal);
      } catch {
        return;
      }
      await renewClaim(ctx.db, key, owner, ctx.clock.now() + CLAIM_LEASE_MS).catch((error: unknown) =>
        ctx.logger.warn("could not renew an account creation claim", { ...key, error: describeError(error) }),
      );
    }
  })();
  return () => stop.abort();
}

/**
 * After a failed POST: a refusal (4xx, 429, or the POST never sent) created nothing, so the claim is dropped. A 5xx may come after the
 * write (and a 2xx in an unreadable shape did write), so the SearchCode is looked up. No answer at all: Exact may
 * still be working on it, so the claim stays and a call after `NO_ANSWER_SETTLE_MS` looks it up.
 */
async function afterFailedPost(
  ctx: ExactServiceContext,
  api: DivisionApi,
  input: CreationInput,
  key: ClaimKey,
  owner: string,
  error: unknown,
): Promise<CreationResult> {
  const status = error instanceof ExactApiError ? error.facts.exactStatus : "unknown";
  // Refused before it was sent (a person's request would have waited too long for Exact's next minute).
  const neverSent = error instanceof AppError && error.reason === "exact_minute_used";
  if (neverSent || (typeof status === "number" && status >= 400 && status < 500)) {
    await dropClaim(ctx.db, key, owner);
    throw error;
  }
  // A 5xx, or a 2xx whose body could not be read: Exact has answered, so a lookup now is reliable.
  if (typeof status === "number") {
    const found = await accountsCarryingNumber(ctx, api, input).catch(() => undefined);
    if (found && found.length > 0) return settleWith(ctx, input, key, owner, found);
    if (found) {
      await dropClaim(ctx.db, key, owner);
      throw error;
    }
  }
  await renewClaim(ctx.db, key, owner, ctx.clock.now() + NO_ANSWER_SETTLE_MS);
  ctx.logger.warn("account creation got no answer; a retry will look the SearchCode up first", { ...key });
  throw new AppError(
    "upstream",
    `Exact Online did not answer the creation of zapfloor customer ${key.customerNumber}. It may have been created: retry after ${NO_ANSWER_SETTLE_MS / 1000} seconds and it is looked up by its SearchCode first, never created twice.`,
    error instanceof ExactApiError ? error.facts : undefined,
    {
      cause: error,
      said: {
        reason: "exact_create_no_answer",
        params: { customer: key.customerNumber, seconds: String(NO_ANSWER_SETTLE_MS / 1000) },
      },
    },
  );
}

interface FoundAccount {
  id: string;
  fromExact?: ExactAccount;
  status: string | null;
  blocked: boolean;
}

/** Accounts whose SearchCode is the zapfloor number, in Exact (one GET) and in the mirror. */
async function accountsCarryingNumber(
  ctx: ExactServiceContext,
  api: DivisionApi,
  input: CreationInput,
): Promise<FoundAccount[]> {
  const found = new Map<string, FoundAccount>();
  for (const account of await accountsWithSearchCode(api, input.customer.number)) {
    found.set(account.ID, {
      id: account.ID,
      fromExact: account,
      status: account.Status?.trim().toUpperCase() ?? null,
      blocked: account.Blocked,
    });
  }
  const numberKey = codeMatchKey(input.customer.number);
  for (const row of await mirrorRowsSharingKeys(ctx.db, input.scope, { numberKey })) {
    if (row.searchCodeKey !== numberKey || found.has(row.id)) continue;
    found.set(row.id, { id: row.id, status: row.status, blocked: row.blocked });
  }
  return [...found.values()];
}

/** One usable customer carries the number: it is the one (ours, from an earlier attempt). Else a person decides. */
async function settleWith(
  ctx: ExactServiceContext,
  input: CreationInput,
  key: ClaimKey,
  owner: string,
  found: FoundAccount[],
): Promise<CreationResult> {
  const [only] = found;
  if (found.length === 1 && only && only.status === "C" && !only.blocked) {
    return commitCreation(ctx, input, key, owner, only, "recovered");
  }
  const now = ctx.clock.now();
  const rows = found.flatMap((account) =>
    account.fromExact ? [accountRow(key, account.fromExact, now)] : [],
  );
  await ctx.db.transaction(async (tx) => {
    await upsertAccounts(tx, rows);
    await dropClaim(tx, key, owner);
  });
  return { kind: "decide_again" };
}

async function commitCreation(
  ctx: ExactServiceContext,
  input: CreationInput,
  key: ClaimKey,
  owner: string,
  account: { id: string; fromExact?: ExactAccount },
  how: "created" | "recovered",
): Promise<CreationResult> {
  const { scope, customer } = input;
  const now = ctx.clock.now();
  const notes: ApiReason[] = [];
  const storedSearchCode = account.fromExact?.SearchCode?.trim();
  if (account.fromExact && storedSearchCode !== customer.number) {
    notes.push({
      code: "search_code_changed",
      accountId: account.id,
      message: `Exact stored SearchCode "${storedSearchCode ?? ""}" instead of ${customer.number}.`,
    });
    ctx.logger.warn("Exact changed the SearchCode of a created customer", { ...key, storedSearchCode });
  }
  const committed = await ctx.db.transaction(async (tx) => {
    if (account.fromExact) await upsertAccounts(tx, [accountRow(scope, account.fromExact, now)]);
    if (!(await completeClaim(tx, key, owner, account.id, now))) return "lost" as const;
    const details = { how, searchCode: storedSearchCode ?? customer.number };
    const conflict = await linkConflict(tx, scope, { customerNumber: customer.number, exactId: account.id });
    const mirrored = await mirrorRow(tx, scope, account.id);
    await recordCreatedCustomer(
      tx,
      scope,
      {
        customerNumber: customer.number,
        exactId: account.id,
        name: mirrored?.name ?? account.fromExact?.Name ?? "",
        searchCode: mirrored?.searchCode ?? storedSearchCode ?? null,
        how,
        linked: !conflict,
      },
      now,
    );
    if (conflict) {
      await appendLinkEvent(tx, scope, {
        action: "create",
        customerNumber: customer.number,
        exactId: account.id,
        method: "created",
        actor: input.actor,
        at: now,
        details: { ...details, linked: false, why: conflict.message },
      });
      return { conflict };
    }
    return writeLink(tx, scope, {
      customerNumber: customer.number,
      exactId: account.id,
      method: "created",
      action: "create",
      actor: input.actor,
      at: now,
      details,
    });
  });
  if (committed === "lost") {
    // Our lease ran out while Exact was slow and another call took over; it finds this account by its SearchCode.
    ctx.logger.error("account creation claim was lost before the commit", { ...key, exactId: account.id });
    return { kind: "decide_again" };
  }
  if ("conflict" in committed) {
    throw refused(
      "conflict",
      { reason: "created_not_linked", params: { account: account.id, customer: customer.number } },
      `Created Exact account ${account.id} for zapfloor customer ${customer.number}, but it was not linked: ${committed.conflict.message}`,
    );
  }
  const row = await mirrorRow(ctx.db, scope, account.id);
  if (!row) throw new Error(`The mirror lost account ${account.id} right after it was stored.`);
  return { kind: how, account: mirroredAccountOf(row), link: committed, notes };
}
