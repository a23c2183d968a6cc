// @vitest-environment happy-dom

import { act } from "preact/test-utils";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "#imports";
import { click, show } from "../../testing/render";
import { createMessageListener, type MessageHandlers } from "../../utils/messaging";
import type { BookingSettings, BookingSettingsInput, ReferenceData } from "../../utils/proxy-types";
import { BookingSettingsForm } from "./BookingSettingsForm";

const reference: ReferenceData = {
  division: 1234567,
  salesJournals: [
    { code: "70", description: "Verkoopboek" },
    { code: "71", description: "Creditnota's" },
  ],
  revenueGlAccounts: [
    { code: "8010", description: "Omzet flexplekken" },
    { code: "8020", description: "Omzet vergaderzalen" },
  ],
  salesVatCodes: [
    { code: "0", description: "BTW 0%", percentage: "0", type: "B" },
    { code: "2", description: "BTW hoog", percentage: "21", type: "B" },
  ],
  fetchedAt: "2026-11-20T09:30:00.000Z",
};

const empty: BookingSettings = {
  division: 1234567,
  configured: false,
  salesJournal: null,
  creditNoteJournal: null,
  glMapping: {},
  vatMapping: { rates: {}, international: null },
  autoCreate: true,
  autoPush: true,
  nonCustomerMatch: "review",
  similarNameMatch: "review",
  updatedAt: null,
  updatedBy: null,
  referenceDataFetchedAt: null,
  bookings: { ready: false, missing: ["salesJournal", "glMapping", "vatMapping"] },
};

let saved: BookingSettingsInput | undefined;
const handlers = {
  getBookingSettings: () => ({ ok: true, value: empty }),
  getReferenceData: vi.fn(() => ({ ok: true, value: reference })),
  saveBookingSettings: ({ settings }: { settings: BookingSettingsInput }) => {
    saved = settings;
    return { ok: true, value: { ...empty, ...settings, bookings: { ready: true, missing: [] } } };
  },
} as unknown as MessageHandlers;

beforeEach(() => {
  fakeBrowser.reset();
  saved = undefined;
  const listener = createMessageListener(handlers);
  vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(
    (message: unknown) =>
      new Promise((resolve) => {
        if (!listener(message, {}, resolve)) resolve(undefined);
      }),
  );
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function choose(element: HTMLSelectElement | HTMLInputElement, value: string) {
  await act(async () => {
    element.value = value;
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }),
    );
  });
}

const labelled = (container: HTMLElement, text: string) => {
  const label = [...container.querySelectorAll("label")].find((l) => l.textContent?.startsWith(text));
  const control = label?.querySelector("select, input") ?? container.querySelector(`[aria-label="${text}"]`);
  if (!control) throw new Error(`no control labelled "${text}"`);
  return control as HTMLSelectElement | HTMLInputElement;
};

describe("BookingSettingsForm", () => {
  it("offers the division's own journals, GL accounts and VAT codes with Exact's descriptions, and saves what is picked", async () => {
    const onSaved = vi.fn();
    const container = show(<BookingSettingsForm division={1234567} onSaved={onSaved} />);
    await settle();
    expect(container.querySelector("[data-readiness]")?.textContent).toBe(
      "Cannot take invoices yet. Missing: a sales journal, revenue G/L accounts, VAT codes.",
    );
    const journal = labelled(container, "Sales journal") as HTMLSelectElement;
    expect([...journal.options].map((option) => option.textContent)).toEqual([
      "— not set —",
      "70 — Verkoopboek",
      "71 — Creditnota's",
    ]);
    await choose(journal, "70");
    await choose(labelled(container, "Credit-note journal"), "71");

    const addRow = () =>
      [...container.querySelectorAll("fieldset")].map(
        (set) => set.querySelector("button.zfx-button") as HTMLElement,
      );
    await click(addRow()[0]!);
    await choose(labelled(container, "Revenue key 1"), "desk");
    const gl = labelled(container, "G/L account 1") as HTMLInputElement;
    expect([...container.querySelectorAll("datalist option")].map((option) => option.textContent)).toEqual([
      "8010 — Omzet flexplekken",
      "8020 — Omzet vergaderzalen",
    ]);
    await choose(gl, "8010");
    expect(gl.parentElement?.textContent).toContain("Omzet flexplekken");

    await click(addRow()[1]!);
    await choose(labelled(container, "VAT rate (%) 1"), "21");
    const vat = labelled(container, "VAT code 1") as HTMLSelectElement;
    expect([...vat.options].map((option) => option.textContent)).toContain("2 — BTW hoog · 21% · type B");
    await choose(vat, "2");
    await choose(labelled(container, "VAT code for customers abroad"), "0");
    await click(labelled(container, "Push accepted invoices to Exact automatically"));

    await click(container.querySelector("button[type=submit]") as HTMLElement);
    await settle();
    expect(saved).toEqual({
      salesJournal: "70",
      creditNoteJournal: "71",
      glMapping: { desk: "8010" },
      vatMapping: { rates: { "21": "2" }, international: "0" },
      autoCreate: true,
      autoPush: false,
      nonCustomerMatch: "review",
      similarNameMatch: "review",
    });
    expect(container.textContent).toContain("Booking settings saved.");
    expect(container.querySelector("[data-readiness]")).toBeNull();
    expect(onSaved).toHaveBeenCalledOnce();
  });

  it("lets a division with same-named customers (franchises) create anyway, saved through the proxy", async () => {
    const container = show(<BookingSettingsForm division={1234567} onSaved={() => {}} />, "nl");
    await settle();
    const similar = labelled(
      container,
      "Als alleen een klant met een gelijkende naam bestaat",
    ) as HTMLSelectElement;
    expect(similar.value).toBe("review");
    expect([...similar.options].map((option) => option.textContent)).toEqual([
      "Mij vragen (aandacht nodig)",
      "Toch een nieuwe klant aanmaken",
    ]);
    await choose(similar, "create");
    await click(container.querySelector("button[type=submit]") as HTMLElement);
    await settle();
    expect(saved).toMatchObject({ similarNameMatch: "create", nonCustomerMatch: "review", autoCreate: true });
  });

  it("reads the lists from Exact again on request", async () => {
    const container = show(<BookingSettingsForm division={1234567} onSaved={() => {}} />, "nl");
    await settle();
    const refresh = [...container.querySelectorAll("button")].find(
      (b) => b.textContent === "Vernieuwen uit Exact",
    )!;
    await click(refresh);
    await settle();
    expect(handlers.getReferenceData).toHaveBeenLastCalledWith({ division: 1234567, refresh: true }, {});
  });
});
