import "./AccountPanel.css";
import { type HealthView, ProxyHealthLine } from "./ProxyHealthLine";

export interface AccountPanelProps {
  division: number;
  accountId: string;
  health: HealthView;
  collapsed: boolean;
  onToggle(): void;
  onRetry(): void;
  onOpenSettings(): void;
}

/** The compact panel shown on an Exact account page. */
export function AccountPanel(props: AccountPanelProps) {
  const { division, accountId, health, collapsed, onToggle } = props;
  return (
    <section class="zfx-panel" aria-label="zapfloor link">
      <header class="zfx-panel__header">
        <button
          type="button"
          class="zfx-panel__toggle"
          aria-expanded={!collapsed}
          aria-controls="zfx-panel-body"
          onClick={onToggle}
        >
          <span class="zfx-panel__chevron" aria-hidden="true">
            {collapsed ? "▸" : "▾"}
          </span>
          zapfloor
        </button>
      </header>
      <div id="zfx-panel-body" class="zfx-panel__body" hidden={collapsed}>
        <dl class="zfx-panel__facts">
          <dt>Division</dt>
          <dd>{division}</dd>
          <dt>Exact account</dt>
          <dd class="zfx-panel__guid">{accountId}</dd>
        </dl>
        <ProxyHealthLine health={health} onRetry={props.onRetry} onOpenSettings={props.onOpenSettings} />
      </div>
    </section>
  );
}
