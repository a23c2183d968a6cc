import { useEffect, useState } from "preact/hooks";
import { browser } from "#imports";
import { OptionsForm } from "../../components/OptionsForm";
import { sendMessage } from "../../utils/messaging";
import type { ProxySettings } from "../../utils/proxy-client";
import { checkProxyUrl, originPermissionPattern } from "../../utils/proxy-url";
import { proxySettings } from "../../utils/storage";

/**
 * Loopback proxies are covered by the manifest's host permissions; any other proxy origin is an
 * optional host permission, asked for here when the person saves or tests it.
 */
function requestProxyPermission(settings: ProxySettings): Promise<boolean> {
  const check = checkProxyUrl(settings.url);
  if (!check.ok || !check.needsPermissionRequest) return Promise.resolve(true);
  return browser.permissions.request({ origins: [originPermissionPattern(check.origin)] });
}

async function save(settings: ProxySettings): Promise<void> {
  const granted = await requestProxyPermission(settings);
  if (!granted) throw new Error("the browser did not allow the extension to reach this proxy");
  await proxySettings.setValue(settings);
}

async function testConnection(settings: ProxySettings) {
  await requestProxyPermission(settings);
  return sendMessage("testProxyConnection", settings);
}

export function OptionsApp() {
  const [initial, setInitial] = useState<ProxySettings | null>(null);
  useEffect(() => {
    void proxySettings.getValue().then(setInitial);
  }, []);

  return (
    <>
      <h1>zapfloor link for Exact Online</h1>
      {initial !== null && <OptionsForm initial={initial} onSave={save} onTestConnection={testConnection} />}
    </>
  );
}
