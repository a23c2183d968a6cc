import { describe, expect, it } from "vitest";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf, problemPathsOf } from "../testing/http";
import { createTestApp } from "../testing/test-app";

const as = (token: string, init: RequestInit = {}) => ({
  ...init,
  headers: { authorization: `Bearer ${token}` },
});

describe("security headers", () => {
  it("mark every answer nosniff, JSON and errors alike", async () => {
    const { app } = await createTestApp();
    for (const response of [
      await app.request("/health"),
      await app.request("/openapi.json"),
      await app.request("/v1/divisions"),
      await app.request("/nowhere"),
    ]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });

  it("give HTML pages a policy that loads nothing from elsewhere and forbids framing", async () => {
    const { app } = await createTestApp();
    const page = await app.request("/exact/callback?state=x&error=access_denied");
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });

  it("add Strict-Transport-Security only behind an https PUBLIC_URL", async () => {
    const plain = await createTestApp();
    expect((await plain.app.request("/health")).headers.get("strict-transport-security")).toBeNull();
    const https = await createTestApp({ publicUrl: "https://link.example.com" });
    expect((await https.app.request("/health")).headers.get("strict-transport-security")).toMatch(/max-age=/);
  });
});

describe("the API reference at /docs", () => {
  it("is served from the proxy itself: every script is the proxy's, pinned by version, and nothing else loads", async () => {
    const { app } = await createTestApp();
    const page = await app.request("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(scripts).toHaveLength(2);
    for (const src of scripts) {
      expect(src).toMatch(/^\/docs\/assets\/[a-z-]+-\d+\.\d+\.\d+\.js$/);
      const asset = await app.request(src);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
      expect((await asset.text()).length).toBeGreaterThan(50);
    }
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe("a wrong method", () => {
  it("answers 405 with Allow, in the error shape, not 404", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/health", { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toContain("GET");
    expect((await errorOf(response)).code).toBe("method_not_allowed");
    const withParams = await app.request("/v1/divisions/1234567/sync", { method: "DELETE" });
    expect(withParams.status).toBe(405);
    expect(withParams.headers.get("allow")).toBe("GET, HEAD, POST");
  });

  it("still answers 404 for a path no route has", async () => {
    const { app } = await createTestApp();
    expect((await app.request("/v1/nothing-here", { method: "POST" })).status).toBe(404);
  });
});

describe("path parameters", () => {
  it("take a division only as plain decimal digits", async () => {
    const { app, deps } = await createTestApp();
    const tenant = await createTenant(deps, { name: "Strict" });
    for (const division of ["0x12D687", "1234567.0", "1e6", "+1234567", "01234567", "0", "2147483648"]) {
      const response = await app.request(`/v1/divisions/${division}/sync`, as(tenant.tokens.bookkeeper));
      expect(response.status, division).toBe(400);
      expect(await problemPathsOf(response)).toEqual(["path.division"]);
    }
    const query = await app.request("/v1/customers?division=0x12D687", as(tenant.tokens.integration));
    expect(query.status).toBe(400);
    expect(await problemPathsOf(query)).toEqual(["query.division"]);
  });
});
