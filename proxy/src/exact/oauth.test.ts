import { describe, expect, it } from "vitest";
import { classifyTokenError } from "./oauth";

describe("classifyTokenError: the token endpoint's refusals by cause", () => {
  it.each([
    ["invalid_client", "app_rejected", 401, { error: "invalid_client" }],
    [
      "unauthorized_client",
      "app_rejected",
      401,
      { error: "unauthorized_client", error_description: "Unknown client" },
    ],
    [
      "unauthorized_client for a reused refresh token",
      "old_refresh_token",
      401,
      { error: "unauthorized_client", error_description: "Old refresh token used." },
    ],
    ["invalid_grant", "reconsent_needed", 400, { error: "invalid_grant" }],
  ] as const)("%s is %s", (_, kind, status, body) => {
    expect(classifyTokenError(status, new Headers(), body).kind).toBe(kind);
  });
});
