// @vitest-environment happy-dom
import { useState } from "preact/hooks";
import { act } from "preact/test-utils";
import { describe, expect, it, vi } from "vitest";
import { buttonNamed, click, show } from "../../testing/render";
import {
  ACCOUNT_ID,
  linkedDetail,
  sampleCustomer,
  sampleDetail,
  sampleExactAccount,
} from "../../testing/sample-data";
import type { SearchCustomers } from "../CustomerSearch";
import { AccountPanel, type AccountPanelProps, type PanelView } from "./AccountPanel";

function panel(
  view: PanelView,
  overrides: Partial<AccountPanelProps> = {},
  locale: "en" | "nl" | "fr" = "en",
) {
  const props: AccountPanelProps = {
    view,
    collapsed: false,
    busy: false,
    actionProblem: null,
    searchCustomers: vi.fn<SearchCustomers>(async () => ({
      ok: true,
      value: { customers: [], nextCursor: null },
    })),
    onToggle: vi.fn(),
    onRetry: vi.fn(),
    onOpenSettings: vi.fn(),
    onOpenOverview: vi.fn(),
    onLink: vi.fn(),
    onPromoteAndLink: vi.fn(),
    onAddVatAndLink: vi.fn(),
    onUnlink: vi.fn(),
    onDismissProblem: vi.fn(),
    ...overrides,
  };
  return { props, container: show(<AccountPanel {...props} />, locale) };
}

/** The panel with props a test changes while it is on screen, as PanelApp does around a link or unlink. */
function livePanel(view: PanelView) {
  const control: { change?: (next: Partial<AccountPanelProps>) => void } = {};
  function Live() {
    const [changed, setChanged] = useState<Partial<AccountPanelProps>>({ view });
    control.change = (next) => setChanged((current) => ({ ...current, ...next }));
    return <AccountPanel {...panelProps(changed)} />;
  }
  const container = show(<Live />);
  const change = (next: Partial<AccountPanelProps>) => act(() => control.change?.(next));
  return { container, change };
}

function panelProps(overrides: Partial<AccountPanelProps>): AccountPanelProps {
  return {
    view: { state: "loading" },
    collapsed: false,
    busy: false,
    actionProblem: null,
    searchCustomers: async () => ({ ok: true, value: { customers: [], nextCursor: null } }),
    onToggle: () => {},
    onRetry: () => {},
    onOpenSettings: () => {},
    onOpenOverview: () => {},
    onLink: () => {},
    onPromoteAndLink: () => {},
    onAddVatAndLink: () => {},
    onUnlink: () => {},
    onDismissProblem: () => {},
    ...overrides,
  };
}

const summary = (container: HTMLElement) => container.querySelector(".zfx-panel__summary")?.textContent;

const candidate = (overrides: Partial<ReturnType<typeof sampleDetail>["candidates"][number]> = {}) => ({
  customer: sampleCustomer(),
  matchedOn: ["code", "name"] as ("code" | "name")[],
  score: 0.95,
  nameSimilarity: 0.87,
  linkedTo: null,
  decision: "match" as const,
  reasons: [],
  ...overrides,
});

describe("AccountPanel", () => {
  it("shows that it is loading", () => {
    const { container } = panel({ state: "loading" });
    expect(summary(container)).toBe("Loading…");
    expect(container.querySelector("[role=status]")?.textContent).toBe("Looking up this account…");
  });

  it("shows the linked customer: number, name, how, by whom and when", () => {
    const { container } = panel({ state: "ready", account: linkedDetail() });
    expect(summary(container)).toBe("Linked to 1042");
    expect(container.querySelector("[data-testid=linked-number]")?.textContent).toBe("1042");
    expect(container.textContent).toContain("Acme Coworking NV");
    expect(container.querySelector(".zfx-linked__how")?.textContent).toMatch(
      /^Linked by hand by Anna \(bookkeeper\) on .*2026/,
    );
    expect(container.querySelector("section")?.dataset.state).toBe("linked");
  });

  it("shows the last answer while it is checked again, says so, and changes nothing meanwhile", () => {
    const { container, change } = livePanel({ state: "ready", account: linkedDetail(), checking: true });
    expect(summary(container)).toBe("Linked to 1042");
    expect(container.querySelector("[role=status]")?.textContent).toBe("As last seen — checking it again…");
    expect(container.querySelector("section")?.dataset.checking).toBe("true");
    expect(buttonNamed(container, "Unlink").disabled).toBe(true);
    change({ view: { state: "ready", account: linkedDetail() } });
    expect(container.querySelector("[role=status]")).toBeNull();
    expect(container.querySelector("section")?.dataset.checking).toBeUndefined();
    expect(buttonNamed(container, "Unlink").disabled).toBe(false);
  });

  it("shows the VAT number as Exact holds it, and the spelling it is read as when that differs", () => {
    const typed = sampleExactAccount({ vatNumber: "BE 0407.186.105", vatNumberNormalised: "BE0407186105" });
    const { container } = panel({ state: "ready", account: sampleDetail({ account: typed }) });
    expect(container.querySelector(".zfx-panel__vat")?.textContent).toBe(
      "VAT number in Exact: BE 0407.186.105 · read as BE0407186105",
    );
    const same = sampleExactAccount({ vatNumber: "BE0407186105", vatNumberNormalised: "BE0407186105" });
    expect(
      panel({ state: "ready", account: sampleDetail({ account: same }) }).container.querySelector(
        ".zfx-panel__vat",
      )?.textContent,
    ).toBe("VAT number in Exact: BE0407186105");
    const garbled = sampleExactAccount({ vatNumber: "n/a", vatNumberNormalised: null });
    expect(
      panel(
        { state: "ready", account: sampleDetail({ account: garbled }) },
        {},
        "nl",
      ).container.querySelector(".zfx-panel__vat")?.textContent,
    ).toBe("Btw-nummer in Exact: n/a · geen leesbaar btw-nummer");
  });

  it("unlinks only after a confirmation", async () => {
    const { container, props } = panel({ state: "ready", account: linkedDetail() });
    await click(buttonNamed(container, "Unlink"));
    expect(props.onUnlink).not.toHaveBeenCalled();
    expect(container.textContent).toContain("Unlink zapfloor customer 1042 from this Exact account?");
    await click(buttonNamed(container, "Cancel"));
    expect(container.textContent).not.toContain("from this Exact account?");
    await click(buttonNamed(container, "Unlink"));
    await click(buttonNamed(container, "Yes, unlink"));
    expect(props.onUnlink).toHaveBeenCalledOnce();
  });

  it("ranks candidates with the reason of each and links one with a click", async () => {
    const account = sampleDetail({
      candidates: [
        candidate(),
        candidate({ customer: sampleCustomer({ number: "2001", name: "Acme BV" }), matchedOn: ["vat"] }),
      ],
    });
    const { container, props } = panel({ state: "ready", account });
    expect(summary(container)).toBe("Not linked");
    const items = [...container.querySelectorAll(".zfx-candidate")];
    expect(items.map((item) => item.getAttribute("data-customer"))).toEqual(["1042", "2001"]);
    expect([...items[0]!.querySelectorAll(".zfx-chip")].map((chip) => chip.textContent)).toEqual([
      "Code",
      "Name 87%",
    ]);
    expect(items[1]!.querySelector(".zfx-chip")?.textContent).toBe("VAT");
    await click(buttonNamed(container, "Link 2001"));
    expect(props.onLink).toHaveBeenCalledWith("2001");
  });

  it("does not offer a customer already linked to another account, and says so", () => {
    const account = sampleDetail({
      candidates: [
        candidate({
          linkedTo: "0b9e6f2a-1111-4b7e-9d20-3a6f1c0e7b42",
          reasons: [{ code: "already_linked_elsewhere", customerNumber: "1042", message: "…" }],
        }),
      ],
    });
    const { container } = panel({ state: "ready", account });
    const item = container.querySelector(".zfx-candidate")!;
    expect(item.querySelector("button")).toBeNull();
    expect(item.textContent).toContain("Linked to another account");
    expect(item.textContent).toContain("zapfloor customer 1042 is already linked to another Exact account.");
  });

  it("offers to make a prospect a customer and link it", async () => {
    const account = sampleDetail({
      account: { ...sampleDetail().account, status: "P", isCustomer: false },
      state: "conflict",
      warnings: [{ code: "not_a_customer", action: "promote_and_link", message: "…", accountId: ACCOUNT_ID }],
      candidates: [candidate({ decision: "review" })],
    });
    const { container, props } = panel({ state: "ready", account });
    expect(summary(container)).toBe("Needs attention");
    const warning = container.querySelector("[data-warning=not_a_customer]")!;
    expect(warning.textContent).toBe(
      "This Exact account is not a customer (status prospect); only customers can be linked.Make it a customer in Exact, or use “Make customer and link”.",
    );
    await click(buttonNamed(container, "Make customer and link"));
    expect(props.onPromoteAndLink).toHaveBeenCalledWith("1042");
  });

  it("offers to add the customer's VAT number in Exact, shows what it changes, and does it only once confirmed", async () => {
    const fix = {
      action: "add_vat_and_link" as const,
      changes: [
        { field: "VATNumber" as const, from: null, to: "BE0407186105" },
        { field: "ChamberOfCommerce" as const, from: null, to: "0407186105" },
      ],
    };
    const account = sampleDetail({ candidates: [candidate({ matchedOn: ["name"], fix })] });
    const { container, props } = panel({ state: "ready", account });
    await click(buttonNamed(container, "Add VAT number and link 1042"));
    expect(props.onAddVatAndLink).not.toHaveBeenCalled();
    const confirmation = container.querySelector("[data-fix=add_vat_and_link]")!;
    expect(confirmation.textContent).toContain("This changes the account in Exact Online, then links it:");
    expect(confirmation.querySelector("[data-field=VATNumber]")?.textContent).toBe(
      "VAT number: (empty) → BE0407186105",
    );
    expect(confirmation.querySelector("[data-field=ChamberOfCommerce]")?.textContent).toBe(
      "Company number: (empty) → 0407186105",
    );
    await click(buttonNamed(confirmation, "Cancel"));
    expect(container.querySelector("[data-fix]")).toBeNull();
    await click(buttonNamed(container, "Add VAT number and link 1042"));
    await click(buttonNamed(container, "Yes, change in Exact and link"));
    expect(props.onAddVatAndLink).toHaveBeenCalledWith("1042");
  });

  it("flags Exact customers that look like the same company", () => {
    const account = sampleDetail({
      lookalikes: [{ accountId: "x", name: "BV Twin Works", code: "12", sharedOn: ["name", "vat"] }],
    });
    const { container } = panel({ state: "ready", account }, {}, "nl");
    expect(container.querySelector("[data-lookalikes]")?.textContent).toBe(
      "Lijkt hetzelfde bedrijf als 12 BV Twin Works (zelfde naam, zelfde btw-nummer) in Exact: voeg ze daar samen.",
    );
  });

  it("says before a link that it writes the number into the empty SearchCode, and afterwards what it did", () => {
    const account = sampleDetail({
      candidates: [candidate({ linkChanges: [{ field: "SearchCode", from: null, to: "1042" }] })],
    });
    const before = panel({ state: "ready", account }, {}, "fr").container;
    expect(before.querySelector("[data-link-change]")?.textContent).toBe(
      "Lier inscrit aussi 1042 dans le code de recherche vide du tiers dans Exact Online.",
    );
    for (const [outcome, searchCode, text] of [
      ["set", "1042", "SearchCode 1042 set in Exact Online: the link can be found again from Exact."],
      [
        "kept_other",
        "OWN",
        'The account\'s SearchCode "OWN" was kept: it is not the zapfloor number, and an existing SearchCode is never overwritten.',
      ],
      ["taken", null, "The SearchCode was left empty: another Exact account already carries this number."],
    ] as const) {
      const { container } = panel(
        { state: "ready", account: linkedDetail() },
        { searchCodeResult: { outcome, searchCode, message: "" } },
      );
      expect(container.querySelector(`[data-search-code=${outcome}]`)?.textContent).toBe(text);
    }
    const quiet = panel(
      { state: "ready", account: linkedDetail() },
      { searchCodeResult: { outcome: "already_set", searchCode: "1042", message: "" } },
    ).container;
    expect(quiet.querySelector("[data-search-code]")).toBeNull();
  });

  it("shows names as text, never as markup", () => {
    const account = sampleDetail({
      account: { ...sampleDetail().account, name: "<img src=x onerror=alert(1)> Labs" },
      candidates: [candidate({ customer: { ...sampleCustomer(), name: "<b>Acme</b>; DELETE Ltd" } })],
    });
    const { container } = panel({ state: "ready", account });
    expect(container.querySelector("img, b")).toBeNull();
    expect(container.textContent).toContain("<img src=x onerror=alert(1)> Labs");
    expect(container.textContent).toContain("<b>Acme</b>; DELETE Ltd");
  });

  it("calls a link stale when the account was deleted, and says what to do", () => {
    const account = linkedDetail({
      state: "conflict",
      account: { ...linkedDetail().account, deleted: true },
      warnings: [{ code: "account_deleted", message: "…", accountId: ACCOUNT_ID }],
    });
    const { container } = panel({ state: "ready", account });
    expect(summary(container)).toBe("Linked to 1042");
    expect(container.querySelector("[data-warning=account_deleted]")?.textContent).toBe(
      "This Exact account was deleted in Exact Online.The link is stale: unlink it, then link the right account.",
    );
  });

  it("shows the two VAT numbers when they differ", () => {
    const account = linkedDetail({
      state: "conflict",
      account: { ...linkedDetail().account, vatNumber: "BE0999999999" },
      warnings: [{ code: "vat_differs", message: "…", customerNumber: "1042" }],
    });
    const { container } = panel({ state: "ready", account });
    expect(container.querySelector("[data-warning=vat_differs]")?.textContent).toContain(
      "The VAT number differs: zapfloor has BE0123456749, Exact has BE0999999999.",
    );
  });

  it("explains a conflict by its reasons, leaving out the evidence that is not the problem", () => {
    const account = sampleDetail({
      state: "conflict",
      suggestion: {
        outcome: "review",
        customer: { number: "1042", name: "Acme" },
        score: 0.95,
        matchedOn: ["code"],
        reasons: [
          { code: "code", message: "…" },
          { code: "vat_contradiction", message: "…" },
        ],
      },
    });
    const { container } = panel({ state: "ready", account });
    const conflict = container.querySelector("[data-warning=conflict]")!;
    expect([...conflict.querySelectorAll("[data-reason]")].map((r) => r.getAttribute("data-reason"))).toEqual(
      ["vat_contradiction"],
    );
    expect(conflict.textContent).toContain("Check the candidates below and link the right one by hand.");
  });

  it.each([
    [{ kind: "token_invalid" } as const, "The proxy refused the bookkeeper token.", "Open settings"],
    [{ kind: "unreachable", detail: "Failed to fetch" } as const, "The proxy does not answer.", "Try again"],
    [
      { kind: "division_not_connected", division: 7 } as const,
      "Division 7 is not connected to the proxy.",
      "Open settings",
    ],
    [{ kind: "not_configured" } as const, "The extension does not know the proxy yet.", "Open settings"],
    [
      { kind: "mirror_not_loaded", division: 7 } as const,
      "The Exact accounts of division 7 have not been loaded yet.",
      "Try again",
    ],
  ])("explains %j and offers what helps", async (problem, text, action) => {
    const { container, props } = panel({ state: "problem", problem });
    const alert = container.querySelector("[role=alert]")!;
    expect(alert.querySelector(".zfx-notice__text")?.textContent).toBe(text);
    expect(summary(container)).toBe("Needs attention");
    await click(buttonNamed(alert, action));
    expect(action === "Try again" ? props.onRetry : props.onOpenSettings).toHaveBeenCalledOnce();
  });

  it("shows why a link failed, and lets it be dismissed", async () => {
    const { container, props } = panel(
      { state: "ready", account: sampleDetail() },
      { actionProblem: { kind: "conflict", message: "Exact account is blocked; it cannot be linked." } },
    );
    const alert = container.querySelector("[role=alert]")!;
    expect(alert.querySelector(".zfx-notice__text")?.textContent).toBe(
      "The proxy refused the change: it no longer fits how things stand.",
    );
    // The proxy's own English stays visible, marked as such, for the specifics.
    expect(alert.querySelector(".zfx-notice__detail [lang=en]")?.textContent).toBe(
      "Exact account is blocked; it cannot be linked.",
    );
    await click(buttonNamed(container, "Dismiss"));
    expect(props.onDismissProblem).toHaveBeenCalledOnce();
  });

  it("folds away to its header and keeps the state in it", async () => {
    const { container, props } = panel({ state: "ready", account: linkedDetail() }, { collapsed: true });
    const toggle = container.querySelector<HTMLButtonElement>(".zfx-panel__toggle")!;
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(container.querySelector<HTMLElement>("#zfx-panel-body")?.hidden).toBe(true);
    expect(summary(container)).toBe("Linked to 1042");
    await click(toggle);
    expect(props.onToggle).toHaveBeenCalledOnce();
  });

  it("folds with Escape, and keeps focus on its header rather than the page", async () => {
    const { container, props } = panel({ state: "ready", account: linkedDetail() });
    buttonNamed(container, "Unlink").focus();
    await act(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(props.onToggle).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(container.querySelector(".zfx-panel__toggle"));
  });

  it("asks before unlinking in a modal dialog, Cancel in focus, and Escape there does not fold the panel", async () => {
    const { container, props } = panel({ state: "ready", account: linkedDetail() });
    const unlink = buttonNamed(container, "Unlink");
    unlink.focus();
    await click(unlink);
    const question = container.querySelector("dialog")!;
    expect(question.open).toBe(true);
    expect(document.activeElement?.textContent).toBe("Cancel");
    await act(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      question.dispatchEvent(new Event("cancel", { cancelable: true }));
    });
    expect(props.onToggle).not.toHaveBeenCalled();
    expect(container.querySelector("dialog")).toBeNull();
    expect(document.activeElement).toBe(unlink);
  });

  it("moves focus to Unlink once a link is made, and to the unlinked state once undone", async () => {
    const unlinked = sampleDetail({ candidates: [candidate()] });
    const { container, change } = livePanel({ state: "ready", account: unlinked });
    buttonNamed(container, "Link 1042").focus();
    await change({ busy: true });
    await change({ busy: false, view: { state: "ready", account: linkedDetail() } });
    expect(document.activeElement).toBe(buttonNamed(container, "Unlink"));

    await change({ busy: true });
    await change({ busy: false, view: { state: "ready", account: unlinked } });
    expect(document.activeElement).toBe(container.querySelector(".zfx-panel__unlinked"));
  });

  it("moves focus to the notice when a link fails", async () => {
    const { container, change } = livePanel({
      state: "ready",
      account: sampleDetail({ candidates: [candidate()] }),
    });
    // Where a browser leaves focus once it disables the clicked button (HTML's focus fixup): on the body.
    const link = buttonNamed(container, "Link 1042");
    link.focus();
    link.blur();
    await change({ busy: true });
    await change({ busy: false, actionProblem: { kind: "conflict", message: "blocked" } });
    expect(document.activeElement).toBe(buttonNamed(container, "Dismiss"));
  });

  it.each([
    ["nl", "Gekoppeld aan 1042", "Ontkoppelen"],
    ["fr", "Lié à 1042", "Délier"],
  ] as const)("speaks %s", (locale, linkedSummary, unlink) => {
    const { container } = panel({ state: "ready", account: linkedDetail() }, {}, locale);
    expect(summary(container)).toBe(linkedSummary);
    expect(buttonNamed(container, unlink)).toBeTruthy();
  });
});
