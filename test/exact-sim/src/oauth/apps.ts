import type { OAuthAppRegistration } from "../options";

export function findApp(apps: readonly Required<OAuthAppRegistration>[], clientId: string | undefined) {
  return clientId === undefined ? undefined : apps.find((app) => app.clientId === clientId);
}

/** An app registered without redirect URIs (the sandbox app) accepts any. */
export function redirectAllowed(app: Required<OAuthAppRegistration>, redirectUri: string): boolean {
  return app.redirectUris.length === 0 || app.redirectUris.includes(redirectUri);
}

/** Adds query parameters to a redirect URI; `!` is percent-encoded like Exact's codes arrive [S13 step3]. */
export function redirectWith(
  redirectUri: string,
  params: Record<string, string | undefined>,
  inFragment = false,
): string {
  const encoded = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/!/g, "%21")}`)
    .join("&");
  if (inFragment) return `${redirectUri}#${encoded}`;
  return `${redirectUri}${redirectUri.includes("?") ? "&" : "?"}${encoded}`;
}
