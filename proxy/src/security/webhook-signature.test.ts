import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "./webhook-signature";

const fixtures = new URL("../../../test/fixtures/exact/synthetic/", import.meta.url);
const body = readFileSync(new URL("webhook-accounts-update-signed.json", fixtures), "utf8").trim();
const vector = JSON.parse(
  readFileSync(new URL("webhook-accounts-update-signed.vector.json", fixtures), "utf8"),
);
const secret: string = vector.secret;

describe("verifyWebhookSignature", () => {
  it("accepts the signed fixture with its secret", () => {
    expect(verifyWebhookSignature(body, secret)).toBe(true);
  });

  it("refuses the right body with another secret", () => {
    expect(verifyWebhookSignature(body, "another-secret")).toBe(false);
  });

  it("refuses a body whose content was changed after signing", () => {
    expect(verifyWebhookSignature(body.replace('"Update"', '"Delete"'), secret)).toBe(false);
  });

  it("refuses a lower-case signature, as Exact does not send one", () => {
    const lower = body.replace(
      /"HashCode":"([0-9A-F]+)"/,
      (_m, hex: string) => `"HashCode":"${hex.toLowerCase()}"`,
    );
    expect(verifyWebhookSignature(lower, secret)).toBe(false);
  });

  it.each([
    ["an empty body", ""],
    ["a body without a signature", '{"Content":{"Topic":"Accounts"}}'],
    ["a signature that is too short", '{"Content":{},"HashCode":"ABC"}'],
    ["something that is not JSON", "Content=1&HashCode=2"],
  ])("refuses %s", (_case, raw) => {
    expect(verifyWebhookSignature(raw, secret)).toBe(false);
  });
});
