import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type RunningServer } from "../server";
import { createTestApp } from "../testing/test-app";

let server: RunningServer;
let closeDb: () => void;

beforeAll(async () => {
  const test = await createTestApp();
  closeDb = () => test.database.close();
  server = await listen(test.app, 0, "127.0.0.1");
});

afterAll(async () => {
  await server?.close();
  closeDb?.();
});

interface Upload {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  bytesSent: number;
}

/**
 * Streams up to `totalBytes` as a chunked body, as fast as the socket takes it, and stops as soon as an answer
 * arrives or the server closes the connection.
 */
function upload(path: string, totalBytes: number, method = "POST"): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    let bytesSent = 0;
    let answered = false;
    const req = httpRequest(`${server.url}${path}`, {
      method,
      agent: false,
      headers: { "content-type": "application/json" },
    });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => {
        body += part;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers, bytesSent }));
      res.on("error", reject);
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && bytesSent < totalBytes) {
        bytesSent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("body limits", () => {
  it("answers a huge unauthenticated webhook body with 413 in the error shape, without reading the rest", async () => {
    const answer = await upload("/webhooks/exact", 64 * 1024 * 1024);
    expect(answer.status).toBe(413);
    const { error } = JSON.parse(answer.body);
    expect(error).toMatchObject({ code: "too_large", reason: "body_too_large", params: { kb: "8" } });
    expect(error.requestId).toEqual(expect.any(String));
    expect(answer.headers.connection).toBe("close");
    // The answer came long before the 64 MB were sent: the proxy stopped reading at its 8 KB limit.
    expect(answer.bytesSent).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading any of it", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/webhooks/exact`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(300 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (part) => {
          body += part;
        });
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on("error", reject);
      req.write("{");
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("too_large");
  });

  it.each([
    ["PUT", "/v1/customers/1001", 16 * 1024],
    ["PUT", "/v1/divisions/1234567/settings", 16 * 1024],
    ["POST", "/v1/divisions/1234567/accounts/accept-suggestions", 128 * 1024],
    ["PUT", "/v1/divisions/1234567/sales-entries/F1", 1024 * 1024],
    ["PUT", "/v1/divisions/1234567/accounts/8f0e2a5c-0000-4000-8000-000000000001/link", 32 * 1024],
  ])("limits %s %s to %i bytes", async (method, path, limit) => {
    const over = await upload(path, limit + 64 * 1024, method);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body).error.details).toEqual({ maxBytes: limit });
    // Under the limit the body reaches the route, which asks for a token.
    const under = await upload(path, limit - 64 * 1024, method);
    expect(under.status).toBe(401);
  });

  it("lets a sales entry of 500 lines, every character escaped, reach the route", async () => {
    const line = { description: "\\u00e9".repeat(255), amount: "100.00", vatCode: "21", glAccount: "7000" };
    const lines = Array.from({ length: 500 }, () => line);
    const body = JSON.stringify({ invoiceDate: "2026-11-25", customerNumber: "1001", lines });
    expect(body.length).toBeGreaterThan(500 * 1024);
    const response = await fetch(`${server.url}/v1/divisions/1234567/sales-entries/F1`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(401);
  });
});
