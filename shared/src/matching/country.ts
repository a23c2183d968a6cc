const ALPHA2 = /^[A-Z]{2}$/;

/**
 * ISO 3166-1 alpha-2 from what a form or Exact holds: trims Exact's padding ("NL "), upper-cases,
 * and maps the aliases EL → GR and UK → GB. Undefined when it is not two letters.
 */
export function normaliseCountry(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const upper = raw.length === 2 && isUpperAlpha2(raw) ? raw : raw.trim().toUpperCase();
  if (upper === "EL") return "GR";
  if (upper === "UK") return "GB";
  return upper.length === 2 && ALPHA2.test(upper) ? upper : undefined;
}

function isUpperAlpha2(text: string): boolean {
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  return first >= 65 && first <= 90 && second >= 65 && second <= 90;
}
