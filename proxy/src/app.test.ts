import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { errorOf, jsonOf, problemPathsOf } from "./testing/http";
import { createTestApp } from "./testing/test-app";

async function appWithProbeRoutes() {
  const { app } = await createTestApp();
  app.openapi(
    createRoute({
      method: "post",
      path: "/probe/{id}",
      request: {
        params: z.object({ id: z.string().regex(/^\d+$/) }),
        body: {
          content: {
            "application/json": {
              schema: z.object({ name: z.string().min(1), lines: z.array(z.object({ amount: z.string() })) }),
            },
          },
        },
      },
      responses: { 200: { description: "ok" } },
    }),
    (c) => c.json({ ok: true }, 200),
  );
  app.get("/probe/crash", () => {
    throw new Error("database password is hunter2");
  });
  return app;
}

describe("health", () => {
  it("answers ok with the version and the database state", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: "test", db: "ok" });
  });

  it("reports the database as unavailable with a 503 when it is closed", async () => {
    const { app, database } = await createTestApp();
    database.close();
    const response = await app.request("/health");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, db: "unavailable" });
  });

  it("gives every response a request id, and keeps one the caller sent", async () => {
    const { app } = await createTestApp();
    expect((await app.request("/health")).headers.get("x-request-id")).toMatch(/.{8,}/);
    const echoed = await app.request("/health", { headers: { "X-Request-Id": "zapfloor-42" } });
    expect(echoed.headers.get("x-request-id")).toBe("zapfloor-42");
  });
});

describe("the error shape", () => {
  it("answers an unknown route with a not_found error", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/nope", { headers: { "X-Request-Id": "r-1" } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "No route for GET /nope.", requestId: "r-1" },
    });
  });

  it("lists every validation problem at once, with the path of each", async () => {
    const app = await appWithProbeRoutes();
    const response = await app.request("/probe/1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "", lines: [{ amount: 12 }] }),
    });
    expect(response.status).toBe(400);
    expect(await problemPathsOf(response.clone())).toEqual(["body.name", "body.lines[0].amount"]);
    expect((await errorOf(response)).code).toBe("validation");
  });

  it("validates path parameters before the body", async () => {
    const app = await appWithProbeRoutes();
    const response = await app.request("/probe/abc", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(await problemPathsOf(response)).toEqual(["path.id"]);
  });

  it("answers malformed JSON with a validation error", async () => {
    const app = await appWithProbeRoutes();
    const response = await app.request("/probe/1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("validation");
  });

  it("hides an uncaught error's text behind an internal error with the request id", async () => {
    const app = await appWithProbeRoutes();
    const response = await app.request("/probe/crash", { headers: { "X-Request-Id": "r-2" } });
    expect(response.status).toBe(500);
    const body = await jsonOf(response);
    expect(body.error).toMatchObject({ code: "internal", requestId: "r-2" });
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });
});

describe("the published contract", () => {
  it("serves an OpenAPI 3.1 document that lists the routes and the bearer scheme", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/openapi.json");
    expect(response.status).toBe(200);
    const document = await jsonOf<{
      openapi: string;
      paths: Record<string, unknown>;
      components: Record<string, Record<string, unknown>>;
    }>(response);
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/health", "/v1/exact/connect", "/v1/divisions/{division}/sync"]),
    );
    expect(document.components.securitySchemes).toHaveProperty("bearerAuth");
  });

  it("renders the docs page", async () => {
    const { app } = await createTestApp();
    const response = await app.request("/docs");
    expect(response.status).toBe(200);
    const start = /<script src="(\/docs\/assets\/start-[^"]+)"/.exec(await response.text())?.[1] ?? "";
    expect(await (await app.request(start)).text()).toContain("/openapi.json");
  });
});
