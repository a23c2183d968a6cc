import { isProblemCode } from "@zapfloor-exact/shared/schemas/problem-codes";
import { describe, expect, it } from "vitest";
import { createTenant } from "../services/tenants/create-tenant";
import { errorOf, jsonOf } from "../testing/http";
import { createTestApp } from "../testing/test-app";

interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content?: Record<string, unknown> };
  "x-required-role"?: string;
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** A value each path parameter accepts, so that a request reaches the part under test. */
const GOOD: Record<string, string> = {
  division: "1234567",
  accountId: "0f7f4e12-1111-4a4a-9b9b-000000000001",
  customerNumber: "1001",
  invoiceNumber: "2026-0001",
  endpointId: "ep_abc",
  eventId: "evt_abc",
};

const withPath = (path: string, value: (name: string) => string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)));

/** Every problem of the refusal names its field and says what was wrong by a code a client can word. */
async function expectSaid(response: Response, where: string) {
  expect(response.status, where).toBe(400);
  const error = await errorOf(response);
  expect(error.reason, where).toBe("invalid_request");
  const problems = (
    error.details as { problems: { path: string; code?: string; params?: Record<string, string> }[] }
  ).problems;
  expect(problems.length, where).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(isProblemCode(problem.code ?? ""), `${where}: ${problem.path}`).toBe(true);
    expect(problem.params?.field, where).toBe(problem.path);
  }
  expect(error.params?.fields, where).toBe([...new Set(problems.map((problem) => problem.path))].join(", "));
}

async function setUp() {
  const { app, deps } = await createTestApp();
  return { app, tenant: await createTenant(deps, { name: "Shapes" }) };
}

describe("a request of the wrong shape, on every route", () => {
  it("is refused with the reason invalid_request, naming each field and what it expected", async () => {
    const { app, tenant } = await setUp();
    const doc = await jsonOf<Document>(await app.request("/openapi.json"));
    const tokenFor = (op: Operation) =>
      op["x-required-role"] === "integration" ? tenant.tokens.integration : tenant.tokens.bookkeeper;
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const headers = { authorization: `Bearer ${tokenFor(op)}` };
        const where = `${method.toUpperCase()} ${path}`;
        const pathParams = (op.parameters ?? []).filter((parameter) => parameter.in === "path");
        if (pathParams.length > 0) {
          const bad = withPath(path, () => "not valid!");
          await expectSaid(
            await app.request(bad, { method: method.toUpperCase(), headers }),
            `${where} (path)`,
          );
          checked++;
        }
        const good = withPath(path, (name) => GOOD[name] ?? "x");
        if (op.requestBody?.content?.["application/json"]) {
          const response = await app.request(good, {
            method: method.toUpperCase(),
            headers: { ...headers, "content-type": "application/json" },
            body: "[]",
          });
          await expectSaid(response, `${where} (body)`);
          checked++;
        }
        const limit = (op.parameters ?? []).find(
          (parameter) => parameter.in === "query" && parameter.name === "limit",
        );
        if (limit) {
          await expectSaid(await app.request(`${good}?limit=lots`, { headers }), `${where} (query)`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(25);
  });

  it("is published: the Error schema's reasons and the ValidationProblem's codes name them", async () => {
    const { app } = await createTestApp();
    type Enum = { enum: string[] };
    type Schemas = {
      Error: { properties: { error: { properties: { reason: Enum } } } };
      ValidationProblem: { properties: { code: Enum } };
    };
    const doc = await jsonOf<{ components: { schemas: Schemas } }>(await app.request("/openapi.json"));
    const { Error: error, ValidationProblem: problem } = doc.components.schemas;
    expect(error.properties.error.properties.reason.enum).toEqual(
      expect.arrayContaining([
        "invalid_request",
        "token_wrong_role",
        "webhook_url_refused",
        "event_not_found",
      ]),
    );
    expect(problem.properties.code.enum).toEqual(
      expect.arrayContaining(["field_missing", "field_wrong_type", "field_format", "field_unknown"]),
    );
  });

  it("words a missing field, a wrong type, a bound, a format and an unknown value by their codes", async () => {
    const { app, tenant } = await setUp();
    const response = await app.request("/v1/divisions/1234567/sales-entries/2026-0001", {
      method: "PUT",
      headers: { authorization: `Bearer ${tenant.tokens.integration}`, "content-type": "application/json" },
      body: JSON.stringify({
        type: "receipt",
        date: "2026-02-30",
        customer: { number: "1042", name: 42 },
        lines: [{ description: "Desk", amount: "12.505", vatRate: "21", revenueKey: "desks" }],
      }),
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    const problems = (error.details as { problems: { path: string; code: string; params: object }[] })
      .problems;
    expect(problems.map(({ path, code, params }) => ({ path, code, params }))).toEqual(
      expect.arrayContaining([
        {
          path: "body.type",
          code: "field_value",
          params: { field: "body.type", values: "invoice, credit_note" },
        },
        { path: "body.date", code: "field_format", params: { field: "body.date", format: "date" } },
        {
          path: "body.customer.name",
          code: "field_wrong_type",
          params: { field: "body.customer.name", expected: "text" },
        },
        {
          path: "body.lines[0].amount",
          code: "field_format",
          params: { field: "body.lines[0].amount", format: "amount" },
        },
        { path: "body.totalInclVat", code: "field_missing", params: { field: "body.totalInclVat" } },
      ]),
    );
    expect(error).toMatchObject({ code: "validation", reason: "invalid_request" });
  });

  it("names a body that is not JSON as the body", async () => {
    const { app, tenant } = await setUp();
    const response = await app.request("/v1/customers/1001", {
      method: "PUT",
      headers: { authorization: `Bearer ${tenant.tokens.integration}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ reason: "invalid_request", params: { fields: "body" } });
  });
});
