import { type PageLanguage, pageLanguageSchema } from "@zapfloor-exact/shared/schemas/connection";

export type { PageLanguage };

/** The page language for a BCP 47 tag such as `nl-BE` or `FR`, or null when the pages speak none of it. */
export function pageLanguageOf(tag: string | null | undefined): PageLanguage | null {
  const parsed = pageLanguageSchema.safeParse(tag?.trim().toLowerCase().split(/[-_]/)[0]);
  return parsed.success ? parsed.data : null;
}

/**
 * The language of a consent page: the one carried with the consent (the extension's or the CLI's); else the
 * browser's most preferred language the pages speak, by `Accept-Language` q-values; else English.
 */
export function pickPageLanguage(
  carried: string | null | undefined,
  acceptLanguage: string | null | undefined,
): PageLanguage {
  return pageLanguageOf(carried) ?? preferredOf(acceptLanguage ?? "") ?? "en";
}

function preferredOf(acceptLanguage: string): PageLanguage | null {
  const ranked = acceptLanguage
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.split(";");
      const q = params.map((p) => p.trim().match(/^q=([01](?:\.\d{0,3})?)$/i)).find(Boolean);
      return { language: pageLanguageOf(tag), q: q ? Number(q[1]) : 1, order };
    })
    .filter((entry) => entry.language !== null && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.language ?? null;
}
