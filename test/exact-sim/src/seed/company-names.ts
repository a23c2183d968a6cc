import type { Prng } from "../util/prng";

interface CountryVocabulary {
  surnames: readonly string[];
  trades: readonly string[];
  legalForms: readonly (readonly [string, number])[];
  cities: readonly (readonly [city: string, postcode: (prng: Prng) => string])[];
  streets: readonly string[];
  tld: string;
  phone: (prng: Prng) => string;
  language: string;
}

const n = (prng: Prng, len: number) => String(prng.int(0, 10 ** len - 1)).padStart(len, "0");

export const VOCABULARY: Record<string, CountryVocabulary> = {
  NL: {
    surnames: [
      "Jansen",
      "de Vries",
      "van den Berg",
      "Bakker",
      "Visser",
      "Smit",
      "Meijer",
      "de Boer",
      "Mulder",
      "de Groot",
      "Bos",
      "Vos",
      "Peters",
      "Hendriks",
      "van Dijk",
      "Dekker",
      "Brouwer",
      "de Wit",
      "Dijkstra",
      "Smits",
      "de Graaf",
      "van der Meer",
      "Kok",
      "Verhoeven",
      "Kuipers",
    ],
    trades: [
      "Installatietechniek",
      "Advies",
      "Bouw",
      "Consultancy",
      "Groep",
      "Holding",
      "Media",
      "Logistiek",
      "IT Services",
      "Architecten",
      "Makelaardij",
      "Design Studio",
      "Vastgoed",
      "Accountants",
      "Software",
      "Catering",
      "Schoonmaak",
      "Events",
      "Fotografie",
      "Marketing",
    ],
    legalForms: [
      ["B.V.", 50],
      ["BV", 15],
      ["Holding B.V.", 5],
      ["V.O.F.", 8],
      ["N.V.", 2],
      ["", 20],
    ],
    cities: [
      ["Amsterdam", (p) => `10${n(p, 2)} ${"ABCDEGHJKL"[p.int(0, 9)]}${"ABCEGHJKLMNPRSTVWX"[p.int(0, 17)]}`],
      ["Rotterdam", (p) => `30${n(p, 2)} AB`],
      ["Utrecht", (p) => `35${n(p, 2)} CD`],
      ["Den Haag", (p) => `25${n(p, 2)} EH`],
      ["Eindhoven", (p) => `56${n(p, 2)} KL`],
      ["Groningen", (p) => `97${n(p, 2)} MN`],
      ["Haarlem", (p) => `20${n(p, 2)} PR`],
    ],
    streets: [
      "Keizersgracht",
      "Herengracht",
      "Stationsplein",
      "Kerkstraat",
      "Dorpsstraat",
      "Industrieweg",
      "Marktplein",
      "Havenstraat",
      "Parkweg",
      "Stadhouderskade",
    ],
    tld: "nl",
    phone: (p) => `+31 20 ${n(p, 3)} ${n(p, 4)}`,
    language: "NL",
  },
  BE: {
    surnames: [
      "Peeters",
      "Janssens",
      "Maes",
      "Jacobs",
      "Mertens",
      "Willems",
      "Claes",
      "Goossens",
      "Wouters",
      "De Smet",
      "Dubois",
      "Lambert",
      "Dupont",
      "Martens",
      "Vermeulen",
      "Hermans",
      "Van Damme",
      "Leclercq",
    ],
    trades: [
      "Bouwwerken",
      "Consult",
      "Immo",
      "Transport",
      "Services",
      "Solutions",
      "Architectenbureau",
      "Catering",
      "Media",
      "Bureau",
      "Invest",
      "Technics",
    ],
    legalForms: [
      ["BV", 35],
      ["BVBA", 15],
      ["NV", 15],
      ["SRL", 12],
      ["SA", 8],
      ["CommV", 3],
      ["", 12],
    ],
    cities: [
      ["Gent", (p) => `90${n(p, 2)}`],
      ["Antwerpen", (p) => `20${n(p, 2)}`],
      ["Brussel", (p) => `10${n(p, 2)}`],
      ["Leuven", (p) => `30${n(p, 2)}`],
      ["Brugge", (p) => `80${n(p, 2)}`],
      ["Liège", (p) => `40${n(p, 2)}`],
    ],
    streets: [
      "Kouter",
      "Veldstraat",
      "Meir",
      "Grote Markt",
      "Rue Neuve",
      "Kortrijksesteenweg",
      "Leopoldlaan",
      "Avenue Louise",
    ],
    tld: "be",
    phone: (p) => `+32 9 ${n(p, 3)} ${n(p, 2)} ${n(p, 2)}`,
    language: "NL",
  },
  FR: {
    surnames: [
      "Martin",
      "Bernard",
      "Dubois",
      "Thomas",
      "Robert",
      "Richard",
      "Petit",
      "Durand",
      "Leroy",
      "Moreau",
      "Simon",
      "Laurent",
      "Lefebvre",
      "Michel",
      "Garcia",
    ],
    trades: [
      "Conseil",
      "Bâtiment",
      "Immobilier",
      "Informatique",
      "Transports",
      "Services",
      "Architecture",
      "Communication",
      "Événements",
      "Distribution",
    ],
    legalForms: [
      ["SARL", 35],
      ["SAS", 35],
      ["SA", 10],
      ["EURL", 10],
      ["", 10],
    ],
    cities: [
      ["Paris", (p) => `750${n(p, 2)}`],
      ["Lyon", (p) => `6900${p.int(1, 9)}`],
      ["Lille", (p) => `59${n(p, 3)}`],
      ["Marseille", (p) => `130${n(p, 2)}`],
      ["Bordeaux", (p) => `33${n(p, 3)}`],
    ],
    streets: [
      "rue de la Paix",
      "avenue Victor Hugo",
      "boulevard Haussmann",
      "rue du Commerce",
      "place de la République",
    ],
    tld: "fr",
    phone: (p) => `+33 1 ${n(p, 2)} ${n(p, 2)} ${n(p, 2)} ${n(p, 2)}`,
    language: "FR",
  },
  DE: {
    surnames: [
      "Müller",
      "Schmidt",
      "Schneider",
      "Fischer",
      "Weber",
      "Meyer",
      "Wagner",
      "Becker",
      "Schulz",
      "Hoffmann",
      "Koch",
      "Richter",
      "Klein",
      "Wolf",
    ],
    trades: [
      "Bau",
      "Beratung",
      "Immobilien",
      "Logistik",
      "Software",
      "Technik",
      "Medien",
      "Handel",
      "Dienstleistungen",
      "Architekten",
    ],
    legalForms: [
      ["GmbH", 60],
      ["AG", 8],
      ["GmbH & Co. KG", 15],
      ["UG (haftungsbeschränkt)", 7],
      ["e.K.", 10],
    ],
    cities: [
      ["Berlin", (p) => `10${n(p, 3)}`],
      ["Düsseldorf", (p) => `40${n(p, 3)}`],
      ["Köln", (p) => `50${n(p, 3)}`],
      ["München", (p) => `80${n(p, 3)}`],
      ["Hamburg", (p) => `20${n(p, 3)}`],
    ],
    streets: ["Hauptstraße", "Bahnhofstraße", "Königsallee", "Schillerstraße", "Goethestraße"],
    tld: "de",
    phone: (p) => `+49 30 ${n(p, 4)} ${n(p, 4)}`,
    language: "DE",
  },
  GB: {
    surnames: [
      "Smith",
      "Jones",
      "Taylor",
      "Brown",
      "Williams",
      "Wilson",
      "Johnson",
      "Davies",
      "Robinson",
      "Wright",
      "Thompson",
      "Evans",
      "Walker",
      "White",
    ],
    trades: [
      "Consulting",
      "Property",
      "Logistics",
      "Software",
      "Design",
      "Media",
      "Holdings",
      "Services",
      "Architects",
      "Engineering",
    ],
    legalForms: [
      ["Ltd", 55],
      ["Limited", 20],
      ["LLP", 10],
      ["PLC", 3],
      ["", 12],
    ],
    cities: [
      ["London", (p) => `EC${p.int(1, 4)}A ${p.int(1, 9)}BB`],
      ["Manchester", (p) => `M${p.int(1, 40)} ${p.int(1, 9)}AB`],
      ["Bristol", (p) => `BS${p.int(1, 40)} ${p.int(1, 9)}QD`],
      ["Leeds", (p) => `LS${p.int(1, 29)} ${p.int(1, 9)}HT`],
    ],
    streets: ["High Street", "Station Road", "Church Lane", "Victoria Road", "Kings Road"],
    tld: "co.uk",
    phone: (p) => `+44 20 ${n(p, 4)} ${n(p, 4)}`,
    language: "EN",
  },
};

const NAME_PATTERNS: readonly (readonly [number, number])[] = [
  [0, 45],
  [1, 15],
  [2, 15],
  [3, 15],
  [4, 10],
];

/** A plausible company name with a legal form for the country, e.g. "Bakker Installatietechniek B.V.". */
export function companyName(prng: Prng, country: string): string {
  const v = VOCABULARY[country] ?? VOCABULARY.NL!;
  const surname = prng.pick(v.surnames);
  let base: string;
  switch (prng.weighted(NAME_PATTERNS)) {
    case 0:
      base = `${surname} ${prng.pick(v.trades)}`;
      break;
    case 1:
      base = `${prng.pick(v.trades)} ${surname}`;
      break;
    case 2:
      base = `${surname} & ${prng.pick(v.surnames)}`;
      break;
    case 3:
      base = surname;
      break;
    default:
      base = `${prng.pick(v.trades)} ${prng.pick(v.cities)[0]}`;
  }
  const form = prng.weighted(v.legalForms);
  return form ? `${base} ${form}` : base;
}

const slugs = new Map<string, string>();

/** `"Bakker & Smit B.V."` → `"bakkersmit"`: for e-mail domains and search codes (memoised: names repeat). */
export function slug(name: string): string {
  let cached = slugs.get(name);
  if (cached === undefined) {
    cached = computeSlug(name);
    if (slugs.size < 50_000) slugs.set(name, cached);
  }
  return cached;
}

function computeSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(
      /\b(b\.?v\.?|n\.?v\.?|v\.o\.f\.|bvba|srl|sa|sarl|sas|eurl|gmbh|ag|ltd|limited|llp|plc|commv|ug|e\.k\.|holding)\b/g,
      "",
    )
    .replace(/[^a-z0-9]+/g, "")
    .slice(0, 24);
}
