import { describe, expect, it } from "vitest";
import { type CompanyNumberReasonCode, normaliseCompanyNumber } from "./company-number";

describe("normaliseCompanyNumber", () => {
  it.each(
    [
      { typed: "0407.186.105", canonical: "BE0407186105", why: "a Belgian enterprise number with dots" },
      { typed: "BE 0407 186 105", canonical: "BE0407186105", why: "the same with its country prefix" },
      { typed: "KBO 0407.186.105", canonical: "BE0407186105", why: "the same with a KBO label" },
      { typed: "BCE: 0407.186.105", canonical: "BE0407186105", why: "the same with a BCE label" },
      { typed: "407186105", country: "BE", canonical: "BE0407186105", why: "the old 9-digit form" },
      { typed: "27223120", canonical: "NL27223120", why: "a KvK number (Exact fixture)" },
      { typed: "KvK 27 22 31 20", canonical: "NL27223120", why: "a KvK number with label and spaces" },
      {
        typed: "244773190000",
        canonical: "NL24477319",
        why: "a KvK number with Exact's 0000 sub-file suffix",
      },
    ].map((row) => [`${row.why}: ${JSON.stringify(row.typed)} reads as ${row.canonical}`, row] as const),
  )("%s", (_sentence, { typed, country, canonical }) => {
    expect(normaliseCompanyNumber(typed, { country })).toMatchObject({ canonical, valid: true, reasons: [] });
  });

  const refusals: { typed: string; country?: string; reason: CompanyNumberReasonCode }[] = [
    { typed: "0407.186.106", reason: "company_number_bad_check_digit" },
    { typed: "2722312", country: "NL", reason: "company_number_bad_format" },
    { typed: "HRB 12345", country: "DE", reason: "company_number_unsupported_country" },
    { typed: "ABC", reason: "company_number_country_unknown" },
    { typed: " ", reason: "company_number_missing" },
  ];
  it.each(
    refusals.map((row) => [`${JSON.stringify(row.typed)} is refused with ${row.reason}`, row] as const),
  )("%s", (_sentence, { typed, country, reason }) => {
    const result = normaliseCompanyNumber(typed, { country });
    expect(result.valid).toBe(false);
    expect(result.reasons).toEqual([reason]);
  });
});
