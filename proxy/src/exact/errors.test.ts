import { describe, expect, it } from "vitest";
import { errorFromResponse } from "./errors";

const envelope = (value: string) => JSON.stringify({ error: { code: "", message: { lang: "", value } } });
const classify = (status: number, text: string, headers: Record<string, string> = {}) =>
  errorFromResponse(status, text, new Headers(headers), "/api/v1/1/crm/Accounts");

describe("errorFromResponse", () => {
  it("treats a 500 with Exact's message as a business refusal, keeping the message", () => {
    const error = classify(500, envelope("Gegeven bestaat reeds: Code"));
    expect(error.facts).toMatchObject({
      business: true,
      transient: false,
      exactMessage: "Gegeven bestaat reeds: Code",
    });
    expect(error.message).toContain("Gegeven bestaat reeds");
  });

  it.each([
    ["Dutch", "Er is een onverwachte fout opgetreden."],
    ["English", "An unexpected error occurred."],
    ["French", "Une erreur inattendue s'est produite."],
  ])("treats Exact's generic %s failure text as transient, not as a business rule", (_language, text) => {
    expect(classify(500, envelope(text)).facts).toMatchObject({ business: false, transient: true });
  });

  it.each([502, 503, 504])("treats %i as transient", (status) => {
    expect(classify(status, "<html>Service Unavailable</html>").facts).toMatchObject({ transient: true });
  });

  it("keeps Exact's Reason header on a 403", () => {
    const error = classify(403, "", { Reason: "NoDivisionAccess" });
    expect(error.facts.reason).toBe("NoDivisionAccess");
    expect(error.message).toContain("NoDivisionAccess");
  });

  it("maps 404 to not_found and 429 to rate_limited", () => {
    expect(classify(404, "").code).toBe("not_found");
    expect(classify(429, "").code).toBe("rate_limited");
  });

  it("names each failure by a reason, with what Exact said verbatim and its language when Exact gave one", () => {
    const said = (error: ReturnType<typeof classify>) => ({ reason: error.reason, params: error.params });
    expect(said(classify(500, envelope("Dagboek 70 is geblokkeerd")))).toEqual({
      reason: "exact_refused",
      params: { exactMessage: "Dagboek 70 is geblokkeerd" },
    });
    const french = JSON.stringify({
      error: { code: "", message: { lang: "fr-BE", value: "Journal bloqué" } },
    });
    expect(said(classify(500, french))).toEqual({
      reason: "exact_refused",
      params: { exactMessage: "Journal bloqué", exactLang: "fr-BE" },
    });
    expect(said(classify(400, envelope("Ongeldige waarde")))).toEqual({
      reason: "exact_rejected",
      params: { status: "400", exactMessage: "Ongeldige waarde" },
    });
    expect(said(classify(503, "<html></html>"))).toEqual({
      reason: "exact_failed",
      params: { status: "503" },
    });
    expect(said(classify(403, "", { Reason: "NoDivisionAccess" }))).toEqual({
      reason: "exact_access_refused",
      params: { status: "403", exactMessage: "NoDivisionAccess" },
    });
    expect(classify(404, "").reason).toBe("exact_record_missing");
    expect(classify(429, "").reason).toBe("exact_rate_limited");
  });
});
