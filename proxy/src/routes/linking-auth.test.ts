import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreatedTenant } from "../services/tenants/create-tenant";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf } from "../testing/http";
import { type LinkingFixture, startLinkingFixture } from "../testing/linking-fixture";

// Every linking endpoint, the same three doors: no token is 401, the other role is 403, another tenant's
// division is 404 — each in the one error shape.

let fixture: LinkingFixture;
let other: CreatedTenant;

beforeAll(async () => {
  fixture = await startLinkingFixture({
    accounts: [{ Name: "Acme NV", Status: "C", VATNumber: "BE0407186105" }],
    customers: { "1001": { name: "Acme", vatNumber: "BE0407186105" } },
  });
  other = await createTenant(fixture.harness.deps, { name: "Other operator" });
});
afterAll(async () => fixture?.close());

type Role = "integration" | "bookkeeper" | "any";
const endpoints = (division: number, exactId: string): [string, string, Role, unknown?][] => [
  ["PUT", "/v1/customers/1001", "integration", { name: "Acme" }],
  ["GET", `/v1/customers?division=${division}`, "any"],
  ["POST", `/v1/divisions/${division}/customers/1001/match`, "integration", { create: false }],
  ["GET", `/v1/divisions/${division}/accounts`, "any"],
  ["GET", `/v1/divisions/${division}/accounts/${exactId}`, "any"],
  ["PUT", `/v1/divisions/${division}/accounts/${exactId}/link`, "bookkeeper", { customerNumber: "1001" }],
  ["DELETE", `/v1/divisions/${division}/accounts/${exactId}/link`, "bookkeeper"],
  [
    "POST",
    `/v1/divisions/${division}/accounts/${exactId}/promote-and-link`,
    "bookkeeper",
    { customerNumber: "1001" },
  ],
  ["POST", `/v1/divisions/${division}/accounts/accept-suggestions`, "bookkeeper", { dryRun: true }],
  ["GET", `/v1/divisions/${division}/link-events`, "any"],
];

describe("who may call the linking endpoints", () => {
  it("answers 401 without a token and with a revoked-looking one", async () => {
    for (const [method, path, , body] of endpoints(fixture.division, fixture.ids[0]!)) {
      for (const token of ["", "zfx_not_a_real_token"]) {
        const response = await fixture.call(token, method, path, body);
        expect([method, path, response.status]).toEqual([method, path, 401]);
        expect(await errorOf(response)).toMatchObject({
          code: "unauthorized",
          reason: token === "" ? "token_missing" : "token_invalid",
        });
      }
    }
  });

  it("answers 403 to the other role", async () => {
    const { tokens } = fixture.tenant;
    for (const [method, path, role, body] of endpoints(fixture.division, fixture.ids[0]!)) {
      if (role === "any") continue;
      const wrong = role === "integration" ? tokens.bookkeeper : tokens.integration;
      const response = await fixture.call(wrong, method, path, body);
      expect([method, path, response.status]).toEqual([method, path, 403]);
      expect(await errorOf(response)).toMatchObject({
        code: "forbidden",
        reason: "token_wrong_role",
        params: { needed: role, role: role === "integration" ? "bookkeeper" : "integration" },
      });
    }
  });

  it("names both roles with the right article", async () => {
    const { tokens } = fixture.tenant;
    const asBookkeeper = await fixture.call(tokens.bookkeeper, "PUT", "/v1/customers/1001", { name: "Acme" });
    expect((await errorOf(asBookkeeper)).message).toBe(
      "This needs an integration token; this one is a bookkeeper token.",
    );
    const path = `/v1/divisions/${fixture.division}/accounts/${fixture.ids[0]!}/link`;
    const asIntegration = await fixture.call(tokens.integration, "DELETE", path);
    expect((await errorOf(asIntegration)).message).toBe(
      "This needs a bookkeeper token; this one is an integration token.",
    );
  });

  it("answers 404 for another tenant's division, and shows none of its data", async () => {
    for (const [method, path, role, body] of endpoints(fixture.division, fixture.ids[0]!)) {
      if (!path.includes(String(fixture.division))) continue;
      const token = role === "integration" ? other.tokens.integration : other.tokens.bookkeeper;
      const response = await fixture.call(token, method, path, body);
      expect([method, path, response.status]).toEqual([method, path, 404]);
      const error = await errorOf(response);
      expect(error.message).not.toContain("Acme");
    }
  });
});
