import { asciiWords, unicodeWords } from "./name-words";

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

const MULTI_WORD_STARTS = new Set(MULTI_WORD_FORMS.map((form) => form[0]!));

/** Lower case, without accents, dots, apostrophes and legal forms, split on everything else. */
export function nameTokens(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const words = asciiWords(raw) ?? unicodeWords(raw);
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

/** A name read once for repeated comparisons. */
export interface NameProfile {
  /** Words separated by single spaces, as `normaliseName` gives them. */
  readonly normalised: string;
  /** Sorted character pairs, filled when the profile is first compared as the left-hand name. */
  bigrams: Int32Array | undefined;
}

export function nameProfile(raw: string | null | undefined): NameProfile {
  return { normalised: normaliseName(raw), bigrams: undefined };
}

/**
 * The distinct words of two letters or more: the ones that can find look-alike names. Read off the
 * normalised name when needed rather than kept: a division's names would hold on to every word twice.
 */
export function searchTokens(profile: NameProfile): string[] {
  const text = profile.normalised;
  const found: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(" ", start);
    if (end < 0) end = text.length;
    if (end - start >= 2) {
      const token = text.slice(start, end);
      if (!found.includes(token)) found.push(token);
    }
    start = end + 1;
  }
  return found;
}

/**
 * False when the two names cannot reach `threshold` whatever their letters: Dice can be no higher than
 * 2·min(m, n)/(m + n) for m and n character pairs. Saves comparing names of very different lengths.
 */
export function mayReachSimilarity(a: NameProfile, b: NameProfile, threshold: number): boolean {
  const m = a.normalised.length + 1;
  const n = b.normalised.length + 1;
  return (2 * Math.min(m, n)) / (m + n) >= threshold;
}

/**
 * The Dice coefficient of the two names' character pairs. The left-hand name's pairs are kept on its
 * profile; the right-hand one's are read into a reused buffer, since an indexed name is rarely compared
 * twice and a typed array per name would cost more than the comparison.
 */
export function profileSimilarity(a: NameProfile, b: NameProfile): number {
  if (a.normalised === "" || b.normalised === "") return 0;
  if (a.normalised === b.normalised) return 1;
  a.bigrams ??= sortedBigrams(a.normalised, new Int32Array(a.normalised.length + 1));
  const left = a.bigrams;
  const rightLength = b.normalised.length + 1;
  if (scratch.length < rightLength) scratch = new Int32Array(2 * rightLength);
  const right = sortedBigrams(b.normalised, scratch);
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < left.length && j < rightLength) {
    const l = left[i]!;
    const r = right[j]!;
    if (l === r) {
      shared++;
      i++;
      j++;
    } else if (l < r) {
      i++;
    } else {
      j++;
    }
  }
  return (2 * shared) / (left.length + rightLength);
}

let scratch = new Int32Array(128);

/**
 * Writes the sorted character pairs of every word, each padded with a space at both ends, into the first
 * `text.length + 1` slots of `into`; read straight off " text ", where words are separated by one space.
 * Names are short, so they are sorted by insertion as they are read: the built-in sort's overhead would
 * cost more, and this runs for every candidate of every lookup.
 */
function sortedBigrams(text: string, into: Int32Array): Int32Array {
  const insert = text.length <= LONGEST_INSERTION_SORT;
  let previous = 32;
  for (let i = 0; i <= text.length; i++) {
    const current = i < text.length ? text.charCodeAt(i) : 32;
    const pair = (previous << 16) | current;
    let j = i - 1;
    while (insert && j >= 0 && into[j]! > pair) {
      into[j + 1] = into[j]!;
      j--;
    }
    into[j + 1] = pair;
    previous = current;
  }
  if (!insert) into.subarray(0, text.length + 1).sort();
  return into;
}

/** Beyond this many characters, insertion sort's quadratic cost outweighs the built-in sort's overhead. */
const LONGEST_INSERTION_SORT = 64;

/** Drops legal forms until none is left: dropping one can bring the parts of a multi-word form together. */
function withoutLegalForms(words: string[]): string[] {
  let current = words;
  while (holdsLegalForm(current)) current = dropLegalForms(current);
  return current;
}

function holdsLegalForm(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (LEGAL_FORMS.has(words[i]!) || multiWordFormAt(words, i)) return true;
  }
  return false;
}

/** One pass: multi-word forms first, then single-word ones, left to right. */
function dropLegalForms(words: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const run = multiWordFormAt(words, i);
    if (run) {
      i += run.length;
    } else {
      if (!LEGAL_FORMS.has(words[i]!)) out.push(words[i]!);
      i++;
    }
  }
  return out;
}

function multiWordFormAt(words: readonly string[], i: number): readonly string[] | undefined {
  if (!MULTI_WORD_STARTS.has(words[i]!)) return undefined;
  for (const form of MULTI_WORD_FORMS) {
    let k = 0;
    while (k < form.length && words[i + k] === form[k]) k++;
    if (k === form.length) return form;
  }
  return undefined;
}
