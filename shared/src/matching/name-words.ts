// Splitting a company name into lower-case words: a general reader for any script, and a quicker one for
// plain ASCII, which most names are. Both drop dots and apostrophes ("B.V." → "bv", "O'Brien" → "obrien")
// and split on every other character that is not a letter or a digit.

const COMBINING_MARKS = /\p{M}+/gu;
const DOTS_AND_APOSTROPHES = /[.'’`]/g;
const NON_ALPHANUMERIC = /[^\p{L}\p{N}]+/u;

/** Words of any name: accents removed (NFKD without combining marks), lower case. */
export function unicodeWords(raw: string): string[] {
  const plain = raw
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(DOTS_AND_APOSTROPHES, "");
  return plain.split(NON_ALPHANUMERIC).filter((word) => word !== "");
}

/** The same words as `unicodeWords` for a name of printable ASCII; undefined for any other name. */
export function asciiWords(raw: string): string[] | undefined {
  const lower = raw.toLowerCase();
  const words: string[] = [];
  let start = -1;
  let joined = false;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if (code > 126 || code < 32) return undefined;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
    } else if (code === 46 || code === 39 || code === 96) {
      joined = true;
    } else if (start >= 0) {
      const word = lower.slice(start, i);
      words.push(joined ? word.replace(DOTS_AND_APOSTROPHES, "") : word);
      start = -1;
      joined = false;
    } else {
      joined = false;
    }
  }
  return words;
}
