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
  return normalisedSimilarity(normaliseName(a), normaliseName(b));
}

/**
 * The distinct words of two letters or more of a normalised name: the ones that can find look-alikes. A
 * name without such a word ("A B") is found through the whole name, so that its twins are still found.
 */
export function searchTokens(normalised: string): string[] {
  const found: string[] = [];
  let start = 0;
  while (start < normalised.length) {
    let end = normalised.indexOf(" ", start);
    if (end < 0) end = normalised.length;
    if (end - start >= 2) {
      const token = normalised.slice(start, end);
      if (!found.includes(token)) found.push(token);
    }
    start = end + 1;
  }
  if (found.length === 0 && normalised !== "") found.push(normalised);
  return found;
}

/**
 * False when two normalised names cannot reach `threshold` whatever their letters: Dice can be no higher
 * than 2·min(m, n)/(m + n) for m and n character pairs. Saves comparing names of very different lengths.
 */
export function mayReachSimilarity(a: string, b: string, threshold: number): boolean {
  const m = a.length + 1;
  const n = b.length + 1;
  return (2 * Math.min(m, n)) / (m + n) >= threshold;
}

/**
 * `nameSimilarity` of two names already normalised by `normaliseName`. A lookup compares one name with
 * many, so the left-hand name's pairs are kept from one call to the next while it stays the same; the
 * right-hand one's are read into a reused buffer.
 */
export function normalisedSimilarity(a: string, b: string): number {
  if (a === "" || b === "") return 0;
  if (a === b) return 1;
  if (a !== left.text) {
    if (left.pairs.length <= a.length) left.pairs = new Int32Array(2 * (a.length + 1));
    sortedBigrams(a, left.pairs);
    left.text = a;
  }
  const leftLength = a.length + 1;
  const rightLength = b.length + 1;
  if (right.length < rightLength) right = new Int32Array(2 * rightLength);
  sortedBigrams(b, right);
  const pairs = left.pairs;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < leftLength && j < rightLength) {
    const l = pairs[i]!;
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
  return (2 * shared) / (leftLength + rightLength);
}

const left: { text: string; pairs: Int32Array } = { text: "", pairs: new Int32Array(128) };
let right: Int32Array = new Int32Array(128);

/**
 * Writes the sorted character pairs of every word, each padded with a space at both ends, into the first
 * `text.length + 1` slots of `into`; read straight off " text ", where words are separated by one space.
 * Names are short, so they are sorted by insertion as they are read: the built-in sort's overhead would
 * cost more, and this runs for every candidate of every lookup.
 */
function sortedBigrams(text: string, into: Int32Array): void {
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
