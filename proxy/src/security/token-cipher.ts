import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

/**
 * AES-256-GCM for Exact tokens at rest. The additional data binds a ciphertext to its row and field, so a
 * token copied into another connection's row does not decrypt.
 */
export interface TokenCipher {
  encrypt(plain: string, context: string): string;
  decrypt(sealed: string, context: string): string;
}

export function createTokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new Error("The token key must be 32 bytes.");
  return {
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, iv.toString("base64url"), body.toString("base64url")].join(".");
    },
    decrypt(sealed, context) {
      const [version, ivText, bodyText] = sealed.split(".");
      if (version !== VERSION || !ivText || !bodyText) throw new Error("Unknown token encryption format.");
      const body = Buffer.from(bodyText, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64url"));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}
