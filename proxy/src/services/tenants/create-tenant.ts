import { randomUUID } from "node:crypto";
import { tenants } from "../../db/schema";
import type { ServiceContext } from "../context";
import { createToken } from "./create-token";

export interface CreatedTenant {
  tenantId: string;
  name: string;
  tokens: { integration: string; bookkeeper: string };
}

/** A new tenant with one integration token (zapfloor's servers) and one bookkeeper token (the extension). */
export async function createTenant(ctx: ServiceContext, input: { name: string }): Promise<CreatedTenant> {
  const name = input.name.trim();
  if (!name) throw new Error("A tenant needs a name.");
  const now = ctx.clock.now();
  const tenantId = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(tenants).values({ id: tenantId, name, createdAt: now });
    const integration = await createToken(tx, now, { tenantId, role: "integration", label: "zapfloor" });
    const bookkeeper = await createToken(tx, now, { tenantId, role: "bookkeeper", label: "bookkeeper" });
    return { tenantId, name, tokens: { integration: integration.token, bookkeeper: bookkeeper.token } };
  });
}
