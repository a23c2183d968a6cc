import { and, eq, isNotNull } from "drizzle-orm";
import { divisionSync, divisions } from "../db/schema";
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
            error: error instanceof Error ? error.message : String(error),
          });
        })
        .finally(() => queued.delete(key)),
    );
  }

  function refreshAccountSoon(tenantId: string, division: number, accountId: string) {
    track(
      refreshAccount(ctx, { tenantId, division, accountId }).catch((error: unknown) => {
        ctx.logger.warn("webhook account refresh failed", {
          tenantId,
          division,
          error: error instanceof Error ? error.message : String(error),
        });
      }),
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
