import type { E2eStack } from "../e2e/support/stack";

/** One call to the simulator's control API (`/__sim/…`). */
export async function simControl(
  stack: E2eStack,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${stack.simUrl}/__sim${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sim ${method} ${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}
