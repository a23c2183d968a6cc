import { useI18n } from "../i18n/I18nContext";
import type { Translate } from "../i18n/translate";
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

const SETTINGS_STATES = new Set(["not_configured", "permission_missing", "token_missing", "token_invalid"]);
const RETRY_STATES = new Set(["unhealthy", "unreachable", "failed"]);

export function ProxyHealthLine({ health, onRetry, onOpenSettings }: ProxyHealthLineProps) {
  const { t } = useI18n();
  return (
    <p class={`zfx-health zfx-health--${toneOf(health)}`} role="status" data-health={health.state}>
      <span class="zfx-health__dot" aria-hidden="true" />
      <span class="zfx-health__text">{describeHealth(t, health)}</span>
      {onOpenSettings && SETTINGS_STATES.has(health.state) && (
        <button type="button" class="zfx-link" onClick={onOpenSettings}>
          {t("action.openSettings")}
        </button>
      )}
      {RETRY_STATES.has(health.state) && (
        <button type="button" class="zfx-link" onClick={onRetry}>
          {t("action.retry")}
        </button>
      )}
    </p>
  );
}

export function describeHealth(t: Translate, health: HealthView): string {
  switch (health.state) {
    case "checking":
      return t("health.checking");
    case "healthy":
      return t("health.healthy", { version: health.version });
    case "not_configured":
      return t("health.not_configured");
    case "permission_missing":
      return t("health.permission_missing", { origin: health.origin });
    case "token_missing":
      return t("health.token_missing", { version: health.version });
    case "token_invalid":
      return t("health.token_invalid", { version: health.version });
    case "unhealthy":
      return t("health.unhealthy", { status: health.httpStatus });
    case "unreachable":
      return t("health.unreachable");
    case "failed":
      return t("health.failed");
  }
}

function toneOf(health: HealthView): "ok" | "pending" | "warning" | "error" {
  if (health.state === "healthy") return "ok";
  if (health.state === "checking") return "pending";
  return SETTINGS_STATES.has(health.state) ? "warning" : "error";
}
