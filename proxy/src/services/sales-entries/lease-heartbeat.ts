import { describeError } from "../../db/storage-error";
import type { ServiceContext } from "../context";
import { renewLeases, type Scope } from "./outbox-store";

/**
 * Keeps a worker's claimed entries leased while it works through them (posting a batch can take minutes under
 * Exact's 60 calls a minute). Only a live worker renews: when its process dies the leases run out, and another
 * worker takes the entries over.
 */
export function startLeaseHeartbeat(
  ctx: ServiceContext,
  scope: Scope,
  invoiceNumbers: readonly string[],
  lease: { owner: string; leaseMs: number },
) {
  const held = new Set(invoiceNumbers);
  const stopped = new AbortController();

  const renewAll = async () => {
    const still = await renewLeases(ctx.db, scope, [...held], lease.owner, ctx.clock.now() + lease.leaseMs);
    for (const invoiceNumber of [...held]) {
      if (!still.has(invoiceNumber)) {
        held.delete(invoiceNumber);
        ctx.logger.warn("outbox lease lost", { ...scope, invoiceNumber });
      }
    }
  };

  const loop = (async () => {
    while (!stopped.signal.aborted) {
      try {
        await ctx.clock.sleep(Math.max(1, Math.floor(lease.leaseMs / 3)), stopped.signal);
        await renewAll();
      } catch (error) {
        if (stopped.signal.aborted) return;
        ctx.logger.warn("outbox lease renewal failed", {
          ...scope,
          error: describeError(error),
        });
      }
    }
  })();

  return {
    holds: (invoiceNumber: string) => held.has(invoiceNumber),
    /** Renews one entry's lease right before a call that must not run twice; false when it is no longer ours. */
    async confirm(invoiceNumber: string): Promise<boolean> {
      if (!held.has(invoiceNumber)) return false;
      const still = await renewLeases(
        ctx.db,
        scope,
        [invoiceNumber],
        lease.owner,
        ctx.clock.now() + lease.leaseMs,
      );
      if (!still.has(invoiceNumber)) held.delete(invoiceNumber);
      return still.has(invoiceNumber);
    },
    release: (invoiceNumber: string) => held.delete(invoiceNumber),
    async stop() {
      stopped.abort();
      await loop;
    },
  };
}
