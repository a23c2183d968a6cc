import { useCallback, useEffect, useState } from "preact/hooks";
import { AccountPanel } from "../../components/AccountPanel";
import type { HealthView } from "../../components/ProxyHealthLine";
import type { ExactAccountPage } from "../../host/exact-account-page";
import { sendMessage } from "../../utils/messaging";
import { panelCollapsed, proxySettings } from "../../utils/storage";

/** Connects the account panel to the background worker and the remembered collapsed state. */
export function PanelApp({ page }: { page: ExactAccountPage }) {
  const [health, setHealth] = useState<HealthView>({ state: "checking" });
  // Unknown until storage answers; rendering only then spares the page a jump from open to folded.
  const [collapsed, setCollapsed] = useState<boolean | null>(null);

  const checkHealth = useCallback(() => {
    setHealth({ state: "checking" });
    sendMessage("getProxyHealth").then(setHealth, (error: unknown) =>
      setHealth({ state: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  useEffect(() => {
    checkHealth();
    // Settings saved on the options page apply to open Exact tabs without a reload.
    return proxySettings.watch(() => checkHealth());
  }, [checkHealth]);
  useEffect(() => {
    panelCollapsed.getValue().then(setCollapsed, () => setCollapsed(false));
    return panelCollapsed.watch(setCollapsed);
  }, []);

  if (collapsed === null) return null;
  return (
    <AccountPanel
      division={page.division}
      accountId={page.accountId}
      health={health}
      collapsed={collapsed}
      onToggle={() => {
        setCollapsed(!collapsed);
        void panelCollapsed.setValue(!collapsed);
      }}
      onRetry={checkHealth}
      onOpenSettings={() => void sendMessage("openOptionsPage")}
    />
  );
}
