import { useCallback, useEffect, useState } from "preact/hooks";
import { AccountPanel } from "../../components/AccountPanel";
import type { HealthView } from "../../components/ProxyHealthLine";
import type { ExactAccountPage } from "../../host/exact-account-page";
import { sendMessage } from "../../utils/messaging";
import { panelCollapsed } from "../../utils/storage";

/** Connects the account panel to the background worker and the remembered collapsed state. */
export function PanelApp({ page }: { page: ExactAccountPage }) {
  const [health, setHealth] = useState<HealthView>({ state: "checking" });
  const [collapsed, setCollapsed] = useState(false);

  const checkHealth = useCallback(() => {
    setHealth({ state: "checking" });
    sendMessage("getProxyHealth").then(setHealth, (error: unknown) =>
      setHealth({ state: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  useEffect(checkHealth, [checkHealth]);
  useEffect(() => {
    void panelCollapsed.getValue().then(setCollapsed);
    return panelCollapsed.watch(setCollapsed);
  }, []);

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
