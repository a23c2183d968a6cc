import type { TokenCipher } from "../../security/token-cipher";
import type { ServiceContext } from "../context";
import { type SealedValue, sealedValues } from "./sealed-values";

export interface SecretKeyCheck {
  /** How many encrypted values the database holds. */
  stored: number;
  /** Those the configured keys do not open. */
  unreadable: number;
  /** The key ids the unreadable ones name (none for values sealed before key ids). */
  unknownKeyIds: string[];
}

const opens = (cipher: TokenCipher, value: SealedValue) => {
  try {
    cipher.decrypt(value.sealed, value.context);
    return true;
  } catch {
    return false;
  }
};

/** Whether the configured keys open every encrypted value in the database. */
export async function checkSecretKey(ctx: ServiceContext, cipher: TokenCipher): Promise<SecretKeyCheck> {
  const values = await sealedValues(ctx.db);
  const unreadable = values.filter((value) => !opens(cipher, value));
  const unknownKeyIds = [
    ...new Set(unreadable.flatMap((value) => cipher.keyIdOf(value.sealed) ?? [])),
  ].sort();
  return { stored: values.length, unreadable: unreadable.length, unknownKeyIds };
}

/** What `/ready` asks: does the key open a stored Exact token? `none` while there is none to open. */
export async function keyOpensAStoredToken(
  ctx: ServiceContext,
  cipher: TokenCipher,
): Promise<"ok" | "none" | "wrong"> {
  const [value] = (await sealedValues(ctx.db, { limit: 1 })).filter((v) => v.kind === "exact_token");
  if (!value) return "none";
  return opens(cipher, value) ? "ok" : "wrong";
}
