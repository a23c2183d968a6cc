import { describe, expect, it } from "vitest";
import { fixtureRows } from "../seed/fixtures-dir";
import { compareGuids, newGuid, normalizeGuid } from "./guid";
import { createPrng } from "./prng";

describe("GUIDs", () => {
  it("orders like SQL Server uniqueidentifier, as the recorded GLAccounts page is ordered", () => {
    const ids = fixtureRows("nango/extracted/financial-glaccounts-page1-with-next.json").map((r) =>
      String(r.ID),
    );
    expect([...ids].sort(compareGuids)).toEqual(ids);
  });

  it("draws reproducible version-4 GUIDs from a seed", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const first = newGuid(a);
    expect(first).toBe(newGuid(b));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("normalises braces and case", () => {
    expect(normalizeGuid("{454A5D46-EE70-4ED1-9375-9CFEDEB138CD}")).toBe(
      "454a5d46-ee70-4ed1-9375-9cfedeb138cd",
    );
    expect(normalizeGuid("nope")).toBeUndefined();
  });
});
