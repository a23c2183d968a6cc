const ALPHA2 = /^[A-Z]{2}$/;

/** Aliases people and systems use instead of the ISO 3166-1 alpha-2 code. */
const ALIASES: Readonly<Record<string, string>> = { EL: "GR", UK: "GB" };

/**
 * ISO 3166-1 alpha-2 from what a form or Exact holds: trims Exact's padding ("NL "), upper-cases,
 * and maps EL → GR and UK → GB. Undefined when it is not two letters.
 */
export function normaliseCountry(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw.length === 2 && ALPHA2.test(raw)) return ALIASES[raw] ?? raw;
  const upper = raw.trim().toUpperCase();
  const country = ALIASES[upper] ?? upper;
  return ALPHA2.test(country) ? country : undefined;
}
