import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** Before key ids: `v1.<iv>.<body>`. Now `v2.<key id>.<iv>.<body>`. */
const V1 = "v1";
const V2 = "v2";

/**
 * AES-256-GCM for Exact tokens and other secrets at rest. The additional data binds a ciphertext to its row and
 * field, so a token copied into another connection's row does not decrypt. Each ciphertext names the key it was
 * sealed with (a fingerprint, not the key); `previous` keys still open theirs during a rotation.
 */
export interface TokenCipher {
  /** The id of the key new ciphertexts are sealed with. */
  keyId: string;
  encrypt(plain: string, context: string): string;
  decrypt(sealed: string, context: string): string;
  /** The key id a ciphertext names; undefined for one sealed before key ids. */
  keyIdOf(sealed: string): string | undefined;
}

export const KEY_BYTES = 32;

/** A short, public fingerprint of a key: tells which key sealed a value without saying anything of the key. */
export const keyIdOf = (key: Buffer) =>
  createHash("sha256").update("zapfloor-exact key id\0").update(key).digest("hex").slice(0, 8);

export class WrongKeyError extends Error {
  override name = "WrongKeyError";
}

export function createTokenCipher(key: Buffer, previous: Buffer[] = []): TokenCipher {
  for (const k of [key, ...previous])
    if (k.length !== KEY_BYTES) throw new Error("A token key must be 32 bytes.");
  const keys = new Map([key, ...previous].map((k) => [keyIdOf(k), k]));
  const keyId = keyIdOf(key);

  const open = (k: Buffer, ivText: string, bodyText: string, context: string) => {
    const body = Buffer.from(bodyText, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(ivText, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
      "utf8",
    );
  };

  return {
    keyId,
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [V2, keyId, iv.toString("base64url"), body.toString("base64url")].join(".");
    },
    decrypt(sealed, context) {
      const parts = sealed.split(".");
      if (parts[0] === V2 && parts.length === 4) {
        const [, id = "", ivText = "", bodyText = ""] = parts;
        const k = keys.get(id);
        if (!k) throw new WrongKeyError(`Sealed with key ${id}, which is not configured.`);
        try {
          return open(k, ivText, bodyText, context);
        } catch {
          throw new WrongKeyError(`Does not open with key ${id}: altered, or moved from another row.`);
        }
      }
      if (parts[0] === V1 && parts.length === 3) {
        for (const k of keys.values()) {
          try {
            return open(k, parts[1] ?? "", parts[2] ?? "", context);
          } catch {
            // Before key ids, a wrong key shows only as a failed authentication: try the next.
          }
        }
        throw new WrongKeyError("Opens with none of the configured keys.");
      }
      throw new Error("Unknown token encryption format.");
    },
    keyIdOf(sealed) {
      const parts = sealed.split(".");
      return parts[0] === V2 ? parts[1] : undefined;
    },
  };
}
