// @vitest-environment happy-dom
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";
import { show } from "../../testing/render";
import { VirtualList } from "./VirtualList";

const rows = Array.from({ length: 100_000 }, (_, i) => `account ${i}`);

function list(onNearEnd = vi.fn()) {
  const container = show(
    <div style={{ height: "480px" }}>
      <VirtualList
        items={rows}
        rowHeight={48}
        label="accounts"
        keyOf={(row) => row}
        renderRow={(row) => row}
        onNearEnd={onNearEnd}
      />
    </div>,
  );
  return { container, onNearEnd, viewport: container.querySelector<HTMLElement>(".zfx-vlist")! };
}

const rendered = (container: HTMLElement) =>
  [...container.querySelectorAll(".zfx-vlist__row")].map((r) => r.textContent);

describe("VirtualList", () => {
  it("renders a few rows of 100,000, in a spacer as tall as all of them", () => {
    const { container } = list();
    const shown = rendered(container);
    expect(shown[0]).toBe("account 0");
    expect(shown.length).toBeLessThan(40);
    expect(container.querySelector<HTMLElement>("ul")?.style.height).toBe("4800000px");
    const first = container.querySelector<HTMLElement>(".zfx-vlist__row")!;
    expect(first.getAttribute("aria-setsize")).toBe("100000");
    expect(first.getAttribute("aria-posinset")).toBe("1");
  });

  it("renders the rows at the scroll position", async () => {
    vi.spyOn(window, "requestAnimationFrame").mockImplementation((callback) => {
      callback(0);
      return 0;
    });
    const { container, viewport } = list();
    await act(async () => {
      viewport.scrollTop = 2_400_000;
      viewport.dispatchEvent(new Event("scroll"));
    });
    const shown = rendered(container);
    expect(shown).toContain("account 50000");
    expect(shown).not.toContain("account 0");
    expect(shown.length).toBeLessThan(40);
    const row = container.querySelector<HTMLElement>('[aria-posinset="50001"]');
    expect(row?.style.transform).toBe("translateY(2400000px)");
  });

  it("asks for more only near the end", async () => {
    vi.spyOn(window, "requestAnimationFrame").mockImplementation((callback) => {
      callback(0);
      return 0;
    });
    const { viewport, onNearEnd } = list();
    expect(onNearEnd).not.toHaveBeenCalled();
    await act(async () => {
      viewport.scrollTop = 48 * 99_960;
      viewport.dispatchEvent(new Event("scroll"));
    });
    expect(onNearEnd).toHaveBeenCalled();
  });
});
