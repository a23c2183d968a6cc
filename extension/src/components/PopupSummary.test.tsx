// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { buttonNamed, click, show } from "../testing/render";
import { type PopupState, PopupSummary } from "./PopupSummary";

const division = {
  division: 1234567,
  name: "Flexwerk",
  country: "NL",
  current: true,
  sync: { status: "idle", accounts: 250, lastCompletedAt: null },
};

function popup(state: PopupState) {
  const handlers = { onRetry: vi.fn(), onOpenSettings: vi.fn(), onOpenOverview: vi.fn() };
  return { handlers, container: show(<PopupSummary state={state} {...handlers} />) };
}

describe("PopupSummary", () => {
  it("shows the proxy and the divisions at a glance, each opening the overview", async () => {
    const { container, handlers } = popup({
      health: { state: "healthy", version: "0.1.0" },
      divisions: { ok: true, value: [division] },
    });
    expect(container.querySelector("[role=status]")?.textContent).toBe("Proxy healthy (version 0.1.0)");
    expect(container.textContent).toContain("250 accounts loaded");
    await click(buttonNamed(container, "Flexwerk (1234567)"));
    expect(handlers.onOpenOverview).toHaveBeenCalledWith(1234567);
    await click(buttonNamed(container, "Open the Accounts Overview"));
    expect(handlers.onOpenOverview).toHaveBeenLastCalledWith();
  });

  it("offers to load a division never loaded, and says what it lacks before it takes invoices", () => {
    const { container } = popup({
      health: { state: "healthy", version: "0.1.0" },
      divisions: {
        ok: true,
        value: [
          {
            ...division,
            sync: { status: "never", accounts: 0, lastCompletedAt: null },
            bookings: { ready: false, missing: ["accounts", "salesJournal"] },
          },
        ],
      },
    });
    expect(buttonNamed(container, "Load now: the accounts of Flexwerk").textContent).toBe("Load now");
    expect(container.querySelector("[data-readiness]")?.textContent).toBe(
      "Cannot take invoices yet. Missing: its accounts (load them), a sales journal.",
    );
  });

  it("leads to the settings when the token is refused", async () => {
    const { container, handlers } = popup({
      health: { state: "token_invalid", version: "0.1.0" },
      divisions: null,
    });
    expect(container.querySelector("[role=status]")?.textContent).toContain(
      "it refused the bookkeeper token.",
    );
    await click(container.querySelector<HTMLButtonElement>("[role=status] button")!);
    expect(handlers.onOpenSettings).toHaveBeenCalledOnce();
  });
});
