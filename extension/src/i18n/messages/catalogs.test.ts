import { describe, expect, it } from "vitest";
import { en, type MessageId } from "./en";
import { fr } from "./fr";
import { nl } from "./nl";

const TRANSLATIONS = [
  ["nl", nl],
  ["fr", fr],
] as const;
type Translated = (typeof TRANSLATIONS)[number][0];

/**
 * Messages that may read exactly as in English, each for a reason a reviewer can check: a product name, or a
 * word the language writes the same way (Exact's own "Code", its relation statuses "prospect" and "suspect").
 * Anything else identical to English is a message nobody translated.
 */
const SAME_AS_ENGLISH: Record<Translated, Partial<Record<MessageId, string>>> = {
  nl: {
    "panel.title": "product name",
    "options.exact": "product name",
    "popup.exact": "product name",
    "options.proxy": "the proxy is called so in every language",
    "signal.code": "Exact's field Code",
    "status.P": "Exact's status Prospect",
    "status.S": "Exact's status Suspect",
    "overview.state.conflict": "Dutch word",
    "bookings.vatType": "Dutch word",
    "panel.push.pushed": "Dutch words",
    "goLive.outcome.conflict": "Dutch word",
    "goLive.filter.outcome": "placeholders only",
  },
  fr: {
    "panel.title": "product name",
    "options.exact": "product name",
    "popup.exact": "product name",
    "options.proxy": "the proxy is called so in every language",
    "signal.code": "Exact's field Code",
    "status.P": "Exact's status Prospect",
    "status.S": "Exact's status Suspect",
    "overview.column.actions": "French word",
    "bookings.vatType": "French word",
    "goLive.filter.outcome": "placeholders only",
  },
};

/**
 * The words Exact Online itself shows bookkeepers, per concept: where an English message names the concept,
 * the Dutch and French ones must use Exact's word for it (Exact's nl and fr screens: Relatie / Tiers,
 * Administratie / Dossier, Dagboek / Journal, Grootboekrekening / Compte général, Btw-code / Code TVA).
 */
const GLOSSARY: { concept: string; en: RegExp; nl: RegExp; fr: RegExp }[] = [
  {
    concept: "G/L account",
    en: /\bG\/L accounts?\b/i,
    nl: /grootboekrekening/i,
    fr: /comptes? g[ée]n[ée]ra/i,
  },
  { concept: "VAT code", en: /\bVAT codes?\b/i, nl: /btw-code/i, fr: /codes? TVA/i },
  { concept: "VAT number", en: /\bVAT number\b/i, nl: /btw-nummer/i, fr: /(n°|num[ée]ro) de TVA/i },
  { concept: "journal", en: /\bjournals?\b/i, nl: /(dag)?boek/i, fr: /journa/i },
  { concept: "division", en: /\bdivisions?\b/i, nl: /administratie/i, fr: /dossier/i },
  { concept: "credit note", en: /\bcredit[- ]notes?\b/i, nl: /creditnota/i, fr: /notes? de cr[ée]dit/i },
  {
    concept: "push (a sales entry booked in Exact)",
    en: /\bpush/i,
    nl: /boek/i,
    fr: /comptabilis|[ée]criture/i,
  },
  { concept: "invoice", en: /\binvoices?\b/i, nl: /factu/i, fr: /factur/i },
  { concept: "customer", en: /\bcustomers?\b/i, nl: /klant/i, fr: /client/i },
  // An Exact account is a relation of any status; "G/L account" is another concept, above.
  { concept: "Exact account", en: /\baccounts?\b(?<!G\/L accounts?)/i, nl: /relatie/i, fr: /tiers/i },
];

/** Words that give away English left in a Dutch or French message. */
const ENGLISH_WORDS =
  /\b(the|and|with|not|this|that|failed|settings|account|accounts|invoice|customer|linked|please|could)\b/i;

const withoutPlaceholders = (text: string) => text.replace(/\{\w+\}/g, "");

describe.each(TRANSLATIONS)("the %s messages", (locale, catalog) => {
  it("give exactly the English ids, no more and no fewer", () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });

  it("are translated, apart from the documented exceptions", () => {
    const untranslated = (Object.keys(en) as MessageId[]).filter(
      (id) => catalog[id] === en[id] && !(id in SAME_AS_ENGLISH[locale]),
    );
    expect(untranslated).toEqual([]);
  });

  it("are more than a placeholder, which would show the proxy's English", () => {
    const bare = (Object.keys(catalog) as MessageId[]).filter(
      (id) => withoutPlaceholders(catalog[id]).trim() === "",
    );
    expect(bare).toEqual([]);
  });

  it("have no English words left in them", () => {
    const english = (Object.keys(catalog) as MessageId[]).filter((id) =>
      ENGLISH_WORDS.test(withoutPlaceholders(catalog[id])),
    );
    expect(english).toEqual([]);
  });

  it.each(GLOSSARY)("use Exact's word for $concept", (term) => {
    const missing = (Object.keys(en) as MessageId[])
      .filter((id) => term.en.test(withoutPlaceholders(en[id])))
      .filter((id) => !term[locale].test(catalog[id]))
      .map((id) => `${id}: ${catalog[id]}`);
    expect(missing).toEqual([]);
  });
});

describe("the exceptions", () => {
  it.each(TRANSLATIONS)("of %s are still the same as English", (locale, catalog) => {
    const stale = Object.keys(SAME_AS_ENGLISH[locale]).filter(
      (id) => catalog[id as MessageId] !== en[id as MessageId],
    );
    expect(stale).toEqual([]);
  });
});
