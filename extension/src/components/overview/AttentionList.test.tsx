// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { buttonNamed, click, show } from "../../testing/render";
import type { Attention } from "../../utils/proxy-types";
import { AttentionList, type AttentionListProps } from "./AttentionList";

const attention: Attention = {
  division: 1234567,
  bookings: { ready: true, missing: [] },
  counts: { pushes: 2, conflicts: 0, suggestions: 1, problems: 2 },
  items: [
    {
      kind: "push",
      reason: "customer_needs_review",
      action: "link_account",
      message: 'Exact account "Prospect B.V." is a prospect, not a customer.',
      invoiceNumber: "2026-0300",
      entryState: "needs_review",
      totalInclVat: "587.46",
      customerNumber: "7007",
      accounts: [{ id: "a1", name: "Prospect B.V.", code: "7007" }],
      reasons: [],
      problems: [],
      error: null,
      updatedAt: "2026-11-20T09:30:00.000Z",
    },
    {
      kind: "push",
      reason: "booking_settings",
      action: "fix_settings",
      message: 'body.lines[1].revenueKey: "meeting_room" is not in the division\'s GL mapping',
      invoiceNumber: "2026-0153",
      entryState: "failed",
      totalInclVat: "587.46",
      customerNumber: "1042",
      accounts: [],
      reasons: [],
      problems: [],
      error: null,
      updatedAt: "2026-11-20T09:30:00.000Z",
    },
  ],
};

function list(overrides: Partial<AttentionListProps> = {}, locale: "en" | "nl" | "fr" = "en") {
  const props: AttentionListProps = {
    attention,
    problem: null,
    onRetry: vi.fn(),
    onOpenSettings: vi.fn(),
    onFixSettings: vi.fn(),
    onShowAccount: vi.fn(),
    onRetryPush: vi.fn(),
    busyInvoice: null,
    retryResult: null,
    ...overrides,
  };
  return { props, container: show(<AttentionList {...props} />, locale) };
}

describe("AttentionList", () => {
  it("says what the settings lack in the reader's language, and keeps unknown problems in marked English", () => {
    const coded = {
      ...attention,
      items: [
        attention.items[0]!,
        {
          ...attention.items[1]!,
          problems: [
            {
              path: "body.lines[1].revenueKey",
              message: '"meeting_room" is not in the division\'s GL mapping',
              code: "gl_key_unmapped" as const,
              params: { key: "meeting_room" },
            },
          ],
        },
      ],
    };
    const { container } = list({ attention: coded }, "nl");
    const settings = container.querySelector("[data-invoice='2026-0153'] .zfx-attention__detail")!;
    expect(settings.textContent).toBe(
      'Toelichting: Omzetsleutel "meeting_room" heeft geen grootboekrekening in de boekingsinstellingen.',
    );
    const review = container.querySelector("[data-invoice='2026-0300'] .zfx-attention__detail")!;
    expect(review.querySelector("[lang=en]")?.textContent).toBe(attention.items[0]!.message);
  });

  it("says why an invoice's customer needs linking in the reader's language, by the reasons' codes and params", () => {
    const reasoned: Attention = {
      ...attention,
      items: [
        {
          ...attention.items[0]!,
          reasons: [
            { code: "searchCode", message: "SearchCode matches." },
            {
              code: "not_a_customer",
              message: attention.items[0]!.message,
              accountId: "a1",
              params: { status: "P" },
            },
          ],
        },
      ],
    };
    const detail = (locale: "nl" | "fr", reasons = reasoned) =>
      list({ attention: reasons }, locale).container.querySelector(
        "[data-invoice='2026-0300'] .zfx-attention__detail",
      )!;
    expect(detail("nl").textContent).toBe(
      "Toelichting: zapfloor-nummer 7007 is de zoekcode van deze relatie. Deze Exact-relatie is geen klant (status prospect); alleen klanten kunnen gekoppeld worden.",
    );
    expect(detail("fr").querySelector("[lang=en]")).toBeNull();
    expect(detail("fr").textContent).toContain("(statut prospect)");

    const withoutParams = {
      ...reasoned,
      items: [
        {
          ...reasoned.items[0]!,
          reasons: [{ code: "not_a_customer" as const, message: "", accountId: "a1" }],
        },
      ],
    };
    expect(detail("nl", withoutParams).querySelector("[lang=en]")?.textContent).toBe(
      attention.items[0]!.message,
    );
  });

  it("says what stopped an invoice in the reader's language by its error's reason, quoting what Exact said", () => {
    const stopped: Attention = {
      ...attention,
      items: [
        {
          ...attention.items[1]!,
          reason: "exact_refused",
          action: "retry",
          message: "Exact Online refused it: Dagboek 70 is geblokkeerd",
          error: { reason: "exact_refused", params: { exactMessage: "Dagboek 70 is geblokkeerd" } },
        },
        {
          ...attention.items[0]!,
          message:
            "zapfloor customer number 1234567890 has 10 characters; a new Exact customer's SearchCode holds at most 9.",
          accounts: [],
          error: { reason: "customer_number_too_long", params: { customer: "1234567890", max: "9" } },
        },
      ],
    };
    const detail = (locale: "nl" | "fr", invoice: string) =>
      list({ attention: stopped }, locale).container.querySelector(
        `[data-invoice='${invoice}'] .zfx-attention__detail`,
      )!;
    expect(detail("nl", "2026-0153").textContent).toBe(
      "Exact Online weigerde het. Exact meldde: Dagboek 70 is geblokkeerd",
    );
    expect(detail("nl", "2026-0153").querySelector("q")?.textContent).toBe("Dagboek 70 is geblokkeerd");
    expect(detail("fr", "2026-0300").textContent).toBe(
      "Le numéro de client zapfloor 1234567890 dépasse les 9 caractères d'un code de recherche Exact : le client ne peut pas être créé dans Exact.",
    );
    for (const locale of ["nl", "fr"] as const) {
      const { container } = list({ attention: stopped }, locale);
      expect(container.querySelector("[lang=en]")).toBeNull();
      expect(container.textContent).not.toContain("refused it");
    }
  });

  it("says an invoice parked before its reason was kept by the kind of error it kept, with no English left", () => {
    const older: Attention = {
      ...attention,
      items: [
        {
          ...attention.items[0]!,
          message: "Customer 7007 is being created by another request.",
          error: { reason: "match_failed", params: { kind: "storage_busy" } },
        },
        {
          ...attention.items[1]!,
          reason: "push_failed",
          action: "retry",
          message: "The division's settings are gone.",
          error: { reason: "attempt_failed", params: { kind: "not_found" } },
        },
      ],
    };
    const detail = (locale: "en" | "nl" | "fr", invoice: string) =>
      list({ attention: older }, locale).container.querySelector(
        `[data-invoice='${invoice}'] .zfx-attention__detail`,
      )!.textContent;
    expect(detail("en", "2026-0300")).toBe(
      "Matching this customer failed (storage busy); retry, or link the customer by hand.",
    );
    expect(detail("nl", "2026-0300")).toBe(
      "Het koppelen van deze klant mislukte (opslag bezet); probeer opnieuw, of koppel de klant met de hand.",
    );
    expect(detail("fr", "2026-0153")).toBe(
      "La dernière tentative de comptabilisation a échoué (introuvable) ; réessayez.",
    );
    for (const locale of ["nl", "fr"] as const) {
      const { container } = list({ attention: older }, locale);
      expect(container.querySelector("[lang=en]")).toBeNull();
      expect(container.textContent).not.toContain("another request");
      expect(container.textContent).not.toContain("settings are gone");
    }
  });

  it("says why each invoice waits, in plain words, with the action that resolves it", async () => {
    const { container, props } = list();
    const review = container.querySelector("[data-invoice='2026-0300']")!;
    expect(review.textContent).toContain("Invoice 2026-0300 waits: customer 7007 needs linking by hand.");
    await click(buttonNamed(review as HTMLElement, "Show Prospect B.V."));
    expect(props.onShowAccount).toHaveBeenCalledWith(attention.items[0]!.accounts[0]);

    const settings = container.querySelector("[data-invoice='2026-0153']")!;
    expect(settings.textContent).toContain("Invoice 2026-0153: the booking settings do not book it.");
    await click(buttonNamed(settings as HTMLElement, "Fix booking settings"));
    expect(props.onFixSettings).toHaveBeenCalledOnce();
    await click(buttonNamed(settings as HTMLElement, "Retry"));
    expect(props.onRetryPush).toHaveBeenCalledWith("2026-0153");
    expect(container.textContent).toContain("2 open problems");
  });

  it("shows why a retry was refused beside its invoice", () => {
    const { container } = list({
      retryResult: {
        invoiceNumber: "2026-0153",
        problem: { kind: "conflict", message: "Invoice 2026-0153 would not get through yet." },
      },
    });
    const row = container.querySelector("[data-invoice='2026-0153']")!;
    expect(row.querySelector("[role=alert]")?.textContent).toContain("would not get through yet");
  });

  it("speaks Dutch and French", () => {
    expect(list({}, "nl").container.textContent).toContain(
      "Factuur 2026-0300 wacht: klant 7007 moet met de hand gekoppeld worden.",
    );
    expect(list({}, "fr").container.textContent).toContain(
      "La facture 2026-0300 attend : le client 7007 doit être lié à la main.",
    );
  });

  it("says when nothing needs attention", () => {
    const { container } = list({
      attention: {
        ...attention,
        items: [],
        counts: { pushes: 0, conflicts: 0, suggestions: 0, problems: 0 },
      },
    });
    expect(container.textContent).toContain("Nothing needs attention.");
  });
});
