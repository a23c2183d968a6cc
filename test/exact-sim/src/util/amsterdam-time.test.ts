import { describe, expect, it } from "vitest";
import {
  amsterdamStartOfDay,
  formatAmsterdamIso,
  formatExactDate,
  parseExactDate,
  parseIncomingDate,
} from "./amsterdam-time";

describe("Amsterdam wall-clock dates", () => {
  it("writes a summer instant two hours ahead: the recorded 14:21:04 GMT POST shows Created 16:21:04", () => {
    const instant = Date.UTC(2026, 5, 25, 14, 21, 4, 260);
    expect(formatExactDate(instant)).toBe("/Date(1782404464260)/");
    expect(parseExactDate("/Date(1782404464260)/")).toBe(instant);
  });

  it("writes a winter instant one hour ahead", () => {
    expect(formatExactDate(Date.UTC(2026, 0, 15, 9, 0))).toBe(`/Date(${Date.UTC(2026, 0, 15, 10, 0)})/`);
  });

  it("switches at 01:00 UTC on the last Sundays of March and October", () => {
    expect(formatAmsterdamIso(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe("2026-03-29T01:59:59.000");
    expect(formatAmsterdamIso(Date.UTC(2026, 2, 29, 1, 0, 0))).toBe("2026-03-29T03:00:00.000");
    expect(formatAmsterdamIso(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe("2026-10-25T02:59:59.000");
    expect(formatAmsterdamIso(Date.UTC(2026, 9, 25, 1, 0, 0))).toBe("2026-10-25T02:00:00.000");
  });

  it("reads incoming ISO dates without a zone as Amsterdam time, with a zone as that instant", () => {
    expect(parseIncomingDate("2024-08-12")).toBe(Date.UTC(2024, 7, 11, 22, 0));
    expect(parseIncomingDate("2024-08-12T10:30:00")).toBe(Date.UTC(2024, 7, 12, 8, 30));
    expect(parseIncomingDate("2024-08-12T10:30:00Z")).toBe(Date.UTC(2024, 7, 12, 10, 30));
    expect(parseIncomingDate("2024-08-12T10:30:00+02:00")).toBe(Date.UTC(2024, 7, 12, 8, 30));
    expect(parseIncomingDate("12-08-2024")).toBeUndefined();
  });

  it("gives date-only fields Amsterdam midnight, written as 00:00 (recorded CustomerSince /Date(1782345600000)/)", () => {
    const day = amsterdamStartOfDay(Date.UTC(2026, 5, 25, 14, 21, 4));
    expect(formatExactDate(day)).toBe("/Date(1782345600000)/");
  });
});
