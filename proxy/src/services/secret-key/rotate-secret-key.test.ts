import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { oauthStates, webhookEndpoints } from "../../db/schema";
import { createTokenCipher } from "../../security/token-cipher";
import { tenantWithStoredTokens } from "../../testing/stored-connection";
import { createTestApp } from "../../testing/test-app";
import { pendingContext } from "../exact-connection/receive-consent";
import { secretContext } from "../webhooks/endpoint-secrets";
import { checkSecretKey } from "./check-secret-key";
import { rotateSecretKey } from "./rotate-secret-key";
import { sealedValues } from "./sealed-values";

describe("rotating the secret key", () => {
  it("seals every encrypted column again under the new key, each in its own row and context, never over a newer value", async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const { deps, database } = await createTestApp({ exact: { secretKey: oldKey } });
    const old = deps.exact.cipher;
    const tenant = await tenantWithStoredTokens(deps);
    const now = deps.clock.now();
    await deps.db.insert(webhookEndpoints).values({
      id: "ep_1",
      tenantId: tenant.tenantId,
      url: "https://hooks.example.com/zapfloor",
      eventTypes: [],
      status: "enabled",
      secretEnc: old.encrypt("whsec_new", secretContext("ep_1")),
      previousSecretEnc: old.encrypt("whsec_old", secretContext("ep_1")),
      previousSecretUntil: now + 60_000,
      createdAt: now,
      updatedAt: now,
    });
    for (const [stateHash, pending] of [
      ["waiting", old.encrypt('{"accessToken":"a"}', pendingContext("waiting"))],
      ["unused", null],
    ] as const) {
      await deps.db.insert(oauthStates).values({
        stateHash,
        tenantId: tenant.tenantId,
        host: "start.exactonline.nl",
        createdAt: now,
        expiresAt: now + 60_000,
        pendingTokensEnc: pending,
      });
    }
    const before = await sealedValues(deps.db);
    expect(before.map((value) => value.kind).sort()).toEqual([
      "exact_token",
      "exact_token",
      "pending_consent",
      "webhook_secret",
      "webhook_secret",
    ]);

    const rotation = createTokenCipher(newKey, [oldKey]);
    expect(await rotateSecretKey(deps, rotation)).toEqual({
      resealed: 5,
      current: 0,
      changedMeanwhile: 0,
      unreadable: 0,
    });
    expect(await checkSecretKey(deps, createTokenCipher(newKey))).toEqual({
      stored: 5,
      unreadable: 0,
      unknownKeyIds: [],
    });
    // Values read before the rotation are no longer there to replace: a stale one never overwrites.
    for (const value of before) expect(await value.replace(deps.db, "stale")).toBe(false);
    expect(await rotateSecretKey(deps, rotation)).toMatchObject({ resealed: 0, current: 5 });
    database.client.close();
  });
});
