import { expect } from "@playwright/test";
import type { E2eStack } from "./stack";
import { connectExact, proxyJson } from "./tenant";

/** A call to the simulator's control API (`/__sim/…`); fails on an error answer. */
export async function simulator(
  stack: E2eStack,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack.simUrl}/__sim${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Connects the tenant to Exact while the accounts of `division` (a division of the calling test alone, so that
 * no other spec's tenant waits on it) cannot be read: the first load the consent starts fails, and the
 * division stays "not loaded yet" until someone loads it again.
 */
export async function connectWithFailedFirstLoad(
  stack: E2eStack,
  bookkeeperToken: string,
  division: number,
): Promise<void> {
  const fault = await simulator(stack, "POST", "/faults", {
    path: "*Accounts*",
    division,
    action: "status",
    status: 503,
  });
  try {
    await connectExact(stack, bookkeeperToken);
    await expect
      .poll(
        async () =>
          (
            await proxyJson<{ status: string }>(
              stack,
              bookkeeperToken,
              "GET",
              `/v1/divisions/${division}/sync`,
            )
          ).status,
        { timeout: 90_000 },
      )
      .toBe("failed");
  } finally {
    await simulator(stack, "DELETE", `/faults/${fault.id}`);
  }
}
