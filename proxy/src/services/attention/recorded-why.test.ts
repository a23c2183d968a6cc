import { describe, expect, it } from "vitest";
import type { MirrorRow } from "../../db/mirror-reads";
import type { SalesEntryRow } from "../sales-entries/outbox-store";
import { errorOf, reasonsOf } from "./recorded-why";

const PROSPECT = "0f7f4e12-1111-4a4a-9b9b-000000000001";
const entry = (lastErrorDetails: Record<string, unknown>, vatNumber?: string) =>
  ({
    lastError: "Recorded in English.",
    lastErrorDetails,
    body: { customer: { number: "7007", name: "Gamma", ...(vatNumber ? { vatNumber } : {}) } },
  }) as unknown as SalesEntryRow;
const accounts = new Map([
  [PROSPECT, { id: PROSPECT, name: "Gamma Prospect", status: "P", vatNumber: "BE1000000120" } as MirrorRow],
]);

describe("what stopped a parked entry, by reason", () => {
  it("reads the reason its attempt recorded", () => {
    const said = { reason: "customer_number_too_long", params: { customer: "1234567890", max: "9" } };
    expect(errorOf({ error: "validation", said })).toEqual(said);
  });

  it("tells an older attempt's reason from Exact's answer it recorded, keeping what Exact said", () => {
    expect(errorOf({ exactStatus: 500, exactMessage: "Dagboek 70 is geblokkeerd" })).toEqual({
      reason: "exact_refused",
      params: { exactMessage: "Dagboek 70 is geblokkeerd" },
    });
    expect(errorOf({ exactStatus: 500, exactMessage: "Er is een onverwachte fout opgetreden." })).toEqual({
      reason: "exact_failed",
      params: { status: "500" },
    });
    expect(errorOf({ exactStatus: 503 })).toEqual({ reason: "exact_failed", params: { status: "503" } });
    expect(errorOf({ exactStatus: 400, exactMessage: "Ongeldig" })).toEqual({
      reason: "exact_rejected",
      params: { status: "400", exactMessage: "Ongeldig" },
    });
    expect(errorOf({ exactStatus: "no_answer" })).toEqual({ reason: "exact_no_answer", params: {} });
  });

  it("tells an older attempt's reason from the kind of error it kept, or from its storage code", () => {
    expect(errorOf({ error: "conflict" })).toEqual({ reason: "match_failed", params: { kind: "conflict" } });
    expect(errorOf({ error: "validation" })).toEqual({
      reason: "match_failed",
      params: { kind: "validation" },
    });
    expect(errorOf({ code: "storage_busy" })).toEqual({
      reason: "attempt_failed",
      params: { kind: "storage_busy" },
    });
    expect(errorOf(null, "storage_full")).toEqual({ reason: "storage_full", params: {} });
    expect(errorOf(null, "Gave up after 8 attempts: storage_unavailable")).toEqual({
      reason: "storage_unavailable",
      params: {},
    });
    // An unexpected error's own text was all it kept: the proxy's, worded as such.
    expect(errorOf(undefined, "fetch failed")).toEqual({ reason: "internal", params: {} });
    expect(errorOf({ error: "a kind nobody knows" })).toBeNull();
  });

  it("has none to add where the problems or the match's reasons say it, or nothing was recorded", () => {
    expect(errorOf({ problems: [{ path: "body.lines[0].revenueKey", message: "…" }] })).toBeNull();
    expect(errorOf({ outcome: "review", reasons: ["not_a_customer"] })).toBeNull();
    expect(errorOf(null)).toBeNull();
  });
});

describe("why a parked entry's customer needs a person", () => {
  it("gives the reasons recorded whole as they are", () => {
    const explained = [{ code: "not_a_customer", message: "Not a customer.", params: { status: "S" } }];
    expect(reasonsOf(entry({ outcome: "review", reasons: ["not_a_customer"], explained }), accounts)).toEqual(
      explained,
    );
  });

  it("gives an entry parked with its reasons' codes only the values they name, from the candidate and the invoice", () => {
    const parked = entry(
      { outcome: "review", reasons: ["not_a_customer", "vat_differs"], candidates: [PROSPECT] },
      "BE0999999999",
    );
    expect(reasonsOf(parked, accounts)).toEqual([
      { code: "not_a_customer", message: "Recorded in English.", params: { status: "P" } },
      {
        code: "vat_differs",
        message: "Recorded in English.",
        params: { customerVat: "BE0999999999", accountVat: "BE1000000120" },
      },
    ]);
  });

  it("leaves out what it cannot tell: no candidate account, no reasons", () => {
    const parked = entry({ outcome: "ambiguous", reasons: ["not_a_customer"], candidates: [] });
    expect(reasonsOf(parked, accounts)).toEqual([
      { code: "not_a_customer", message: "Recorded in English." },
    ]);
    expect(reasonsOf(entry({ error: "conflict" }), accounts)).toEqual([]);
  });
});
