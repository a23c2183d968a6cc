import { eq } from "drizzle-orm";
import { pairingCodes, tenants } from "../../db/schema";
import { notFound } from "../../errors";
import { generatePairingCode, hashPairingCode, normalisePairingCode } from "../../security/pairing-codes";
import type { ServiceContext } from "../context";

/** How long a pairing code can be used: long enough to open the options page and type it. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

export interface PairingCode {
  /** Shown once, never stored. */
  code: string;
  expiresAt: number;
}

/** A short, single-use code that the extension's options page exchanges for a new bookkeeper token. */
export async function createPairingCode(
  ctx: ServiceContext,
  input: { tenantId: string; label?: string },
): Promise<PairingCode> {
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.id, input.tenantId));
  if (!tenant)
    throw notFound(`Tenant ${input.tenantId}`, {
      reason: "tenant_unknown",
      params: { tenant: input.tenantId },
    });
  const code = generatePairingCode();
  const now = ctx.clock.now();
  const expiresAt = now + PAIRING_CODE_TTL_MS;
  await ctx.db.insert(pairingCodes).values({
    codeHash: hashPairingCode(normalisePairingCode(code)!),
    tenantId: input.tenantId,
    label: input.label?.trim() || "bookkeeper (paired)",
    createdAt: now,
    expiresAt,
  });
  return { code, expiresAt };
}
