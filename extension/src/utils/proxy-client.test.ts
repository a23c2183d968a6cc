import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkProxyHealth, createProxyClient, type ProxySettings } from "./proxy-client";

function answering(status: number, body: unknown): typeof fetch {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return vi.fn(async () => new Response(text, { status, headers: { "Content-Type": "application/json" } }));
}

const allowed = async () => true;

describe("proxy health", () => {
  it("is healthy when /health answers ok", async () => {
    const fetch = answering(200, { ok: true, version: "0.1.0", db: "ok" });
    const health = await createProxyClient("http://127.0.0.1:8787", "", { fetch, timeoutMs: 1000 }).health();
    expect(health).toEqual({ state: "healthy", version: "0.1.0" });
    expect(fetch).toHaveBeenCalledWith("http://127.0.0.1:8787/health", expect.anything());
  });

  it("sends the token as a Bearer token", async () => {
    const fetch = answering(200, { ok: true, version: "0.1.0", db: "ok" });
    await createProxyClient("https://link.example.com/base", "secret-token", {
      fetch,
      timeoutMs: 1000,
    }).health();
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe("https://link.example.com/base/health");
    expect(init?.headers).toMatchObject({ Authorization: "Bearer secret-token" });
  });

  it("is unhealthy when the database does not answer", async () => {
    const fetch = answering(503, { ok: false, version: "0.1.0", db: "unavailable" });
    const health = await createProxyClient("http://localhost:1", "", { fetch, timeoutMs: 1000 }).health();
    expect(health).toEqual({ state: "unhealthy", httpStatus: 503, detail: "database unavailable" });
  });

  it("shows the message of the proxy's error envelope", async () => {
    const fetch = answering(500, {
      error: { code: "internal", message: "Boom", details: null, requestId: "r1" },
    });
    const health = await createProxyClient("http://localhost:1", "", { fetch, timeoutMs: 1000 }).health();
    expect(health).toEqual({ state: "unhealthy", httpStatus: 500, detail: "Boom" });
  });

  it("is unhealthy when something else answers", async () => {
    const fetch = answering(200, "<html>router login</html>");
    const health = await createProxyClient("http://localhost:1", "", { fetch, timeoutMs: 1000 }).health();
    expect(health).toEqual({
      state: "unhealthy",
      httpStatus: 200,
      detail: "the answer is not the proxy's health report",
    });
  });

  it("is unreachable when the request fails", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    const health = await createProxyClient("http://localhost:1", "", { fetch, timeoutMs: 1000 }).health();
    expect(health).toEqual({ state: "unreachable", detail: "Failed to fetch" });
  });

  it("is unreachable when the proxy does not answer in time", async () => {
    const fetch = vi.fn(
      (_: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
    );
    const health = await createProxyClient("http://localhost:1", "", { fetch, timeoutMs: 1 }).health();
    expect(health).toEqual({ state: "unreachable", detail: "the proxy did not answer in time" });
  });
});

describe("checkProxyHealth", () => {
  let deps: { fetch: typeof fetch; timeoutMs: number };
  beforeEach(() => {
    deps = { fetch: answering(200, { ok: true, version: "0.1.0", db: "ok" }), timeoutMs: 1000 };
  });

  it("reports an empty URL as not configured, without calling anything", async () => {
    const settings: ProxySettings = { url: " ", token: "t" };
    expect(await checkProxyHealth(settings, allowed, deps)).toEqual({ state: "not_configured" });
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it("reports a missing host permission instead of a failed request", async () => {
    const settings: ProxySettings = { url: "https://link.example.com", token: "t" };
    const hasPermission = vi.fn(async () => false);
    expect(await checkProxyHealth(settings, hasPermission, deps)).toEqual({
      state: "permission_missing",
      origin: "https://link.example.com",
    });
    expect(hasPermission).toHaveBeenCalledWith("https://link.example.com");
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it("reports a URL the options page would refuse as unreachable", async () => {
    const settings: ProxySettings = { url: "http://link.example.com", token: "t" };
    expect(await checkProxyHealth(settings, allowed, deps)).toEqual({
      state: "unreachable",
      detail: "Use https (plain http is only allowed for localhost).",
    });
  });

  it("checks the configured proxy", async () => {
    const settings: ProxySettings = { url: "http://localhost:8787/", token: "" };
    expect(await checkProxyHealth(settings, allowed, deps)).toEqual({ state: "healthy", version: "0.1.0" });
    expect(deps.fetch).toHaveBeenCalledWith("http://localhost:8787/health", expect.anything());
  });
});
