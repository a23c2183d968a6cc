import type { ProxyHealth } from "../utils/proxy-client";
import "./ProxyHealthLine.css";

/** The proxy's health as a view shows it: the background's answer, or the state around asking for it. */
export type HealthView = ProxyHealth | { state: "checking" } | { state: "failed"; detail: string };

interface ProxyHealthLineProps {
  health: HealthView;
  onRetry(): void;
  /** Left out where the settings are already on screen. */
  onOpenSettings?: () => void;
}

export function ProxyHealthLine({ health, onRetry, onOpenSettings }: ProxyHealthLineProps) {
  const tone = toneOf(health);
  return (
    <p class={`zfx-health zfx-health--${tone}`} role="status">
      <span class="zfx-health__dot" aria-hidden="true" />
      <span class="zfx-health__text">{describeHealth(health)}</span>
      {onOpenSettings && (health.state === "not_configured" || health.state === "permission_missing") && (
        <button type="button" class="zfx-link" onClick={onOpenSettings}>
          Open settings
        </button>
      )}
      {(health.state === "unhealthy" || health.state === "unreachable" || health.state === "failed") && (
        <button type="button" class="zfx-link" onClick={onRetry}>
          Retry
        </button>
      )}
    </p>
  );
}

export function describeHealth(health: HealthView): string {
  switch (health.state) {
    case "checking":
      return "Checking the proxy…";
    case "healthy":
      return `Proxy healthy (version ${health.version})`;
    case "not_configured":
      return "Proxy not configured.";
    case "permission_missing":
      return `The extension may not reach ${health.origin} yet.`;
    case "unhealthy":
      return `Proxy unhealthy (HTTP ${health.httpStatus}): ${health.detail}`;
    case "unreachable":
      return `Proxy unreachable: ${health.detail}`;
    case "failed":
      return `Could not ask the extension's background: ${health.detail}`;
  }
}

function toneOf(health: HealthView): "ok" | "pending" | "warning" | "error" {
  switch (health.state) {
    case "healthy":
      return "ok";
    case "checking":
      return "pending";
    case "not_configured":
    case "permission_missing":
      return "warning";
    default:
      return "error";
  }
}
