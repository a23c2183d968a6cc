// @vitest-environment happy-dom
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";
import { buttonNamed, click, show } from "../../testing/render";
import type { AcceptSuggestionsResult } from "../../utils/proxy-types";
import { ACCEPT_BATCH, type AcceptSuggestions, AcceptSuggestionsDialog } from "./AcceptSuggestionsDialog";

const entry = (i: number) => ({
  exactId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  accountName: `Account ${i}`,
  customer: { number: String(1000 + i), name: `Customer ${i}` },
  reasons: [],
});

const preview = (
  count: number,
  skipped: AcceptSuggestionsResult["skipped"] = [],
): AcceptSuggestionsResult => ({
  dryRun: true,
  linked: Array.from({ length: count }, (_, i) => entry(i)),
  skipped,
});

async function flush() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe("AcceptSuggestionsDialog", () => {
  it("previews, links exactly the previewed accounts in batches, and sums up", async () => {
    const count = ACCEPT_BATCH + 20;
    const accept = vi.fn<AcceptSuggestions>(async (request) =>
      request.dryRun
        ? {
            ok: true,
            value: preview(count, [
              {
                exactId: "x",
                accountName: "Blocked",
                customer: null,
                reason: { code: "account_blocked", message: "…" },
              },
            ]),
          }
        : {
            ok: true,
            value: {
              dryRun: false,
              linked: (request.exactIds ?? []).slice(1).map((id) => ({ ...entry(0), exactId: id })),
              skipped: (request.exactIds ?? []).slice(0, 1).map((id) => ({
                exactId: id,
                accountName: "Changed",
                customer: null,
                reason: { code: "changed_meanwhile" as const, message: "…" },
              })),
            },
          },
    );
    const onClose = vi.fn();
    const container = show(<AcceptSuggestionsDialog accept={accept} onClose={onClose} />);
    await flush();
    expect(accept).toHaveBeenCalledWith({ dryRun: true });
    expect(container.querySelector("[role=status]")?.textContent).toBe(`${count} accounts will be linked:`);
    expect(container.textContent).toContain("1 suggestions will be skipped:");
    // Only the visible part of a long preview is rendered.
    expect(container.querySelectorAll(".zfx-dialog__item").length).toBeLessThan(40);

    await click(buttonNamed(container, `Link ${count} accounts`));
    await flush();
    const batches = accept.mock.calls.slice(1).map(([request]) => request);
    expect(batches.map((b) => b.exactIds?.length)).toEqual([ACCEPT_BATCH, 20]);
    expect(batches.flatMap((b) => b.exactIds)).toEqual(preview(count).linked.map((e) => e.exactId));
    expect(container.querySelector("[role=status]")?.textContent).toBe(`${count - 2} accounts linked.`);
    expect(container.textContent).toContain("2 skipped:");
    expect(container.textContent).toContain("The account or the customer changed meanwhile.");

    await click(buttonNamed(container, "Close"));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it("says when there is nothing to accept, and changes nothing", async () => {
    const accept = vi.fn<AcceptSuggestions>(async () => ({ ok: true, value: preview(0) }));
    const onClose = vi.fn();
    const container = show(<AcceptSuggestionsDialog accept={accept} onClose={onClose} />);
    await flush();
    expect(container.textContent).toContain("There are no unambiguous suggestions to accept.");
    expect(() => buttonNamed(container, "Link 0 accounts")).toThrow();
    await click(buttonNamed(container, "Cancel"));
    expect(onClose).toHaveBeenCalledWith(false);
    expect(accept).toHaveBeenCalledOnce();
  });

  it("stops at a failed batch and says what was linked before it", async () => {
    const accept = vi
      .fn<AcceptSuggestions>()
      .mockResolvedValueOnce({ ok: true, value: preview(ACCEPT_BATCH + 1) })
      .mockResolvedValueOnce({
        ok: true,
        value: { dryRun: false, linked: preview(ACCEPT_BATCH).linked, skipped: [] },
      })
      .mockResolvedValueOnce({ ok: false, problem: { kind: "unreachable", detail: "Failed to fetch" } });
    const onClose = vi.fn();
    const container = show(<AcceptSuggestionsDialog accept={accept} onClose={onClose} />);
    await flush();
    await click(buttonNamed(container, `Link ${ACCEPT_BATCH + 1} accounts`));
    await flush();
    expect(container.textContent).toContain(`${ACCEPT_BATCH} accounts linked.`);
    const alert = container.querySelector("[role=alert]")?.textContent;
    expect(alert).toContain("The proxy does not answer.");
    expect(alert).not.toContain("Failed to fetch");
    await click(buttonNamed(container, "Close"));
    expect(onClose).toHaveBeenCalledWith(true);
  });
});
