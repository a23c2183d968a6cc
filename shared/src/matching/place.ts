import { unicodeWords } from "./name-words";
import type { ExactAccountSnapshot, ZapfloorCustomer } from "./types";

/** The same city (case, accents and punctuation aside) or the same postcode (spaces and case aside). */
export function samePlace(
  customer: Pick<ZapfloorCustomer, "city" | "postcode">,
  account: Pick<ExactAccountSnapshot, "city" | "postcode">,
): boolean {
  return (
    equalWhenBothGiven(cityKey(customer.city), cityKey(account.city)) ||
    equalWhenBothGiven(postcodeKey(customer.postcode), postcodeKey(account.postcode))
  );
}

function cityKey(raw: string | null | undefined): string {
  return raw ? unicodeWords(raw).join(" ") : "";
}

function postcodeKey(raw: string | null | undefined): string {
  return raw ? raw.replace(/[\s-]+/g, "").toUpperCase() : "";
}

function equalWhenBothGiven(a: string, b: string): boolean {
  return a !== "" && a === b;
}
