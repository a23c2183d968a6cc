const NAMES: Record<string, readonly [english: string, dutch: string]> = {
  NL: ["Netherlands", "Nederland"],
  BE: ["Belgium", "België"],
  FR: ["France", "Frankrijk"],
  DE: ["Germany", "Duitsland"],
  GB: ["United Kingdom", "Verenigd Koninkrijk"],
  LU: ["Luxembourg", "Luxemburg"],
  ES: ["Spain", "Spanje"],
  IT: ["Italy", "Italië"],
  US: ["United States", "Verenigde Staten"],
  IE: ["Ireland", "Ierland"],
  AT: ["Austria", "Oostenrijk"],
  CH: ["Switzerland", "Zwitserland"],
  DK: ["Denmark", "Denemarken"],
  PL: ["Poland", "Polen"],
  PT: ["Portugal", "Portugal"],
  SE: ["Sweden", "Zweden"],
};

export function isKnownCountry(iso2: string): boolean {
  return iso2.trim().toUpperCase() in NAMES;
}

export function countryName(iso2: string, languageCode: string): string | null {
  const names = NAMES[iso2.trim().toUpperCase()];
  if (!names) return null;
  return languageCode.toLowerCase().startsWith("nl") ? names[1] : names[0];
}
