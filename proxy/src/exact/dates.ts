/**
 * Exact sends `/Date(ms)/` whose milliseconds encode Amsterdam wall-clock time, not UTC. [exact-online-api.md §2,
 * S12e, verified in the Nango recording]
 */
const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function amsterdamOffsetMs(utcMs: number): number {
  const parts = Object.fromEntries(wallClock.formatToParts(utcMs).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Amsterdam wall-clock milliseconds → real epoch milliseconds (UTC). */
export function amsterdamWallToUtc(wallMs: number): number {
  const firstGuess = wallMs - amsterdamOffsetMs(wallMs);
  return wallMs - amsterdamOffsetMs(firstGuess);
}

export function utcToAmsterdamWall(utcMs: number): number {
  return utcMs + amsterdamOffsetMs(utcMs);
}

const exactDate = /^\/Date\((-?\d+)\)\/$/;

/** `/Date(1782404464260)/` → epoch ms (UTC); null for null or anything else. */
export function parseExactDate(value: string | null | undefined): number | null {
  const match = value ? exactDate.exec(value) : null;
  return match ? amsterdamWallToUtc(Number(match[1])) : null;
}
