// @vitest-environment happy-dom
import type { GoLiveReview } from "@zapfloor-exact/shared/schemas/go-live";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buttonNamed, show } from "../../testing/render";
import { GoLiveReviewView } from "./GoLiveReviewView";

const review: GoLiveReview = {
  division: 1234567,
  generatedAt: "2026-11-20T09:30:00.000Z",
  accountsLoadedAt: "2026-11-20T09:00:00.000Z",
  autoCreate: false,
  autoPush: true,
  total: 3,
  counts: { linked: 0, will_link: 1, will_create: 1, needs_review: 1, conflict: 0, unknown: 0 },
  customers: [
    {
      customerNumber: "7007",
      name: "Gamma",
      vatNumber: null,
      outcome: "needs_review",
      matchOutcome: "review",
      account: { id: "a7", code: "77", name: "Gamma Prospect", status: "P" },
      reasons: [{ code: "not_a_customer", message: "The account is a prospect" }],
    },
    {
      customerNumber: "9009",
      name: "=Unrelated, Ltd",
      vatNumber: null,
      outcome: "will_create",
      matchOutcome: "create",
      account: null,
      reasons: [{ code: "no_match", message: "Nothing matches" }],
    },
    {
      customerNumber: "1001",
      name: "Acme",
      vatNumber: "BE0407186105",
      outcome: "will_link",
      matchOutcome: "match",
      account: { id: "a1", code: "40", name: "Acme NV", status: "C" },
      reasons: [
        { code: "searchCode", message: "SearchCode is the zapfloor number" },
        { code: "vat", message: "Same VAT number" },
      ],
    },
  ],
};

const rows = (container: HTMLElement) =>
  [...container.querySelectorAll("tbody tr")].map((row) => row.getAttribute("data-customer"));

afterEach(() => vi.restoreAllMocks());

describe("GoLiveReviewView", () => {
  it("draws the counts, lists every customer with its account and reasons in the reader's language, and filters", async () => {
    const container = show(
      <GoLiveReviewView review={review} divisionName="Flexwerk" onSwitchOn={() => {}} switching={null} />,
      "nl",
    );
    expect(container.querySelector("svg[role=img]")?.getAttribute("aria-label")).toBe(
      "zapfloor-klanten per uitkomst: Gekoppeld: 0, Wordt gekoppeld: 1, Wordt aangemaakt: 1, Te beoordelen: 1, Conflict: 0, Onbekend: 0",
    );
    expect(rows(container)).toEqual(["7007", "9009", "1001"]);
    expect(container.querySelector("[data-customer='1001']")?.textContent).toBe(
      "1001 · AcmeWordt gekoppeld40 · Acme NVzapfloor-nummer 1001 is de zoekcode van deze relatie. Zelfde btw-nummer.",
    );
    // Only outcomes that occur are offered as filters.
    expect([...container.querySelectorAll("fieldset button")].map((b) => b.textContent)).toEqual([
      "Alle (3)",
      "Wordt gekoppeld (1)",
      "Wordt aangemaakt (1)",
      "Te beoordelen (1)",
    ]);
    await act(async () => buttonNamed(container, "Te beoordelen (1)").click());
    expect(rows(container)).toEqual(["7007"]);
    expect(buttonNamed(container, "Te beoordelen (1)").getAttribute("aria-pressed")).toBe("true");
    await act(async () => buttonNamed(container, "Alle (3)").click());
    const search = container.querySelector<HTMLInputElement>("input[type=search]")!;
    await act(async () => {
      search.value = "acm";
      search.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(rows(container)).toEqual(["1001"]);
  });

  it("exports what is shown as CSV with translated words, and offers to switch on what is off", async () => {
    const onSwitchOn = vi.fn();
    const container = show(
      <GoLiveReviewView review={review} divisionName="Flexwerk" onSwitchOn={onSwitchOn} switching={null} />,
    );
    let exported: Blob | undefined;
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      exported = blob as Blob;
      return "blob:review";
    });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    await act(async () => buttonNamed(container, "Export CSV").click());
    const csv = await exported!.text();
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      "Customer number,Customer name,VAT number,Outcome,Exact account code,Exact account,Why",
      '7007,Gamma,,Needs review,77,Gamma Prospect,"This Exact account is not a customer (status prospect); only customers can be linked."',
      '9009,"\'=Unrelated, Ltd",,Will create,,,Nothing matches.',
      "1001,Acme,BE0407186105,Will link,40,Acme NV,zapfloor number 1001 is this account's SearchCode. Same VAT number.",
      "",
    ]);

    expect(container.querySelector("[data-setting=autoPush]")?.textContent).toBe(
      "Auto-push is on: accepted invoices are booked in Exact. ",
    );
    await act(async () => buttonNamed(container, "Switch auto-create on").click());
    expect(onSwitchOn).toHaveBeenCalledWith("autoCreate");
  });
});
