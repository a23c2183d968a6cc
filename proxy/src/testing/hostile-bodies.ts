/**
 * Malformed and hostile request bodies, generated from a seed: wrong types, huge strings, odd unicode, SQL and
 * HTML where a number or a code belongs, unknown fields, broken JSON and wrong content types. Every body is
 * derived from a valid one by a change that must make it invalid, so a request carrying it has to be refused.
 * (In a name or an address line, SQL and markup are text like any other: names are data.)
 */

export type FieldKind = "text" | "boolean" | "customerNumber" | "email" | "vat" | "country";

/** A valid body and what each of its fields is, so that a mutation knows what breaks it. */
export interface BodyTemplate {
  body: Record<string, unknown>;
  fields: Record<string, FieldKind>;
}

export interface HostileBody {
  category: string;
  text: string;
  contentType: string;
}

export const SQL_PAYLOADS = [
  "'; DROP TABLE links; --",
  "1' OR '1'='1",
  "Robert'); DELETE FROM zapfloor_customers WHERE ('1'='1",
  "' UNION SELECT token_hash FROM api_tokens",
  'admin"--',
  "1; UPDATE links SET exact_id = NULL",
  "x' AND 1=(SELECT COUNT(*) FROM tenants)--",
];

export const HTML_PAYLOADS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<b>Acme</b>",
  "&lt;script&gt;",
  "<svg/onload=alert(1)>",
  "Acme<!--",
];

export const ODD_CHARACTERS = [
  "\u0000",
  "\u202e",
  "\ufeff",
  "\u200b",
  "\ud800",
  "\u0007",
  "\u2028",
  "\u001b",
  "\u0085",
];

const WRONG_TYPES: Record<FieldKind, unknown[]> = {
  text: [42, true, [], {}, ["Acme"], { value: "Acme" }],
  email: [42, false, [], {}],
  vat: [42, true, [], {}],
  country: [32, true, [], {}],
  customerNumber: [1001, null, true, [], {}],
  boolean: ["true", 1, 0, "yes", null, [], {}, "false"],
};

const UNKNOWN_FIELDS = [
  "tenantId",
  "isAdmin",
  "role",
  "exactId",
  "__proto__",
  "constructor",
  "linkedBy",
  "where",
];

const BROKEN_JSON = [
  "{",
  '{"name":',
  "not json",
  "",
  "[]",
  "null",
  "1",
  '"Acme"',
  '{"a":1}}',
  "{'name':'Acme'}",
  "[".repeat(5_000) + "]".repeat(5_000),
];

export function generateHostileBodies(
  template: BodyTemplate,
  count: number,
  random: () => number,
): HostileBody[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const fieldNames = Object.keys(template.fields);
  const textFields = fieldNames.filter((name) => template.fields[name] !== "boolean");
  const json = (category: string, body: unknown): HostileBody => ({
    category,
    text: JSON.stringify(body),
    contentType: "application/json",
  });
  const withField = (field: string, value: unknown) => setPath(template.body, field, value);
  const codeFields = textFields.filter((name) => template.fields[name] !== "text");
  /** Into a text field: the payload itself; into a boolean: a string is already the wrong type. */
  const carrying = (payload: string, where?: "inside") => {
    const field = pick(textFields.length > 0 ? textFields : fieldNames);
    return withField(field, template.fields[field] === "boolean" ? payload : spliced(payload, random, where));
  };
  /** SQL or markup: refused where a number, code or address belongs, never in a name. */
  const carryingAsCode = (payload: string) => {
    const field = pick(codeFields.length > 0 ? codeFields : fieldNames);
    return withField(field, template.fields[field] === "boolean" ? payload : spliced(payload, random));
  };

  const makers: (() => HostileBody)[] = [
    () => {
      const field = pick(fieldNames);
      return json("wrong type", withField(field, pick(WRONG_TYPES[template.fields[field]!])));
    },
    () => {
      const field = pick(fieldNames);
      const length = pick([257, 1_000, 10_000, 70_000, 200_000]);
      return json("huge string", withField(field, "x".repeat(length)));
    },
    // Inside the value: at its edges, trimming rightly removes what is whitespace to Unicode (BOM, separators).
    () => json("odd unicode", carrying(pick(ODD_CHARACTERS), "inside")),
    () => json("SQL", carryingAsCode(pick(SQL_PAYLOADS))),
    () => json("HTML", carryingAsCode(pick(HTML_PAYLOADS))),
    () => {
      const extra = pick(UNKNOWN_FIELDS);
      const text = JSON.stringify(template.body).replace(
        /^\{/,
        `{${JSON.stringify(extra)}:${JSON.stringify("x")},`,
      );
      return { category: "unknown field", text, contentType: "application/json" };
    },
    () => ({ category: "broken JSON", text: pick(BROKEN_JSON), contentType: "application/json" }),
    () => ({
      category: "wrong content type",
      text: JSON.stringify(template.body),
      contentType: pick(["text/plain", "application/x-www-form-urlencoded", "text/html", "application/xml"]),
    }),
    () => json("not an object", pick([[template.body], "x", 12, true])),
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

/** The payload at the start, middle or end of a plausible value. */
function spliced(payload: string, random: () => number, inside?: "inside"): string {
  const base = "Acme";
  const where = inside ? 1 : Math.floor(random() * 3);
  return where === 0 ? `${payload}${base}` : where === 1 ? `Ac${payload}me` : `${base}${payload}`;
}

function setPath(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split(".");
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy;
}
