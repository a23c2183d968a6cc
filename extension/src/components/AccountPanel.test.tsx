// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AccountPanel, type AccountPanelProps } from "./AccountPanel";
import type { HealthView } from "./ProxyHealthLine";

const GUID = "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42";
let container: HTMLElement;

function showPanel(overrides: Partial<AccountPanelProps> = {}) {
  const props: AccountPanelProps = {
    division: 123456,
    accountId: GUID,
    health: { state: "healthy", version: "0.1.0" },
    collapsed: false,
    onToggle: vi.fn(),
    onRetry: vi.fn(),
    onOpenSettings: vi.fn(),
    ...overrides,
  };
  container = document.createElement("div");
  document.body.append(container);
  act(() => render(<AccountPanel {...props} />, container));
  return props;
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll("button")].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no "${name}" button`);
  return found;
}

afterEach(() => {
  render(null, container);
  container.remove();
});

describe("AccountPanel", () => {
  it("shows the division, the account and the proxy's health", () => {
    showPanel();
    const text = container.textContent;
    expect(text).toContain("Division123456");
    expect(text).toContain(`Exact account${GUID}`);
    expect(container.querySelector("[role=status]")?.textContent).toBe("Proxy healthy (version 0.1.0)");
  });

  it.each<[HealthView, string]>([
    [{ state: "checking" }, "Checking the proxy…"],
    [{ state: "not_configured" }, "Proxy not configured.Open settings"],
    [
      { state: "permission_missing", origin: "https://link.example.com" },
      "The extension may not reach https://link.example.com yet.Open settings",
    ],
    [
      { state: "unhealthy", httpStatus: 503, detail: "database unavailable" },
      "Proxy unhealthy (HTTP 503): database unavailableRetry",
    ],
    [{ state: "unreachable", detail: "Failed to fetch" }, "Proxy unreachable: Failed to fetchRetry"],
    [
      { state: "failed", detail: "Extension context invalidated." },
      "Could not ask the extension's background: Extension context invalidated.Retry",
    ],
  ])("shows %j as %j", (health, text) => {
    showPanel({ health });
    expect(container.querySelector("[role=status]")?.textContent).toBe(text);
  });

  it("offers the settings when the proxy is not configured", () => {
    const props = showPanel({ health: { state: "not_configured" } });
    act(() => button("Open settings").click());
    expect(props.onOpenSettings).toHaveBeenCalledOnce();
  });

  it("offers a retry when the proxy is unreachable", () => {
    const props = showPanel({ health: { state: "unreachable", detail: "Failed to fetch" } });
    act(() => button("Retry").click());
    expect(props.onRetry).toHaveBeenCalledOnce();
  });

  it("folds away to its header", () => {
    const props = showPanel({ collapsed: true });
    const toggle = button("▸zapfloor");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(container.querySelector<HTMLElement>("#zfx-panel-body")?.hidden).toBe(true);
    act(() => toggle.click());
    expect(props.onToggle).toHaveBeenCalledOnce();
  });

  it("is expanded when not collapsed", () => {
    showPanel({ collapsed: false });
    expect(button("▾zapfloor").getAttribute("aria-expanded")).toBe("true");
    expect(container.querySelector<HTMLElement>("#zfx-panel-body")?.hidden).toBe(false);
  });
});
