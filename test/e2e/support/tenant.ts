import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { repoRoot } from "./paths";
import type { E2eStack } from "./stack";

const run = promisify(execFile);

/** The sandbox division with generated accounts that the specs work in (see the simulator's seed). */
export const E2E_DIVISION = 1234567;

export interface E2eTenant {
  tenantId: string;
  tokens: { integration: string; bookkeeper: string };
  /** The token's label, which the proxy records as who linked. */
  division: number;
}

/** `pnpm cli <args>` against the proxy's database; its last line of output. */
async function cli(stack: E2eStack, args: string[]): Promise<string> {
  const { stdout } = await run("pnpm", ["--silent", "--dir", "proxy", "run", "cli", ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      SECRET_KEY: stack.secretKey,
      LOG_LEVEL: "warn",
    },
  });
  return stdout.trim().split("\n").at(-1) ?? "";
}

/** `pnpm cli tenant create <name> --json` against the proxy's database. */
export async function createTenant(stack: E2eStack, name: string): Promise<Omit<E2eTenant, "division">> {
  return JSON.parse(await cli(stack, ["tenant", "create", name, "--json"])) as Omit<E2eTenant, "division">;
}

/** `pnpm cli token pair <tenantId> --json`: the short, single-use code the options page trades for a token. */
export async function pairingCode(stack: E2eStack, tenantId: string): Promise<string> {
  return (JSON.parse(await cli(stack, ["token", "pair", tenantId, "--json"])) as { code: string }).code;
}

export async function proxyJson<T>(
  stack: E2eStack,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${stack.proxyUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Connects the tenant to the sandbox simulator as a bookkeeper's browser would: the consent link from the
 * proxy opened in one browser (its cookie kept), the simulator's automatic consent, the proxy's callback in
 * that browser, and the bookkeeper's confirmation.
 */
export async function connectExact(stack: E2eStack, bookkeeperToken: string): Promise<void> {
  const { authorizeUrl } = await proxyJson<{ authorizeUrl: string }>(
    stack,
    bookkeeperToken,
    "GET",
    "/v1/exact/connect?format=json&host=start.exactonline.nl",
  );
  const opened = await fetch(authorizeUrl, { redirect: "manual" });
  const exactPage = opened.headers.get("location");
  const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (opened.status !== 302 || !exactPage) throw new Error(`The consent page failed: HTTP ${opened.status}`);
  const consent = await fetch(exactPage, { redirect: "manual" });
  const callback = consent.headers.get("location");
  if (consent.status !== 302 || !callback)
    throw new Error(`The simulator did not consent: HTTP ${consent.status}`);
  const received = await fetch(callback, { redirect: "manual", headers: { cookie } });
  if (!received.ok)
    throw new Error(`The proxy's callback failed: HTTP ${received.status} ${await received.text()}`);
  const state = new URL(callback).searchParams.get("state") ?? "";
  const confirmed = await fetch(`${stack.proxyUrl}/exact/consent`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ state, decision: "connect" }).toString(),
  });
  if (!confirmed.ok)
    throw new Error(`The confirmation failed: HTTP ${confirmed.status} ${await confirmed.text()}`);
}

interface SyncState {
  status: "never" | "idle" | "running" | "failed";
  lastError: string | null;
}

/**
 * Brings the proxy's mirror of the division up to date with the simulator. A sync the connection started
 * in the background may still be running; then this waits for it to finish, and syncs once more.
 */
export async function syncDivision(stack: E2eStack, token: string, division = E2E_DIVISION): Promise<void> {
  const path = `/v1/divisions/${division}/sync`;
  for (let attempt = 0; attempt < 600; attempt++) {
    const state = await proxyJson<SyncState>(stack, token, "POST", `${path}?wait=true`, { kind: "auto" });
    if (state.status === "idle") return;
    if (state.status === "failed")
      throw new Error(`The sync of division ${division} failed: ${state.lastError}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The sync of division ${division} did not finish.`);
}

/** A new tenant, connected to the simulator, with the e2e division mirrored. */
export async function connectedTenant(stack: E2eStack, name: string): Promise<E2eTenant> {
  const tenant = await createTenant(stack, name);
  await connectExact(stack, tenant.tokens.bookkeeper);
  await syncDivision(stack, tenant.tokens.bookkeeper);
  return { ...tenant, division: E2E_DIVISION };
}
