import type { MessageHandlers } from "../utils/messaging";
import { checkProxyHealth, type ProxySettings } from "../utils/proxy-client";

export interface BackgroundDeps {
  loadSettings(): Promise<ProxySettings>;
  hasOriginPermission(origin: string): Promise<boolean>;
  openOptionsPage(): Promise<void>;
  fetch: typeof fetch;
}

/** A health check longer than this is reported as unreachable rather than left spinning. */
const PROXY_TIMEOUT_MS = 8000;

export function createMessageHandlers(deps: BackgroundDeps): MessageHandlers {
  const clientDeps = { fetch: deps.fetch, timeoutMs: PROXY_TIMEOUT_MS };
  return {
    getProxyHealth: async () =>
      checkProxyHealth(await deps.loadSettings(), deps.hasOriginPermission, clientDeps),
    testProxyConnection: (settings) => checkProxyHealth(settings, deps.hasOriginPermission, clientDeps),
    openOptionsPage: () => deps.openOptionsPage(),
  };
}
