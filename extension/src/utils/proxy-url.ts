/**
 * Hosts a proxy may use plain http on: the sandbox runs there, and wxt.config.ts grants exactly these
 * up front as host permissions.
 */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1"]);

export type ProxyUrlCheck =
  | { ok: true; baseUrl: string; origin: string; needsPermissionRequest: boolean }
  | { ok: false; problem: string };

/**
 * Validates the proxy URL a person typed. Remote proxies must use https because the bookkeeper token
 * travels with every request; loopback proxies may use http.
 */
export function checkProxyUrl(input: string): ProxyUrlCheck {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, problem: "Enter the proxy URL." };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: "This is not a URL." };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    return { ok: false, problem: "Use https (plain http is only allowed for localhost)." };
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    return { ok: false, problem: "Enter the proxy's base URL without query, fragment or credentials." };
  }
  const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  return { ok: true, baseUrl, origin: url.origin, needsPermissionRequest: !loopback };
}

/** The host-permission pattern that lets the background worker call a proxy at this origin. */
export function originPermissionPattern(origin: string): string {
  return `${origin}/*`;
}
