/**
 * Legal forms dropped before names are compared, written as they read once dots and case are gone
 * ("B.V." → "bv", "S.à r.l." → "sarl").
 */
const LEGAL_FORMS = new Set(
  [
    // Belgium and the Netherlands
    "bv nv bvba cvba cv vof comm commv vzw asbl sprl srl sa sc scrl scs sca ebvba cva gcv ez stichting",
    // France, Luxembourg, Switzerland, Spain, Italy, Portugal
    "sas sasu sarl eurl snc sci sl slu spa srls sapa lda",
    // Germany, Austria, Switzerland
    "gmbh ag kg ug ohg eg ev gbr kgaa",
    // United Kingdom, Ireland, international
    "ltd limited plc llp llc inc corp lp",
    // Nordics, Central and Eastern Europe
    "ab as asa aps oy oyj hf ehf spzoo sro kft zrt doo ou sia uab",
  ].flatMap((forms) => forms.split(" ")),
);

/** Multi-word legal forms that survive tokenisation as separate tokens: drop the whole run. */
const MULTI_WORD_FORMS: readonly (readonly string[])[] = [
  ["gmbh", "co", "kg"],
  ["sa", "rl"],
  ["sp", "z", "oo"],
  ["b", "v"],
  ["n", "v"],
];

const COMBINING_MARKS = /\p{M}+/gu;
const DOTS_AND_APOSTROPHES = /[.'’`]/g;
const NON_ALPHANUMERIC = /[^\p{L}\p{N}]+/u;

/** Lower case, without accents, dots, apostrophes and legal forms, split on everything else. */
export function nameTokens(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const plain = raw
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(DOTS_AND_APOSTROPHES, "");
  const words = plain.split(NON_ALPHANUMERIC).filter((word) => word !== "");
  const kept = withoutLegalForms(words);
  // A name that is nothing but a legal form ("NV") keeps its words rather than becoming empty.
  return kept.length > 0 ? kept : words;
}

/** A comparable spelling of a company name: "Café Zoë B.V." → "cafe zoe". */
export function normaliseName(raw: string | null | undefined): string {
  return nameTokens(raw).join(" ");
}

/**
 * How alike two names are, 0..1: the Sørensen–Dice coefficient over the character pairs of each word
 * (word order does not matter; typos cost a little). 1 when the normalised names are equal.
 */
export function nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  return profileSimilarity(nameProfile(a), nameProfile(b));
}

/** A precomputed form of a name for repeated comparisons. */
export interface NameProfile {
  normalised: string;
  tokens: readonly string[];
  bigrams: ReadonlyMap<string, number>;
  bigramCount: number;
}

export function nameProfile(raw: string | null | undefined): NameProfile {
  const tokens = nameTokens(raw);
  const bigrams = new Map<string, number>();
  let bigramCount = 0;
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let i = 0; i < padded.length - 1; i++) {
      const pair = padded.slice(i, i + 2);
      bigrams.set(pair, (bigrams.get(pair) ?? 0) + 1);
      bigramCount++;
    }
  }
  return { normalised: tokens.join(" "), tokens, bigrams, bigramCount };
}

export function profileSimilarity(a: NameProfile, b: NameProfile): number {
  if (a.bigramCount === 0 || b.bigramCount === 0) return 0;
  if (a.normalised === b.normalised) return 1;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [pair, count] of small.bigrams) {
    const other = large.bigrams.get(pair);
    if (other !== undefined) shared += Math.min(count, other);
  }
  return (2 * shared) / (a.bigramCount + b.bigramCount);
}

/** Drops legal forms until none is left: dropping one can bring the parts of a multi-word form together. */
function withoutLegalForms(words: readonly string[]): string[] {
  let current = [...words];
  for (;;) {
    const next = dropMultiWordForms(current).filter((word) => !LEGAL_FORMS.has(word));
    if (next.length === current.length) return next;
    current = next;
  }
}

function dropMultiWordForms(words: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const run = MULTI_WORD_FORMS.find((form) => form.every((part, k) => words[i + k] === part));
    if (run) {
      i += run.length;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return out;
}
