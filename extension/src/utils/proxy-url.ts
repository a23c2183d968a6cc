/**
 * Hosts a proxy may use plain http on: the sandbox runs there, and wxt.config.ts grants exactly these
 * up front as host permissions.
 */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1"]);

/** Why a typed proxy URL is refused; the options page words it in the person's language. */
export type ProxyUrlProblem = "empty" | "not_url" | "https_only" | "base_url_only";

export type ProxyUrlCheck =
  | { ok: true; baseUrl: string; origin: string; needsPermissionRequest: boolean }
  | { ok: false; problem: ProxyUrlProblem };

/**
 * Validates the proxy URL a person typed. Remote proxies must use https because the bookkeeper token
 * travels with every request; loopback proxies may use http.
 */
export function checkProxyUrl(input: string): ProxyUrlCheck {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, problem: "empty" };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: "not_url" };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    return { ok: false, problem: "https_only" };
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    return { ok: false, problem: "base_url_only" };
  }
  const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  return { ok: true, baseUrl, origin: url.origin, needsPermissionRequest: !loopback };
}

/** The host-permission pattern that lets the background worker call a proxy at this origin. */
export function originPermissionPattern(origin: string): string {
  return `${origin}/*`;
}
