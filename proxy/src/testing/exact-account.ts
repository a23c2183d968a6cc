import type { ExactAccount } from "../exact/schemas";

/** A customer account as Exact sends it, numbered `n` (its ID and Code), for tests that write the mirror directly. */
export const exactAccount = (n: number, name: string): ExactAccount => ({
  ID: `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`,
  Code: String(n).padStart(18, " "),
  SearchCode: null,
  Name: name,
  VATNumber: null,
  ChamberOfCommerce: null,
  Status: "C",
  IsSupplier: false,
  IsSales: true,
  Blocked: false,
  Email: null,
  City: null,
  Postcode: null,
  Country: "BE ",
  Modified: null,
});
