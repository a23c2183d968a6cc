import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "../../db/client";
import { silentLogger } from "../../logger";
import { createManualClock } from "../../testing/manual-clock";
import { countStatements } from "../../testing/statement-count";
import { authenticate } from "./authenticate";
import { CALLER_TTL_MS, cachedAuthenticate, REVOCATION_CHECK_MS } from "./cached-authenticate";
import { createTenant } from "./create-tenant";
import { revokeToken } from "./revoke-token";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Two replicas: each its own connection to one database file, so each its own memory. */
async function twoReplicas() {
  const folder = mkdtempSync(join(os.tmpdir(), "zfx-auth-cache-"));
  folders.push(folder);
  const url = `file:${join(folder, "proxy.db")}`;
  const clock = createManualClock(Date.UTC(2026, 11, 5, 9, 0, 0));
  const replica = async () => {
    const database = openDatabase(url);
    await prepareDatabase(database);
    const ctx = { db: database.db, clock, logger: silentLogger };
    return { ctx, database, statements: countStatements(database) };
  };
  const a = await replica();
  const b = await replica();
  return {
    a,
    b,
    clock,
    close: () => {
      a.database.close();
      b.database.close();
    },
  };
}

describe("cachedAuthenticate", () => {
  it("answers a busy caller from memory: one read of the token and one revocation check, not one read per request", async () => {
    const { a, close } = await twoReplicas();
    try {
      const tenant = await createTenant(a.ctx, { name: "Acme" });
      const before = a.statements();
      for (let i = 0; i < 100; i++) {
        expect((await cachedAuthenticate(a.ctx, tenant.tokens.bookkeeper))?.role).toBe("bookkeeper");
      }
      // authenticate's read and its first last-used write, plus the revocation check.
      expect(a.statements() - before).toBeLessThanOrEqual(3);
    } finally {
      close();
    }
  });

  it("refuses a token revoked on another replica once the revocation check is older than a second", async () => {
    const { a, b, clock, close } = await twoReplicas();
    try {
      const tenant = await createTenant(a.ctx, { name: "Acme" });
      const caller = await cachedAuthenticate(b.ctx, tenant.tokens.integration);
      expect(caller?.tenantId).toBe(tenant.tenantId);
      await revokeToken(a.ctx, { tenantId: tenant.tenantId, tokenId: caller!.tokenId });
      expect(await authenticate(b.ctx, tenant.tokens.integration)).toBeUndefined();

      clock.advance(REVOCATION_CHECK_MS + 1);
      expect(await cachedAuthenticate(b.ctx, tenant.tokens.integration)).toBeUndefined();
      // The other token of the tenant is read again, and still valid.
      expect((await cachedAuthenticate(b.ctx, tenant.tokens.bookkeeper))?.role).toBe("bookkeeper");
    } finally {
      close();
    }
  });

  it("refuses a token revoked by this process at once", async () => {
    const { a, close } = await twoReplicas();
    try {
      const tenant = await createTenant(a.ctx, { name: "Acme" });
      const caller = await cachedAuthenticate(a.ctx, tenant.tokens.bookkeeper);
      await revokeToken(a.ctx, { tenantId: tenant.tenantId, tokenId: caller!.tokenId });
      expect(await cachedAuthenticate(a.ctx, tenant.tokens.bookkeeper)).toBeUndefined();
    } finally {
      close();
    }
  });

  it("reads a kept token again after a few seconds, and never keeps an unknown one", async () => {
    const { a, clock, close } = await twoReplicas();
    try {
      const tenant = await createTenant(a.ctx, { name: "Acme" });
      await cachedAuthenticate(a.ctx, tenant.tokens.bookkeeper);
      const kept = a.statements();
      clock.advance(CALLER_TTL_MS + 1);
      await cachedAuthenticate(a.ctx, tenant.tokens.bookkeeper);
      expect(a.statements()).toBeGreaterThan(kept);

      const unknown = `zfx_${"A".repeat(43)}`;
      expect(await cachedAuthenticate(a.ctx, unknown)).toBeUndefined();
      const afterFirst = a.statements();
      expect(await cachedAuthenticate(a.ctx, unknown)).toBeUndefined();
      expect(a.statements()).toBeGreaterThan(afterFirst);
    } finally {
      close();
    }
  });

  it("checks revocations by the revoked tokens' index, not by reading every token", async () => {
    const { a, close } = await twoReplicas();
    try {
      const tenant = await createTenant(a.ctx, { name: "Acme" });
      const sent: { sql: string; args?: unknown }[] = [];
      const client = a.database.client;
      type Execute = (this: typeof client, ...args: unknown[]) => ReturnType<typeof client.execute>;
      const native = Object.getPrototypeOf(client).execute as Execute;
      client.execute = function (this: typeof client, ...args: unknown[]) {
        sent.push(args[0] as { sql: string; args?: unknown });
        return native.apply(this, args);
      } as typeof client.execute;
      const { reader } = a.database;
      if (reader) {
        const read = reader.execute.bind(reader);
        reader.execute = (statement, args) => {
          sent.push(statement as { sql: string; args?: unknown });
          return read(statement, args);
        };
      }
      await cachedAuthenticate(a.ctx, tenant.tokens.bookkeeper);
      const check = sent.find(
        (statement) => /revoked_at/.test(statement.sql) && /count\(/.test(statement.sql),
      );
      expect(check).toBeDefined();
      const plan = await client.execute({
        sql: `explain query plan ${check!.sql}`,
        args: check!.args as never,
      });
      const steps = plan.rows.map((row) => String(row.detail));
      expect(steps.join("\n")).toMatch(/USING COVERING INDEX api_tokens_revoked/);
    } finally {
      close();
    }
  });
});
