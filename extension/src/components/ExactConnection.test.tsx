// @vitest-environment happy-dom
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";
import { buttonNamed, click, show } from "../testing/render";
import type { ExactConnectionState } from "../utils/proxy-types";
import { ExactConnection } from "./ExactConnection";

const budget = { minutely: { limit: 60, remaining: 60 }, daily: { limit: 5000, remaining: 5000 } };
const connected: ExactConnectionState = {
  connected: true,
  sandbox: false,
  status: "active",
  host: "start.exactonline.be",
  user: "Sanne de Vries",
  accessTokenExpiresAt: null,
  lastRefreshAt: null,
  refreshTokenAgeDays: 3,
  refreshTokenExpiresAt: null,
  lastError: null,
  warnings: ["The consent expires in 5 days."],
  divisions: [
    {
      division: 1234567,
      name: "Flexwerk",
      current: true,
      lastSyncAt: "2026-11-25T08:00:00.000Z",
      syncStatus: "idle",
      budget,
    },
    { division: 2345678, name: "Gent", current: false, lastSyncAt: null, syncStatus: "never", budget },
  ],
};

describe("ExactConnection", () => {
  it("shows the connection, its warnings and its divisions", () => {
    const container = show(
      <ExactConnection connection={{ ok: true, value: connected }} onConnect={vi.fn()} onRetry={vi.fn()} />,
    );
    expect(container.textContent).toContain("Connected to start.exactonline.be as Sanne de Vries.");
    expect(container.textContent).toContain("The consent expires in 5 days.");
    const divisions = [...container.querySelectorAll("li")].map((li) => li.textContent);
    expect(divisions[0]).toMatch(/^Flexwerk \(1234567\) — synced /);
    expect(divisions[1]).toBe("Gent (2345678) — not synced yet");
    expect(container.querySelector("select")?.value).toBe("start.exactonline.be");
  });

  it("says when a connection must be renewed, and when there is none", () => {
    const renew = show(
      <ExactConnection
        connection={{ ok: true, value: { ...connected, status: "needs_reconnect" } }}
        onConnect={vi.fn()}
        onRetry={vi.fn()}
      />,
    );
    expect(renew.textContent).toContain("The connection to start.exactonline.be must be renewed.");
    const none = show(
      <ExactConnection
        connection={{ ok: true, value: { connected: false, sandbox: true } }}
        onConnect={vi.fn()}
        onRetry={vi.fn()}
      />,
    );
    expect(none.textContent).toContain("Exact Online is not connected.");
    expect(none.textContent).toContain("Sandbox: a simulated Exact Online.");
  });

  it("starts the consent on the chosen country host", async () => {
    const onConnect = vi.fn(async () => ({ ok: true, value: null }) as const);
    const container = show(
      <ExactConnection
        connection={{ ok: true, value: { connected: false, sandbox: false } }}
        onConnect={onConnect}
        onRetry={vi.fn()}
      />,
    );
    const select = container.querySelector("select")!;
    await act(async () => {
      select.value = "start.exactonline.fr";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await click(buttonNamed(container, "Connect Exact Online"));
    expect(onConnect).toHaveBeenCalledWith("start.exactonline.fr");
    expect(container.textContent).toContain("Exact Online's consent page opened in a new tab.");
  });

  it("explains why the connection could not be read", () => {
    const container = show(
      <ExactConnection
        connection={{ ok: false, problem: { kind: "token_invalid" } }}
        onConnect={vi.fn()}
        onRetry={vi.fn()}
      />,
    );
    expect(container.querySelector("[role=alert]")?.textContent).toContain(
      "The proxy refused the bookkeeper token.",
    );
  });
});
