import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { pairingCodes, pairingFailures, tenants } from "../../db/schema";
import { refused } from "../../errors";
import { hashPairingCode, normalisePairingCode } from "../../security/pairing-codes";
import type { ServiceContext } from "../context";
import { createToken } from "../tenants/create-token";

/**
 * Wrong codes allowed per minute, all callers together. With a few live codes among 31^8, guessing one at this
 * pace takes millions of years; a flood of wrong codes only delays pairing by a minute.
 */
export const PAIRING_FAILURES_PER_MINUTE = 20;

export interface PairedToken {
  token: string;
  role: "bookkeeper";
  label: string;
  tenantName: string;
}

const invalid = () =>
  refused(
    "validation",
    { reason: "pairing_code_invalid" },
    "This pairing code is not valid, was used already or has expired.",
    { problems: [{ path: "code", message: "not valid, used or expired" }] },
  );

/** Exchanges a pairing code, once, for a new bookkeeper token of the code's tenant. */
export async function exchangePairingCode(ctx: ServiceContext, typed: string): Promise<PairedToken> {
  const now = ctx.clock.now();
  const minute = now - (now % 60_000);
  const [window] = await ctx.db.select().from(pairingFailures).where(eq(pairingFailures.minute, minute));
  if ((window?.failures ?? 0) >= PAIRING_FAILURES_PER_MINUTE) {
    const seconds = Math.ceil((minute + 60_000 - now) / 1000);
    throw refused(
      "rate_limited",
      { reason: "pairing_code_attempts", params: { seconds: String(seconds) } },
      "Too many wrong pairing codes were tried. Wait a minute and try again.",
      { retryAfterSeconds: seconds },
    );
  }

  const normalised = normalisePairingCode(typed);
  const paired = normalised
    ? await ctx.db.transaction(async (tx) => {
        const [code] = await tx
          .update(pairingCodes)
          .set({ usedAt: now })
          .where(
            and(
              eq(pairingCodes.codeHash, hashPairingCode(normalised)),
              isNull(pairingCodes.usedAt),
              gt(pairingCodes.expiresAt, now),
            ),
          )
          .returning();
        if (!code) return undefined;
        const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, code.tenantId));
        const created = await createToken(tx, now, {
          tenantId: code.tenantId,
          role: "bookkeeper",
          label: code.label,
        });
        return {
          token: created.token,
          role: "bookkeeper" as const,
          label: code.label,
          tenantName: tenant?.name ?? "",
        };
      })
    : undefined;
  if (paired) return paired;

  await ctx.db
    .insert(pairingFailures)
    .values({ minute, failures: 1 })
    .onConflictDoUpdate({
      target: pairingFailures.minute,
      set: { failures: sql`${pairingFailures.failures} + 1` },
    });
  throw invalid();
}
