import type { CustomerInput, CustomerUpsertResult } from "@zapfloor-exact/shared/schemas/customers";
import { and, asc, eq } from "drizzle-orm";
import { type CustomerRow, readCustomer, writeCustomer } from "../../db/customer-store";
import { divisions } from "../../db/schema";
import type { ServiceContext } from "../context";
import { linkView } from "../links/link-view";
import { decideForCustomer } from "../matching/decide-for-customer";
import { customerRow, customerView } from "./customer-row";

/**
 * Stores a zapfloor customer as zapfloor sent it (a full replacement) and answers with its state in each of
 * the tenant's divisions: its link, and what match-or-create would decide now. Sending the same customer
 * again changes nothing.
 */
export async function upsertCustomer(
  ctx: ServiceContext,
  input: { tenantId: string; number: string; customer: CustomerInput },
): Promise<CustomerUpsertResult> {
  const { row, created } = await storeCustomer(ctx, input);
  return { customer: customerView(row), created, divisions: await divisionStates(ctx, row) };
}

/** Stores the customer in one transaction; an unchanged customer is not written (its caches stay valid). */
export async function storeCustomer(
  ctx: ServiceContext,
  input: { tenantId: string; number: string; customer: CustomerInput },
): Promise<{ row: CustomerRow; created: boolean }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const existing = await readCustomer(tx, input.tenantId, input.number);
    const next = customerRow(input.tenantId, input.number, input.customer, now);
    if (existing && sameCustomer(existing, next)) return { row: existing, created: false };
    const stored = { ...next, createdAt: existing?.createdAt ?? now } as CustomerRow;
    await writeCustomer(tx, stored);
    return { row: stored, created: !existing };
  });
}

const compared = [
  "name",
  "vatNumber",
  "companyNumber",
  "email",
  "country",
  "numberKey",
  "nameKey",
  "vatKey",
  "companyNumberKey",
] as const;

function sameCustomer(stored: CustomerRow, next: ReturnType<typeof customerRow>): boolean {
  return (
    compared.every((field) => (stored[field] ?? null) === (next[field] ?? null)) &&
    JSON.stringify(stored.address ?? null) === JSON.stringify(next.address ?? null)
  );
}

async function divisionStates(ctx: ServiceContext, customer: CustomerRow) {
  const connected = await ctx.db
    .select({ division: divisions.division })
    .from(divisions)
    .where(and(eq(divisions.tenantId, customer.tenantId), eq(divisions.accessible, true)))
    .orderBy(asc(divisions.division));
  const states = [];
  for (const { division } of connected) {
    const { decision, link } = await decideForCustomer(
      ctx,
      { tenantId: customer.tenantId, division },
      customer,
    );
    const unloaded = decision.reasons.find((reason) => reason.code === "mirror_not_loaded");
    states.push({
      division,
      outcome: decision.outcome,
      exactAccountId: decision.account?.id ?? null,
      link: link ? linkView(link) : null,
      ...(unloaded ? { lastLoadedAt: unloaded.lastLoadedAt ?? null } : {}),
    });
  }
  return states;
}
