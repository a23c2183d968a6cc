// @vitest-environment happy-dom
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";
import type { Locale } from "../../i18n/locale";
import { buttonNamed, click, show } from "../../testing/render";
import { sampleExactAccount, sampleRow } from "../../testing/sample-data";
import type { OverviewRow } from "../../utils/proxy-types";
import type { SearchCustomers } from "../CustomerSearch";
import type { AcceptSuggestions } from "./AcceptSuggestionsDialog";
import { AccountsOverview, type AccountsOverviewProps } from "./AccountsOverview";

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

const linkedRow = (i: number): OverviewRow =>
  sampleRow({
    account: sampleExactAccount({ id: id(i), name: `Linked ${i} BV` }),
    state: "linked",
    link: {
      customerNumber: String(100 + i),
      exactId: id(i),
      method: "vat",
      linkedBy: "zapfloor",
      linkedAt: "2026-11-20T09:30:00.000Z",
      customer: { number: String(100 + i), name: `Customer ${i}` },
    },
  });

const suggestedRow = sampleRow({
  account: sampleExactAccount({ id: id(900), name: "Suggested BV" }),
  state: "suggested",
  suggestion: {
    outcome: "match",
    customer: { number: "900", name: "Suggested" },
    score: 0.95,
    matchedOn: ["code", "name"],
    reasons: [],
  },
});

const conflictRow = sampleRow({
  account: sampleExactAccount({ id: id(901), name: "Conflict BV" }),
  state: "conflict",
  suggestion: {
    outcome: "review",
    customer: { number: "901", name: "Conflict" },
    score: 0.9,
    matchedOn: ["code"],
    reasons: [
      { code: "code", message: "…" },
      { code: "vat_contradiction", message: "…" },
    ],
  },
});

function overview(overrides: Partial<AccountsOverviewProps> = {}, locale: Locale = "en") {
  const props: AccountsOverviewProps = {
    divisions: [
      {
        division: 1234567,
        name: "Flexwerk",
        country: "NL",
        current: true,
        sync: { status: "idle", accounts: 250, lastCompletedAt: null },
      },
    ],
    division: 1234567,
    onDivision: vi.fn(),
    tab: "all",
    onTab: vi.fn(),
    query: "",
    onQuery: vi.fn(),
    rows: [linkedRow(1), suggestedRow, conflictRow],
    counts: null,
    attention: <p data-testid="attention">attention view</p>,
    loading: false,
    complete: true,
    problem: null,
    onLoadMore: vi.fn(),
    onRetry: vi.fn(),
    onOpenSettings: vi.fn(),
    busyAccount: null,
    rowProblem: null,
    onDismissRowProblem: vi.fn(),
    onLink: vi.fn(async () => true),
    onUnlink: vi.fn(),
    searchCustomers: vi.fn<SearchCustomers>(async () => ({
      ok: true,
      value: { customers: [], nextCursor: null },
    })),
    acceptSuggestions: vi.fn<AcceptSuggestions>(async () => ({
      ok: true,
      value: { dryRun: true, linked: [], skipped: [] },
    })),
    onAccepted: vi.fn(),
    ...overrides,
  };
  return {
    props,
    container: show(
      <div style={{ height: "600px" }}>
        <AccountsOverview {...props} />
      </div>,
      locale,
    ),
  };
}

describe("AccountsOverview", () => {
  it("lists each account with its state and zapfloor customer or suggestion", () => {
    const { container } = overview();
    const rows = [...container.querySelectorAll(".zfx-orow[data-account]")];
    expect(rows.map((row) => row.getAttribute("data-state"))).toEqual(["linked", "suggested", "conflict"]);
    expect(rows[0]?.textContent).toContain("101 Customer 1");
    expect([...(rows[1]?.querySelectorAll(".zfx-chip") ?? [])].map((chip) => chip.textContent)).toEqual([
      "Code",
      "Name",
    ]);
    expect(rows[2]?.querySelector(".zfx-orow__concern")?.textContent).toBe(
      "The number points to one account, the VAT number to another.",
    );
    expect(container.querySelector(".zfx-vlist__footer")?.textContent).toBe("3 accounts");
  });

  it("flags a duplicate in Exact in words, naming the look-alike, not by colour alone", () => {
    const twin = sampleRow({
      account: sampleExactAccount({ id: id(902), name: "Twin Works B.V." }),
      lookalikes: [{ accountId: id(903), name: "BV Twin Works", code: "12", sharedOn: ["name"] }],
    });
    const { container } = overview({ rows: [twin, suggestedRow] });
    const flags = [...container.querySelectorAll("[data-lookalikes]")];
    expect(flags.map((flag) => flag.textContent)).toEqual([
      "Duplicate in Exact? Looks like 12 BV Twin Works (same name)",
    ]);
    expect(flags[0]?.getAttribute("title")).toBe(
      "Looks like the same company as 12 BV Twin Works (same name) in Exact: merge them there.",
    );
  });

  it("offers the filters as tabs", async () => {
    const { container, props } = overview({ tab: "suggested" });
    const tabs = [...container.querySelectorAll("[role=tab]")];
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      "Needs attention",
      "All",
      "Linked",
      "Unlinked",
      "Suggested",
      "Conflicts",
    ]);
    expect(tabs.find((tab) => tab.getAttribute("aria-selected") === "true")?.textContent).toBe("Suggested");
    await click(tabs[0] as HTMLElement);
    expect(props.onTab).toHaveBeenCalledWith("attention");
  });

  it("shows how many accounts each filter holds, as the language writes numbers, after the tab's name", () => {
    const counts = { all: 12345, linked: 1234, unlinked: 11000, suggested: 100, conflict: 11 };
    const tabs = (container: HTMLElement) =>
      [...container.querySelectorAll("[role=tab]")].map((tab) => tab.textContent);
    expect(tabs(overview({ counts }).container)).toEqual([
      "Needs attention",
      "All 12,345",
      "Linked 1,234",
      "Unlinked 11,000",
      "Suggested 100",
      "Conflicts 11",
    ]);
    expect(tabs(overview({ counts }, "nl").container)[2]).toBe("Gekoppeld 1.234");
    expect(tabs(overview({ counts }, "fr").container)[1]).toMatch(/^Tous 12\s345$/u);
    const named = buttonNamed(overview({ counts }).container, "Linked 1,234");
    expect(named.getAttribute("role")).toBe("tab");
  });

  it("links a suggestion inline, and unlinks after a confirmation", async () => {
    const { container, props } = overview();
    await click(buttonNamed(container, "Link 900"));
    expect(props.onLink).toHaveBeenCalledWith(suggestedRow, "900");
    await click(buttonNamed(container, "Unlink Linked 1 BV"));
    expect(props.onUnlink).not.toHaveBeenCalled();
    const question = container.querySelector("dialog")!;
    expect(question.open).toBe(true);
    expect(question.textContent).toContain("Unlink zapfloor customer 101 from this Exact account?");
    expect(document.activeElement?.textContent).toBe("Cancel");
    await click(buttonNamed(container, "Yes, unlink"));
    expect(props.onUnlink).toHaveBeenCalledWith(linkedRow(1));
  });

  it("links any account through a modal search dialog, and gives focus back to the row", async () => {
    const { container } = overview();
    const opener = buttonNamed(container, "Link… Conflict BV");
    opener.focus();
    await click(opener);
    const dialog = container.querySelector("dialog")!;
    expect(dialog.open).toBe(true);
    const title = dialog.getAttribute("aria-labelledby")!;
    expect(container.querySelector(`[id="${title}"]`)?.textContent).toBe("Link Conflict BV");
    expect(dialog.querySelector("input[type=search]")).toBe(document.activeElement);

    // Escape anywhere in the dialog closes it (the browser fires `cancel`), and focus returns.
    await act(async () => {
      dialog.dispatchEvent(new Event("cancel", { cancelable: true }));
    });
    expect(container.querySelector("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("moves between the filter tabs with the arrow keys, one tab stop for all", async () => {
    const { container, props } = overview({ tab: "all" });
    const tabs = [...container.querySelectorAll<HTMLElement>("[role=tab]")];
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([-1, 0, -1, -1, -1, -1]);
    const panel = container.querySelector("[role=tabpanel]")!;
    expect(panel.getAttribute("aria-labelledby")).toBe(tabs[1]?.id);
    const press = (key: string) =>
      act(() => {
        tabs[1]?.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
      });
    await press("ArrowRight");
    expect(props.onTab).toHaveBeenLastCalledWith("linked");
    await press("ArrowLeft");
    expect(props.onTab).toHaveBeenLastCalledWith("attention");
    await press("End");
    expect(props.onTab).toHaveBeenLastCalledWith("conflict");
    await press("Home");
    expect(props.onTab).toHaveBeenLastCalledWith("attention");
  });

  it("says it is loading more, and how many are loaded", () => {
    expect(overview({ loading: true }).container.querySelector(".zfx-vlist__footer")?.textContent).toBe(
      "Loading more…",
    );
    expect(overview({ complete: false }).container.querySelector(".zfx-vlist__footer")?.textContent).toBe(
      "3 accounts loaded",
    );
  });

  it("shows the Needs attention view in place of the list, without the search", () => {
    const { container } = overview({ tab: "attention" });
    expect(container.querySelector("[data-testid=attention]")?.textContent).toBe("attention view");
    expect(container.querySelector(".zfx-orow[data-account]")).toBeNull();
    expect(container.querySelector("input[type=search]")).toBeNull();
  });

  it("says what the division lacks before it can take invoices", () => {
    const { container } = overview({
      divisions: [
        {
          division: 1234567,
          name: "Flexwerk",
          country: "NL",
          current: true,
          sync: { status: "idle", accounts: 250, lastCompletedAt: null },
          bookings: { ready: false, missing: ["salesJournal", "vatMapping"] },
        },
      ],
    });
    expect(container.querySelector("[data-readiness]")?.textContent).toBe(
      "Cannot take invoices yet. Missing: a sales journal, VAT codes.",
    );
  });

  it("explains a problem with what helps", async () => {
    const { container, props } = overview({ rows: [], problem: { kind: "token_invalid" } });
    await click(buttonNamed(container, "Open settings"));
    expect(props.onOpenSettings).toHaveBeenCalledOnce();
  });
});
