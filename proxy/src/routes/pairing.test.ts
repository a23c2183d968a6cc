import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pairingCodes } from "../db/schema";
import { createPairingCode, PAIRING_CODE_TTL_MS } from "../services/pairing/create-pairing-code";
import { PAIRING_FAILURES_PER_MINUTE } from "../services/pairing/exchange-pairing-code";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf, jsonOf } from "../testing/http";
import { createManualClock } from "../testing/manual-clock";
import { createTestApp } from "../testing/test-app";

let harness: Awaited<ReturnType<typeof createTestApp>>;
const clock = createManualClock(Date.UTC(2026, 10, 25, 9, 0, 5));

beforeEach(async () => {
  clock.set(Date.UTC(2026, 10, 25, 9, 0, 5));
  harness = await createTestApp({ clock });
});
afterEach(() => harness.database.close());

const exchange = (code: string) =>
  harness.app.request("/v1/pairing/exchange", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code }),
  });

const divisionsWith = (token: string) =>
  harness.app.request("/v1/divisions", { headers: { Authorization: `Bearer ${token}` } });

describe("pairing the extension with a code", () => {
  it("gives a working bookkeeper token for the code's tenant, once", async () => {
    const tenant = await createTenant(harness.deps, { name: "Flexwerk" });
    const { code } = await createPairingCode(harness.deps, { tenantId: tenant.tenantId, label: "Anna" });
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const typed = ` ${code.toLowerCase().replace("-", " ")} `;
    const response = await exchange(typed);
    expect(response.status).toBe(200);
    const paired = await jsonOf<{ token: string; role: string; label: string; tenantName: string }>(response);
    expect(paired).toMatchObject({ role: "bookkeeper", label: "Anna", tenantName: "Flexwerk" });
    expect((await divisionsWith(paired.token)).status).toBe(200);
    const asBookkeeper = await harness.app.request("/v1/customers/1042", {
      method: "PUT",
      headers: { Authorization: `Bearer ${paired.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Acme" }),
    });
    expect(asBookkeeper.status).toBe(403);

    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect((await errorOf(again)).message).toBe(
      "This pairing code is not valid, was used already or has expired.",
    );
  });

  it("keeps only the code's hash", async () => {
    const tenant = await createTenant(harness.deps, { name: "Flexwerk" });
    const { code } = await createPairingCode(harness.deps, { tenantId: tenant.tenantId });
    const rows = await harness.deps.db.select().from(pairingCodes);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code.replace("-", ""));
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it("refuses an expired code", async () => {
    const tenant = await createTenant(harness.deps, { name: "Flexwerk" });
    const { code } = await createPairingCode(harness.deps, { tenantId: tenant.tenantId });
    clock.advance(PAIRING_CODE_TTL_MS);
    const response = await exchange(code);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "validation", reason: "pairing_code_invalid" });
  });

  it("bounds guessing: past the wrong codes a minute allows, even a right code waits for the next minute", async () => {
    const tenant = await createTenant(harness.deps, { name: "Flexwerk" });
    const { code } = await createPairingCode(harness.deps, { tenantId: tenant.tenantId });
    for (let i = 0; i < PAIRING_FAILURES_PER_MINUTE; i++) {
      expect((await exchange(`AAAA-AA${String.fromCharCode(65 + (i % 20))}A`)).status).toBe(400);
    }
    const limited = await exchange(code);
    expect(limited.status).toBe(429);
    const seconds = String(60 - ((clock.now() / 1000) % 60));
    expect(await errorOf(limited)).toMatchObject({
      code: "rate_limited",
      reason: "pairing_code_attempts",
      params: { seconds },
    });
    expect(limited.headers.get("retry-after")).toBe(seconds);

    clock.advance(60_000);
    expect((await exchange(code)).status).toBe(200);
  });

  it("refuses what cannot be a code", async () => {
    for (const typed of ["", "K7QM", "K7QM-3XP0", "<script>"]) {
      const response = await exchange(typed);
      expect([typed, response.status]).toEqual([typed, 400]);
    }
  });
});
