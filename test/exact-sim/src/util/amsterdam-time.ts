/**
 * Europe/Amsterdam wall-clock arithmetic. Exact writes dates as `/Date(ms)/` where `ms` is the Amsterdam
 * wall-clock read as if it were UTC [exact-online-api.md §2, S12e; verified in the S11 recording].
 * EU summer time: from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
 */
const HOUR = 3_600_000;

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = lastDay.getUTCDay();
  return Date.UTC(year, month, lastDay.getUTCDate() - back, 1);
}

const transitionCache = new Map<number, readonly [number, number]>();
function summerTimeRange(year: number): readonly [number, number] {
  let range = transitionCache.get(year);
  if (!range) {
    range = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)];
    transitionCache.set(year, range);
  }
  return range;
}

/** Offset of Amsterdam from UTC at the instant `utcMs` (3,600,000 or 7,200,000). */
export function amsterdamOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const [start, end] = summerTimeRange(year);
  return utcMs >= start && utcMs < end ? 2 * HOUR : HOUR;
}

/** The instant `utcMs` as Amsterdam wall-clock milliseconds (what Exact puts inside `/Date(…)/`). */
export function toAmsterdamWallClock(utcMs: number): number {
  return utcMs + amsterdamOffsetMs(utcMs);
}

/** The instant at which Amsterdam's wall clock shows `wallMs`; in the autumn overlap the earlier instant. */
export function fromAmsterdamWallClock(wallMs: number): number {
  const summerGuess = wallMs - 2 * HOUR;
  if (amsterdamOffsetMs(summerGuess) === 2 * HOUR) return summerGuess;
  return wallMs - HOUR;
}

export function formatExactDate(utcMs: number | null | undefined): string | null {
  if (utcMs === null || utcMs === undefined) return null;
  return `/Date(${toAmsterdamWallClock(utcMs)})/`;
}

/** `/Date(ms)/` → the UTC instant it stands for. */
export function parseExactDate(value: string): number | undefined {
  const match = /^\/Date\((-?\d+)\)\/$/.exec(value);
  return match ? fromAmsterdamWallClock(Number(match[1])) : undefined;
}

const ISO_LOCAL =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a date Exact receives as ISO 8601 (`2024-08-12`, `2024-08-12T10:00:00`). Without a zone the value is
 * Amsterdam wall-clock time; with `Z` or an offset it is that instant. Returns the UTC instant.
 */
export function parseIncomingDate(value: string): number | undefined {
  const m = ISO_LOCAL.exec(value.trim());
  if (!m) return parseExactDate(value.trim());
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, "0")) : 0;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
    ms,
  );
  if (Number.isNaN(wall)) return undefined;
  if (!zone) return fromAmsterdamWallClock(wall);
  if (zone === "Z") return wall;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return wall - sign * offset;
}

/** Amsterdam wall-clock as `YYYY-MM-DDTHH:mm:ss.fff` (the zone-less form of webhook `EventCreatedOn`). */
export function formatAmsterdamIso(utcMs: number, withMillis = true): string {
  const iso = new Date(toAmsterdamWallClock(utcMs)).toISOString();
  return withMillis ? iso.slice(0, 23) : iso.slice(0, 19);
}

/** Midnight (Amsterdam) of the day containing `utcMs`, as a UTC instant: Exact's date-only fields. */
export function amsterdamStartOfDay(utcMs: number): number {
  const wall = toAmsterdamWallClock(utcMs);
  return fromAmsterdamWallClock(wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000));
}
