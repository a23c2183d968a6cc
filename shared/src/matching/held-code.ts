const SMALL_NUMBER = /^[1-9]\d{0,8}$/;

/**
 * A code as a record keeps it: one of digits alone, without a leading zero and at most nine of them (as most
 * Exact Codes are), as the number it reads, which the record holds in itself rather than as a string of its own.
 */
export type HeldCode = string | number;

export function heldCode<T extends string | null | undefined>(code: T): HeldCode | Exclude<T, string> {
  return typeof code === "string" && SMALL_NUMBER.test(code) ? Number(code) : (code as Exclude<T, string>);
}

/** The code a record holds, as the string it was given. */
export function codeOfHeld<T extends null | undefined>(held: HeldCode | T): string | T {
  return typeof held === "number" ? String(held) : held;
}
