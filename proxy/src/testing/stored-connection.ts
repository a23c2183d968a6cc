import type { ExactServiceContext } from "../services/context";
import { storeConnection } from "../services/exact-connection/store-connection";
import { createTenant } from "../services/tenants/create-tenant";

/** A tenant with Exact tokens stored under the context's key, as a finished consent leaves them. */
export async function tenantWithStoredTokens(ctx: ExactServiceContext, name = "Stored tokens") {
  const tenant = await createTenant(ctx, { name });
  const stored = await storeConnection(ctx, {
    tenantId: tenant.tenantId,
    host: "start.exactonline.nl",
    tokens: {
      accessToken: `access-${tenant.tenantId}`,
      refreshToken: `refresh-${tenant.tenantId}`,
      expiresIn: 600,
    },
    issuedAt: ctx.clock.now(),
    preview: { userId: null, userName: "Test bookkeeper", currentDivision: 1, divisions: [] },
  });
  return { ...tenant, connectionId: stored.connectionId };
}
