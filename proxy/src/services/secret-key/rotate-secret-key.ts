import type { TokenCipher } from "../../security/token-cipher";
import type { ServiceContext } from "../context";
import { sealedValues } from "./sealed-values";

export interface RotationResult {
  /** Values sealed again under the current key. */
  resealed: number;
  /** Values already under the current key. */
  current: number;
  /** Values replaced meanwhile (a token refresh seals under the current key itself). */
  changedMeanwhile: number;
  /** Values no configured key opens: left as they are. */
  unreadable: number;
}

/**
 * Seals every encrypted value that is not under the current key again under it, opening it with a previous key
 * (`SECRET_KEY_PREVIOUS`). Each value is replaced only if unchanged since it was read, so a token refreshed by a
 * running proxy meanwhile is never overwritten with an older one.
 */
export async function rotateSecretKey(ctx: ServiceContext, cipher: TokenCipher): Promise<RotationResult> {
  const result: RotationResult = { resealed: 0, current: 0, changedMeanwhile: 0, unreadable: 0 };
  for (const value of await sealedValues(ctx.db)) {
    if (cipher.keyIdOf(value.sealed) === cipher.keyId) {
      result.current++;
      continue;
    }
    let plain: string;
    try {
      plain = cipher.decrypt(value.sealed, value.context);
    } catch {
      result.unreadable++;
      continue;
    }
    const replaced = await value.replace(ctx.db, cipher.encrypt(plain, value.context));
    if (replaced) result.resealed++;
    else result.changedMeanwhile++;
  }
  return result;
}
