import { describe, expect, it } from "vitest";
import { amsterdamWallToUtc, parseExactDate, utcToAmsterdamWall } from "./dates";

describe("Exact's Amsterdam wall-clock dates", () => {
  it.each([
    ["summer time, two hours ahead", "2026-06-25T16:21:04Z", "2026-06-25T14:21:04Z"],
    ["winter time, one hour ahead", "2026-01-15T10:00:00Z", "2026-01-15T09:00:00Z"],
    ["the night the clocks go forward", "2026-03-29T04:00:00Z", "2026-03-29T02:00:00Z"],
    ["the night the clocks go back, before the change", "2026-10-25T01:30:00Z", "2026-10-24T23:30:00Z"],
    ["the night the clocks go back, after the change", "2026-10-25T04:00:00Z", "2026-10-25T03:00:00Z"],
  ])("read %s", (_case, wall, utc) => {
    expect(new Date(amsterdamWallToUtc(Date.parse(wall))).toISOString()).toBe(new Date(utc).toISOString());
  });

  it("turn the Nango recording's Created back into the moment of the request (14:21:04 GMT)", () => {
    // `Created` of the account posted at 14:21:04 GMT on 2026-06-25 decodes to 16:21:04 as if it were UTC. [§2, S11]
    expect(new Date(parseExactDate(`/Date(${Date.parse("2026-06-25T16:21:04.260Z")})/`)!).toISOString()).toBe(
      "2026-06-25T14:21:04.260Z",
    );
  });

  it("round-trip through utcToAmsterdamWall", () => {
    for (const iso of ["2026-02-01T12:00:00Z", "2026-07-01T23:59:59Z"]) {
      const utc = Date.parse(iso);
      expect(amsterdamWallToUtc(utcToAmsterdamWall(utc))).toBe(utc);
    }
  });

  it("give null for anything that is not /Date(ms)/", () => {
    expect(parseExactDate(null)).toBeNull();
    expect(parseExactDate("2026-01-01")).toBeNull();
  });
});
