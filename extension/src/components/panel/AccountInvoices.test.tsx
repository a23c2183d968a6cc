// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { show } from "../../testing/render";
import { AccountInvoices } from "./AccountInvoices";

const invoices = {
  problems: [
    {
      kind: "push" as const,
      reason: "customer_needs_review" as const,
      action: "link_account" as const,
      message: "only a prospect matches",
      invoiceNumber: "2026-0300",
      entryState: "needs_review" as const,
      totalInclVat: "121.00",
      customerNumber: "7007",
      accounts: [{ id: "a1", name: "Prospect B.V.", code: null }],
      reasons: [],
      problems: [],
      error: null,
      updatedAt: null,
    },
  ],
  invoices: [
    {
      invoiceNumber: "2026-0153",
      type: "invoice" as const,
      date: "2026-11-01",
      totalInclVat: "587.46",
      currency: "EUR",
      state: "pushed" as const,
      paid: "paid" as const,
      exactEntryNumber: 26700001,
    },
    {
      invoiceNumber: "2026-0154",
      type: "invoice" as const,
      date: "2026-11-02",
      totalInclVat: "121.00",
      currency: "EUR",
      state: "failed" as const,
      paid: "unknown" as const,
      exactEntryNumber: null,
    },
  ],
};

describe("AccountInvoices", () => {
  it("shows the account's open problems and its latest invoices with push and paid state", () => {
    const container = show(<AccountInvoices invoices={invoices} />);
    expect(container.querySelector(".zfx-panel__problems [data-invoice='2026-0300']")?.textContent).toBe(
      "Invoice 2026-0300 waits: customer 7007 needs linking by hand.",
    );
    expect(
      [...container.querySelectorAll(".zfx-panel__invoice-list li")].map((item) => item.textContent),
    ).toEqual(["2026-0153 · 587.46 EUR · in Exact · paid", "2026-0154 · 121.00 EUR · failed"]);
  });

  it("speaks Dutch and French, and shows nothing when there is nothing", () => {
    expect(show(<AccountInvoices invoices={invoices} />, "nl").textContent).toContain(
      "2026-0153 · 587.46 EUR · in Exact · betaald",
    );
    expect(show(<AccountInvoices invoices={invoices} />, "fr").textContent).toContain("Dernières factures");
    expect(show(<AccountInvoices invoices={{ problems: [], invoices: [] }} />).textContent).toBe("");
  });
});
