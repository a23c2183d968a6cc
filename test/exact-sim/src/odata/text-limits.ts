import { businessRule, dutch } from "../http/exact-error";

/** Per field: its Dutch label (as in Exact's messages) and the longest text kept. */
export type TextLimits = Readonly<Record<string, readonly [label: string, max: number]>>;

/**
 * What a text over its limit does. Exact's pages give no lengths and no captured answer shows what happens past
 * one (UNCONFIRMED): `error` (default, the strict reading) is a 500 business rule "Te lang: … (maximaal n
 * tekens)", creating nothing; `truncate` keeps the first n characters, as 2013 SDK fixtures show for SearchCode.
 */
export type TextOverflow = "error" | "truncate";

export function applyTextLimits(
  values: Map<string, unknown>,
  limits: TextLimits,
  overflow: TextOverflow,
): void {
  for (const [field, [label, max]] of Object.entries(limits)) {
    const value = values.get(field);
    if (typeof value !== "string" || value.length <= max) continue;
    if (overflow === "error") throw businessRule(dutch.tooLong(label, max));
    values.set(field, value.slice(0, max));
  }
}
