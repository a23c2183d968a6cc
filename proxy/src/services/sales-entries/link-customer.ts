import { and, eq } from "drizzle-orm";
import { links } from "../../db/schema";
import type { LinkCustomer } from "./customer-link";

/**
 * The customer's existing link in the division; without one the entry waits for a person. Used until
 * match-or-create can be called here.
 */
export const existingLinkOnly: LinkCustomer = async (ctx, input) => {
  const [link] = await ctx.db
    .select({ exactId: links.exactId })
    .from(links)
    .where(
      and(
        eq(links.tenantId, input.tenantId),
        eq(links.division, input.division),
        eq(links.customerNumber, input.customer.number),
      ),
    );
  if (link) return { status: "linked", exactAccountId: link.exactId };
  return {
    status: "review",
    reason: `Customer ${input.customer.number} is not linked to an Exact account in division ${input.division}.`,
  };
};

/** How the outbox worker links customers (the proxy's and the CLI's). */
export const linkCustomerForPush: LinkCustomer = existingLinkOnly;
