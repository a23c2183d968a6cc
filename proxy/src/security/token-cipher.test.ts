import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, keyIdOf, WrongKeyError } from "./token-cipher";

/** A ciphertext as the proxy sealed them before key ids: `v1.<iv>.<body>`. */
function sealV1(key: Buffer, plain: string, context: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url")].join(".");
}

describe("the token cipher", () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it("names the key that sealed a value, by a fingerprint that is not the key", () => {
    const cipher = createTokenCipher(newKey);
    const sealed = cipher.encrypt("refresh-token", "c1:refresh");
    expect(cipher.keyIdOf(sealed)).toBe(keyIdOf(newKey));
    expect(sealed.startsWith(`v2.${keyIdOf(newKey)}.`)).toBe(true);
    expect(sealed).not.toContain(newKey.toString("base64url"));
    expect(cipher.decrypt(sealed, "c1:refresh")).toBe("refresh-token");
  });

  it("opens a value of the previous key during a rotation, and seals new ones under the current key", () => {
    const sealedBefore = createTokenCipher(oldKey).encrypt("token", "c1:access");
    const rotating = createTokenCipher(newKey, [oldKey]);
    expect(rotating.decrypt(sealedBefore, "c1:access")).toBe("token");
    expect(rotating.keyIdOf(rotating.encrypt("token", "c1:access"))).toBe(keyIdOf(newKey));
    expect(() => createTokenCipher(newKey).decrypt(sealedBefore, "c1:access")).toThrow(WrongKeyError);
  });

  it("still opens values sealed before key ids, with whichever configured key sealed them", () => {
    const legacy = sealV1(oldKey, "token", "c1:access");
    expect(createTokenCipher(newKey, [oldKey]).decrypt(legacy, "c1:access")).toBe("token");
    expect(() => createTokenCipher(newKey).decrypt(legacy, "c1:access")).toThrow(WrongKeyError);
  });

  it("refuses a value moved to another row", () => {
    const cipher = createTokenCipher(newKey);
    expect(() => cipher.decrypt(cipher.encrypt("token", "c1:access"), "c2:access")).toThrow(WrongKeyError);
  });
});
