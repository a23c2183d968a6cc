import { describe, expect, it } from "vitest";
import type { MirrorRow } from "../../db/mirror-reads";
import { unknownAccountRow } from "../overview/division-view";
import { mirroredAccountOf } from "./mirrored-account";

const row = (fields: Partial<MirrorRow>): MirrorRow => ({
  ...unknownAccountRow({ tenantId: "t", division: 1 }, "0b7e9c2a-1f3d-4c5e-8a6b-9d0e1f2a3b4c"),
  name: "Acme",
  status: "C",
  isSales: true,
  deletedAt: null,
  ...fields,
});

describe("a live mirrored account", () => {
  it.each([
    {
      exactModifiedAt: Date.UTC(2026, 11, 6, 12, 34, 56, 789),
      mirroredAt: Date.UTC(2026, 11, 6, 13, 0, 0, 1),
    },
    { exactModifiedAt: null, mirroredAt: Date.UTC(2025, 0, 1, 0, 0, 0, 999) },
    { exactModifiedAt: Date.UTC(1999, 11, 31, 23, 59, 59, 999), mirroredAt: Date.UTC(2000, 0, 1) },
    { exactModifiedAt: Date.UTC(2071, 5, 30, 1, 2, 3, 4), mirroredAt: 0 },
    { exactModifiedAt: 1_765_000_000_000.5, mirroredAt: 1_765_000_000_123 },
  ])("gives back Exact's Modified and the mirroring time to the millisecond: %o", (times) => {
    const account = mirroredAccountOf(row({ ...times, blocked: true, isSupplier: true, status: "S" }));
    expect(account.modifiedAt).toBe(times.exactModifiedAt);
    expect(account.mirroredAt).toBe(times.mirroredAt);
    expect([account.status, account.isSupplier, account.isSales, account.blocked]).toEqual([
      "S",
      true,
      true,
      true,
    ]);
    expect(account.deletedAt).toBeNull();
  });

  it.each([
    ["            1001", "1001", "1001"],
    ["          000042", "000042", "zf-7"],
    ["      1234567890", "1234567890", null],
    [null, null, "  42"],
  ])("gives back its Code %j trimmed and its SearchCode as mirrored", (code, trimmed, searchCode) => {
    const account = mirroredAccountOf(row({ code, searchCode, mirroredAt: 1 }));
    expect([account.code, account.searchCode]).toEqual([trimmed, searchCode]);
  });
});
