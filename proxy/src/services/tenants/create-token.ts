import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../../db/client";
import { apiTokens, type TokenRole } from "../../db/schema";
import { generateApiToken, hashApiToken } from "../../security/api-tokens";

export interface CreatedToken {
  id: string;
  role: TokenRole;
  label: string;
  /** Shown once, never stored. */
  token: string;
}

export async function createToken(
  db: DbOrTx,
  now: number,
  input: { tenantId: string; role: TokenRole; label: string },
): Promise<CreatedToken> {
  const token = generateApiToken();
  const id = randomUUID();
  await db.insert(apiTokens).values({
    id,
    tenantId: input.tenantId,
    role: input.role,
    label: input.label,
    tokenHash: hashApiToken(token),
    createdAt: now,
  });
  return { id, role: input.role, label: input.label, token };
}
