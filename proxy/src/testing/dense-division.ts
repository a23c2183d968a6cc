import type { CustomerInput } from "@zapfloor-exact/shared/schemas/customers";
import type { ExactAccount } from "../exact/schemas";

/**
 * A valid Belgian VAT number; its ten digits are the company's enterprise number, in the 0-range (which starts
 * at 0200…) for serials below 1,000.
 */
export function belgianVat(serial: number): string {
  const digits = `0${2_000_000 + serial * 7_919}`;
  return `BE${digits}${String(97 - (Number(digits) % 97)).padStart(2, "0")}`;
}

/**
 * Random accounts and customers of a small division whose records share keys often: few VAT numbers, Codes and
 * SearchCodes that are customers' numbers, company numbers that are in other accounts' VAT numbers, look-alike
 * names, prospects, blocked accounts. For tests that change such a division at random.
 */
export function denseDivision(random: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const vats = Array.from({ length: 14 }, (_, i) => belgianVat(i + 1));
  const customerNumbers = Array.from({ length: 50 }, (_, i) => String(100 + i));
  const names = ["Acme", "Acme Group", "Bakkerij Peeters", "Studio Noord", "Noord Studio", "Delta Logistics"];
  const account = (n: number): ExactAccount => {
    const status = chance(0.75) ? "C" : pick(["P", "S", "A"]);
    return {
      ID: `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`,
      Code: chance(0.3) ? pick(customerNumbers).padStart(18, " ") : `A${n}`.padStart(18, " "),
      SearchCode: chance(0.3) ? pick(customerNumbers) : null,
      Name: `${pick(names)}${chance(0.5) ? ` ${n % 7}` : ""}`,
      VATNumber: chance(0.6) ? pick(vats) : null,
      ChamberOfCommerce: chance(0.1) ? pick(vats).slice(2) : null,
      Status: status,
      IsSupplier: status === "A",
      IsSales: status === "C",
      Blocked: chance(0.08),
      Email: null,
      City: pick(["Gent", "Antwerpen"]),
      Postcode: null,
      Country: "BE ",
      Modified: null,
    };
  };
  const customer = (number: string): CustomerInput => ({
    name: `${pick(names)}${chance(0.5) ? ` ${Number(number) % 5}` : ""}`,
    country: "BE",
    ...(chance(0.5) ? { vatNumber: pick(vats) } : {}),
    ...(chance(0.15) ? { companyNumber: pick(vats).slice(2) } : {}),
  });
  return { pick, chance, account, customer, customerNumbers };
}
