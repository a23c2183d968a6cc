import { createHash, randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a code is read off a screen and typed. 31 symbols, 8 of them: almost 40 bits. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 8;

/** `K7QM-3XPA`. */
export function generatePairingCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as typed (any case, spaces or dashes) in its stored form; undefined when it cannot be one. */
export function normalisePairingCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return undefined;
  return code;
}

export function hashPairingCode(normalised: string): string {
  return createHash("sha256").update(`pairing:${normalised}`, "utf8").digest("hex");
}
