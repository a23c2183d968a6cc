import { describe, expect, it } from "vitest";
import { checkProxyUrl, originPermissionPattern } from "./proxy-url";

describe("checkProxyUrl", () => {
  it.each([
    ["https://link.example.com", "https://link.example.com", "https://link.example.com", true],
    ["  https://link.example.com/  ", "https://link.example.com", "https://link.example.com", true],
    ["https://example.com/exact-link//", "https://example.com/exact-link", "https://example.com", true],
    ["https://link.example.com:8443", "https://link.example.com:8443", "https://link.example.com:8443", true],
    ["http://localhost:8787", "http://localhost:8787", "http://localhost:8787", false],
    ["http://127.0.0.1:41234/", "http://127.0.0.1:41234", "http://127.0.0.1:41234", false],
  ])("accepts %s", (input, baseUrl, origin, needsPermissionRequest) => {
    expect(checkProxyUrl(input)).toEqual({ ok: true, baseUrl, origin, needsPermissionRequest });
  });

  it.each([
    ["", "empty"],
    ["link.example.com", "not_url"],
    ["http://link.example.com", "https_only"],
    ["ftp://localhost", "https_only"],
    ["http://[::1]:8787", "https_only"],
    ["https://link.example.com/?tenant=1", "base_url_only"],
    ["https://user:secret@link.example.com", "base_url_only"],
  ])("rejects %j", (input, problem) => {
    expect(checkProxyUrl(input)).toEqual({ ok: false, problem });
  });
});

it("asks for every path of the proxy's origin", () => {
  expect(originPermissionPattern("https://link.example.com:8443")).toBe("https://link.example.com:8443/*");
});
