import type { Prng } from "./prng";

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex4 = (word: number) =>
  HEX[(word >>> 24) & 255]! + HEX[(word >>> 16) & 255]! + HEX[(word >>> 8) & 255]! + HEX[word & 255]!;
const hex2 = (word: number) => HEX[(word >>> 8) & 255]! + HEX[word & 255]!;

/** A version-4 GUID drawn from `prng` (deterministic for a seed). */
export function newGuid(prng: Prng): string {
  const a = prng.uint32();
  const b = (prng.uint32() & 0xffff0fff) | 0x00004000;
  const c = (prng.uint32() & 0x3fffffff) | 0x80000000;
  const d = prng.uint32();
  return `${hex4(a)}-${hex2(b >>> 16)}-${hex2(b)}-${hex2(c >>> 16)}-${hex2(c)}${hex4(d)}`;
}

export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value.toLowerCase());
}

/** Lower-case, without braces; undefined when `value` is not a GUID. */
export function normalizeGuid(value: string): string | undefined {
  const bare = value
    .trim()
    .replace(/^\{(.*)\}$/, "$1")
    .toLowerCase();
  return GUID_PATTERN.test(bare) ? bare : undefined;
}

/**
 * Sort key giving SQL Server's `uniqueidentifier` order, which Exact's key-ordered pages follow (the recorded
 * GLAccounts page is ordered by the last group first): bytes compared in the order 10..15, 8..9, 7..6, 5..4, 3..0
 * of the textual form's big-endian reading.
 */
export function sqlServerGuidSortKey(guid: string): string {
  const g = guid.toLowerCase();
  // groups: a(0-7) b(9-12) c(14-17) d(19-22) e(24-35)
  const e = g.slice(24, 36);
  const d = g.slice(19, 23);
  const c = g.slice(14, 18);
  const b = g.slice(9, 13);
  const a = g.slice(0, 8);
  // SQL Server compares the first three groups byte by byte in their little-endian storage order.
  const swap = (s: string) => s.match(/../g)!.reverse().join("");
  return e + d + swap(c) + swap(b) + swap(a);
}

export function compareGuids(left: string, right: string): number {
  const a = sqlServerGuidSortKey(left);
  const b = sqlServerGuidSortKey(right);
  return a < b ? -1 : a > b ? 1 : 0;
}
