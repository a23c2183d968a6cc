import { and, eq, isNotNull } from "drizzle-orm";
import { divisionSync, divisions } from "../db/schema";
import { describeError } from "../db/storage-error";
import type { ExactServiceContext } from "../services/context";
import { ensureAccountsWebhook } from "../services/mirror/ensure-webhook";
import { refreshAccount } from "../services/mirror/refresh-account";
import { syncDivision } from "../services/mirror/sync-division";
import { createOutboxWorker, type OutboxWorkerOptions } from "./outbox-worker";
import { createPaidStateChecker, type PaidStateOptions } from "./paid-state";
import { createWebhookWorker, type WebhookWorkerOptions } from "./webhook-worker";

export interface BackgroundJobsOptions {
  /** How often every mirrored division is synced incrementally: the safety net under webhooks. */
  syncIntervalMs: number;
  /** The sales-entry outbox worker; not started without it. */
  outbox?: OutboxWorkerOptions;
  paidState?: PaidStateOptions;
  /** Webhook deliveries for one account within this time are served by one refresh. Default 2 s. */
  webhookCoalesceMs?: number;
  /** The webhook delivery worker; not started without it. */
  webhooks?: WebhookWorkerOptions;
}

/**
 * Work the proxy does on its own: the first mirror load after a consent, and the periodic incremental sync.
 * Each job runs behind the database lease of its division, so several proxy processes can run these together.
 */
export function createBackgroundJobs(
  ctx: ExactServiceContext & { publicUrl: string },
  options: BackgroundJobsOptions,
) {
  const running = new Set<Promise<unknown>>();
  const queued = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const outbox = options.outbox && createOutboxWorker(ctx, options.outbox);
  const paidState = options.paidState && createPaidStateChecker(ctx, options.paidState);
  const webhooks = options.webhooks && createWebhookWorker(ctx, options.webhooks);

  function track(work: Promise<unknown>) {
    running.add(work);
    void work.finally(() => running.delete(work));
  }

  function syncSoon(tenantId: string, division: number, kind: "auto" | "full" | "incremental" = "auto") {
    const key = `${tenantId}:${division}`;
    if (queued.has(key)) return;
    queued.add(key);
    track(
      syncDivision(ctx, { tenantId, division, kind })
        .then(async (result) => {
          if (result.status === "completed" && result.kind === "full")
            await ensureAccountsWebhook(ctx, { tenantId, division });
        })
        .catch((error: unknown) => {
          ctx.logger.warn("background sync failed", {
            tenantId,
            division,
            error: describeError(error),
          });
        })
        .finally(() => queued.delete(key)),
    );
  }

  const coalesceMs = options.webhookCoalesceMs ?? 2000;
  const refreshes = new Map<string, { started: boolean; again: boolean }>();

  /**
   * Refreshes one account after a webhook, at most once per window: deliveries for the same account that come
   * while a refresh waits join it; one that comes while it runs gets a single refresh after it.
   */
  function refreshAccountSoon(tenantId: string, division: number, accountId: string) {
    const key = `${tenantId}:${division}:${accountId}`;
    const waiting = refreshes.get(key);
    if (waiting) {
      if (waiting.started) waiting.again = true;
      return;
    }
    const state = { started: false, again: true };
    refreshes.set(key, state);
    track(
      (async () => {
        while (state.again) {
          await new Promise((resolve) => setTimeout(resolve, coalesceMs).unref());
          state.started = true;
          state.again = false;
          await refreshAccount(ctx, { tenantId, division, accountId }).catch((error: unknown) => {
            ctx.logger.warn("webhook account refresh failed", {
              tenantId,
              division,
              error: describeError(error),
            });
          });
          state.started = false;
        }
      })().finally(() => refreshes.delete(key)),
    );
  }

  async function syncEveryMirroredDivision() {
    const mirrored = await ctx.db
      .select({ tenantId: divisions.tenantId, division: divisions.division })
      .from(divisions)
      .innerJoin(
        divisionSync,
        and(eq(divisionSync.tenantId, divisions.tenantId), eq(divisionSync.division, divisions.division)),
      )
      .where(and(eq(divisions.accessible, true), isNotNull(divisionSync.accountsTimestamp)));
    for (const { tenantId, division } of mirrored) syncSoon(tenantId, division, "incremental");
  }

  return {
    syncSoon,
    refreshAccountSoon,
    /** One round of the periodic safety-net sync (the timer calls this). */
    syncEveryMirroredDivision: () => track(syncEveryMirroredDivision()),
    /** An invoice was queued or re-queued: the outbox worker looks at once. */
    pushSoon: () => outbox?.kick(),
    /** Events were recorded in this process: the webhook worker looks at once. */
    deliverSoon: () => webhooks?.kick(),
    start() {
      timer ??= setInterval(() => track(syncEveryMirroredDivision()), options.syncIntervalMs);
      timer.unref();
      outbox?.start();
      paidState?.start();
      webhooks?.start();
    },
    /** Resolves when nothing is running (tests, shutdown). */
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await Promise.all([outbox?.stop(), paidState?.stop(), webhooks?.stop()]);
      await this.idle();
    },
  };
}

export type BackgroundJobs = ReturnType<typeof createBackgroundJobs>;
