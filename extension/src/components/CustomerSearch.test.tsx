// @vitest-environment happy-dom
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buttonNamed, click, show, typeInto } from "../testing/render";
import { ACCOUNT_ID, sampleCustomer } from "../testing/sample-data";
import { CustomerSearch, SEARCH_DEBOUNCE_MS, type SearchCustomers } from "./CustomerSearch";

const link = (exactId: string) => ({
  customerNumber: "x",
  exactId,
  method: "manual" as const,
  linkedBy: "b",
  linkedAt: "2026-11-20T09:30:00.000Z",
});

function searchBox(container: HTMLElement) {
  return container.querySelector<HTMLInputElement>("input[type=search]")!;
}

async function settle() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
  });
}

describe("CustomerSearch", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks once the typing pauses, and links a result with a click", async () => {
    const search = vi.fn<SearchCustomers>(async () => ({
      ok: true,
      value: {
        customers: [sampleCustomer(), sampleCustomer({ number: "2001", name: "Acme BV" })],
        nextCursor: null,
      },
    }));
    const onPick = vi.fn();
    const container = show(
      <CustomerSearch accountId={ACCOUNT_ID} search={search} busy={false} onPick={onPick} />,
    );
    await typeInto(searchBox(container), "ac");
    await typeInto(searchBox(container), "acme");
    expect(search).not.toHaveBeenCalled();
    await settle();
    expect(search).toHaveBeenCalledOnce();
    expect(search).toHaveBeenCalledWith("acme", undefined);
    expect([...container.querySelectorAll("[data-customer]")].map((li) => li.textContent)).toEqual([
      "1042 Acme Coworking NV · BE0123456749Link",
      "2001 Acme BV · BE0123456749Link",
    ]);
    await click(buttonNamed(container, "Link 2001"));
    expect(onPick).toHaveBeenCalledWith("2001");
  });

  it("marks customers linked elsewhere and the one linked here", async () => {
    const search: SearchCustomers = async () => ({
      ok: true,
      value: {
        customers: [
          sampleCustomer({ link: link("0b9e6f2a-1111-4b7e-9d20-3a6f1c0e7b42") }),
          sampleCustomer({ number: "2001", link: link(ACCOUNT_ID) }),
        ],
        nextCursor: null,
      },
    });
    const container = show(
      <CustomerSearch accountId={ACCOUNT_ID} search={search} busy={false} onPick={vi.fn()} />,
    );
    await typeInto(searchBox(container), "acme");
    await settle();
    const [elsewhere, here] = [...container.querySelectorAll("[data-customer]")];
    expect(elsewhere?.querySelector("button")).toBeNull();
    expect(elsewhere?.textContent).toContain("Linked to another account");
    expect(here?.querySelector("button")?.disabled).toBe(true);
  });

  it("says when nothing was found, and pages through more results", async () => {
    const search = vi.fn<SearchCustomers>(async (_, cursor) => ({
      ok: true,
      value: cursor
        ? { customers: [sampleCustomer({ number: "3003" })], nextCursor: null }
        : { customers: [sampleCustomer()], nextCursor: "next" },
    }));
    const container = show(
      <CustomerSearch accountId={ACCOUNT_ID} search={search} busy={false} onPick={vi.fn()} />,
    );
    await typeInto(searchBox(container), "acme");
    await settle();
    await click(buttonNamed(container, "More results"));
    expect(search).toHaveBeenLastCalledWith("acme", "next");
    expect(
      [...container.querySelectorAll("[data-customer]")].map((li) => li.getAttribute("data-customer")),
    ).toEqual(["1042", "3003"]);

    search.mockResolvedValueOnce({ ok: true, value: { customers: [], nextCursor: null } });
    await typeInto(searchBox(container), "zzz");
    await settle();
    expect(container.querySelector("[role=status]")?.textContent).toBe("No zapfloor customer found.");
  });

  it("shows why a search failed", async () => {
    const search: SearchCustomers = async () => ({ ok: false, problem: { kind: "token_invalid" } });
    const container = show(
      <CustomerSearch accountId={ACCOUNT_ID} search={search} busy={false} onPick={vi.fn()} />,
    );
    await typeInto(searchBox(container), "acme");
    await settle();
    expect(container.querySelector("[role=alert]")?.textContent).toContain(
      "The proxy refused the bookkeeper token.",
    );
  });

  it("keeps only the answer to the latest query", async () => {
    let answerFirst: (value: Awaited<ReturnType<SearchCustomers>>) => void = () => {};
    const search = vi
      .fn<SearchCustomers>()
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce({
        ok: true,
        value: { customers: [sampleCustomer({ number: "2002" })], nextCursor: null },
      });
    const container = show(
      <CustomerSearch accountId={ACCOUNT_ID} search={search} busy={false} onPick={vi.fn()} />,
    );
    await typeInto(searchBox(container), "old");
    await settle();
    await typeInto(searchBox(container), "new");
    await settle();
    await act(async () =>
      answerFirst({ ok: true, value: { customers: [sampleCustomer({ number: "1111" })], nextCursor: null } }),
    );
    expect(
      [...container.querySelectorAll("[data-customer]")].map((li) => li.getAttribute("data-customer")),
    ).toEqual(["2002"]);
  });
});
