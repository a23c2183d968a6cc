import { randomInt } from "node:crypto";
import type { E2eStack } from "./stack";
import { E2E_DIVISION, type E2eTenant, proxyJson, syncDivision } from "./tenant";

/** A number no other spec or run uses: codes and customer numbers stay unique in the shared simulator. */
export function uniqueNumber(): string {
  return `9${randomInt(10_000_000, 99_999_999)}`;
}

export interface SimAccount {
  id: string;
  name: string;
}

/** Creates an account in the simulator from Exact-shaped fields (`Name`, `Code`, `VATNumber`, `Status`…). */
export async function insertExactAccount(
  stack: E2eStack,
  fields: Record<string, unknown>,
  division = E2E_DIVISION,
): Promise<SimAccount> {
  const response = await fetch(`${stack.simUrl}/__sim/divisions/${division}/accounts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ Status: "C", IsSales: true, ...fields }),
  });
  const body = (await response.json()) as { ID?: string; Name?: string; error?: string };
  if (!response.ok || !body.ID)
    throw new Error(`insert account: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { id: body.ID.replace(/[{}]/g, "").toLowerCase(), name: String(body.Name) };
}

/** Changes an account in the simulator as a user in Exact would (Exact sets its `Modified`). */
export async function changeExactAccount(
  stack: E2eStack,
  division: number,
  accountId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${stack.simUrl}/__sim/divisions/${division}/accounts/${accountId}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(fields),
  });
  if (!response.ok) throw new Error(`change account: HTTP ${response.status} ${await response.text()}`);
}

/** zapfloor sends a customer to the proxy (integration token). */
export async function putCustomer(
  stack: E2eStack,
  tenant: E2eTenant,
  number: string,
  customer: { name: string; vatNumber?: string; country?: string },
): Promise<void> {
  await proxyJson(stack, tenant.tokens.integration, "PUT", `/v1/customers/${number}`, customer);
}

export async function linkViaApi(
  stack: E2eStack,
  tenant: E2eTenant,
  accountId: string,
  customerNumber: string,
): Promise<void> {
  await proxyJson(
    stack,
    tenant.tokens.bookkeeper,
    "PUT",
    `/v1/divisions/${tenant.division}/accounts/${accountId}/link`,
    {
      customerNumber,
    },
  );
}

/** After changing the simulator: the proxy's mirror picks the changes up. */
export const mirrorChanges = (stack: E2eStack, tenant: E2eTenant) =>
  syncDivision(stack, tenant.tokens.bookkeeper);
