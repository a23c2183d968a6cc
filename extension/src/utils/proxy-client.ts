import { checkProxyUrl } from "./proxy-url";

export interface ProxySettings {
  /** The proxy's base URL, normalised by the options page; empty when not configured. */
  url: string;
  /** The bookkeeper token; sent as a Bearer token on every request. */
  token: string;
}

/** What the panel and the options page show about the proxy. */
export type ProxyHealth =
  | { state: "not_configured" }
  | { state: "permission_missing"; origin: string }
  | { state: "healthy"; version: string }
  | { state: "unhealthy"; httpStatus: number; detail: string }
  | { state: "unreachable"; detail: string };

export interface ProxyClientDeps {
  fetch: typeof fetch;
  timeoutMs: number;
}

/** The proxy's error envelope (api.md "Conventions"). */
interface ProxyErrorBody {
  error: { code: string; message: string; requestId?: string };
}

/** The background worker's only door to the proxy. */
export function createProxyClient(baseUrl: string, token: string, deps: ProxyClientDeps) {
  async function get(path: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (token !== "") headers.Authorization = `Bearer ${token}`;
    return deps.fetch(`${baseUrl}${path}`, { headers, signal: AbortSignal.timeout(deps.timeoutMs) });
  }

  return {
    async health(): Promise<ProxyHealth> {
      let response: Response;
      try {
        response = await get("/health");
      } catch (error) {
        return { state: "unreachable", detail: describeFetchFailure(error) };
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.ok && isHealthBody(body) && body.ok) return { state: "healthy", version: body.version };
      return { state: "unhealthy", httpStatus: response.status, detail: describeUnhealthy(body) };
    },
  };
}

/** Checks the proxy named by the settings; `hasPermission` tells whether the worker may call its origin. */
export async function checkProxyHealth(
  settings: ProxySettings,
  hasPermission: (origin: string) => Promise<boolean>,
  deps: ProxyClientDeps,
): Promise<ProxyHealth> {
  if (settings.url.trim() === "") return { state: "not_configured" };
  const url = checkProxyUrl(settings.url);
  if (!url.ok) return { state: "unreachable", detail: url.problem };
  if (!(await hasPermission(url.origin))) return { state: "permission_missing", origin: url.origin };
  return createProxyClient(url.baseUrl, settings.token, deps).health();
}

function isHealthBody(body: unknown): body is { ok: boolean; version: string; db: string } {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { ok?: unknown }).ok === "boolean" &&
    typeof (body as { version?: unknown }).version === "string"
  );
}

function isErrorBody(body: unknown): body is ProxyErrorBody {
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

function describeUnhealthy(body: unknown): string {
  if (isHealthBody(body)) return `database ${body.db}`;
  if (isErrorBody(body)) return body.error.message;
  return "the answer is not the proxy's health report";
}

function describeFetchFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError")
    return "the proxy did not answer in time";
  return error instanceof Error ? error.message : String(error);
}
