import type { TokenCipher } from "../../security/token-cipher";
import type { EndpointRow } from "./endpoint-store";

export const secretContext = (endpointId: string) => `webhook-secret:${endpointId}`;

export const sealSecret = (cipher: TokenCipher, endpointId: string, secret: string) =>
  cipher.encrypt(secret, secretContext(endpointId));

/** The secrets a delivery is signed with now: the current one, and the previous one while its overlap lasts. */
export function signingSecrets(cipher: TokenCipher, row: EndpointRow, now: number): string[] {
  const secrets = [cipher.decrypt(row.secretEnc, secretContext(row.id))];
  if (row.previousSecretEnc && row.previousSecretUntil !== null && row.previousSecretUntil > now)
    secrets.push(cipher.decrypt(row.previousSecretEnc, secretContext(row.id)));
  return secrets;
}
