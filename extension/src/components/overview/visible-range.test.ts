import { describe, expect, it } from "vitest";
import { visibleRange } from "./visible-range";

describe("visibleRange", () => {
  it.each([
    ["the top of the list", 0, { start: 0, end: 18 }],
    ["a scrolled list", 4_800, { start: 92, end: 118 }],
    ["the middle of 100,000 rows", 2_400_000, { start: 49_992, end: 50_018 }],
    ["the end, never past the last row", 4_799_600, { start: 99_983, end: 100_000 }],
    ["an overscrolled (negative) position", -50, { start: 0, end: 18 }],
  ])("at %s renders only what shows, and a few more", (_, scrollTop, range) => {
    expect(visibleRange(scrollTop, 480, 48, 100_000, 8)).toEqual(range);
  });

  it("renders nothing for an empty list", () => {
    expect(visibleRange(0, 480, 48, 0, 8)).toEqual({ start: 0, end: 0 });
  });
});
