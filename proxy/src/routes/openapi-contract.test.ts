import { EVENT_TYPES, eventEnvelopeSchema } from "@zapfloor-exact/shared/schemas/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../services/tenants/create-tenant";
import { jsonOf } from "../testing/http";
import { createTestApp } from "../testing/test-app";

// The published contract is what integrators read: every operation says which token it needs, and every field
// they send says what it means and shows a realistic value. This walks the document the proxy serves.

type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  example?: unknown;
  examples?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { name: string; in: string; description?: string; example?: unknown; schema?: Schema };
type Operation = {
  "x-required-role"?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Webhook = Operation & {
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Webhook>>;
  components: { schemas: Record<string, Schema> };
};

const ROLE_SENTENCES: Record<string, string> = {
  integration: "Requires an integration token",
  bookkeeper: "Requires a bookkeeper token",
  any: "Requires an API token of either role",
  none: "Requires no API token",
};

let harness: Awaited<ReturnType<typeof createTestApp>>;
let document: Document;

beforeAll(async () => {
  harness = await createTestApp();
  document = await jsonOf<Document>(await harness.app.request("/openapi.json"));
});
afterAll(() => harness?.database.close());

function operations(): [string, string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => [method.toUpperCase(), path, operation] as const),
  ) as [string, string, Operation][];
}

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = document.components.schemas[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return target;
}

const hasExample = (schema: Schema) => schema.example !== undefined || (schema.examples?.length ?? 0) > 0;

/** Every property under `schema`, as `path` → its schema, through references, unions and arrays. */
function fieldsOf(schema: Schema, at: string, seen = new Set<Schema>()): [string, Schema][] {
  const resolved = resolve(schema);
  if (seen.has(resolved)) return [];
  seen.add(resolved);
  const nested = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])];
  if (resolved.items) nested.push(resolved.items);
  return [
    ...Object.entries(resolved.properties ?? {}).flatMap(([name, property]): [string, Schema][] => [
      [`${at}.${name}`, property],
      ...fieldsOf(property, `${at}.${name}`, seen),
    ]),
    ...nested.flatMap((inner) => fieldsOf(inner, at, seen)),
  ];
}

/**
 * A field documents itself when it, or the one schema it refers to, has a description and an example. A field made
 * of named fields (an object, a list of objects) shows its example through theirs.
 */
function undocumented(schema: Schema): string[] {
  const own = schema.$ref ? [schema, resolve(schema)] : [schema];
  const missing: string[] = [];
  if (!own.some((s) => s.description)) missing.push("description");
  if (!own.some(hasExample) && !own.some(hasNamedFields)) missing.push("example");
  return missing;
}

function hasNamedFields(schema: Schema): boolean {
  const resolved = resolve(schema);
  if (resolved.properties && Object.keys(resolved.properties).length > 0) return true;
  if (resolved.items) return hasNamedFields(resolved.items);
  return [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])].some(hasNamedFields);
}

describe("the published contract", () => {
  it("states the required role of every operation, in x-required-role and in its description", () => {
    const problems = operations().flatMap(([method, path, operation]) => {
      const role = operation["x-required-role"];
      if (!role || !(role in ROLE_SENTENCES)) return [`${method} ${path}: x-required-role is ${role}`];
      if (!operation.description?.startsWith(ROLE_SENTENCES[role]!))
        return [`${method} ${path}: the description does not say "${ROLE_SENTENCES[role]}"`];
      return [];
    });
    expect(problems).toEqual([]);
    expect(operations().length).toBeGreaterThan(15);
  });

  it("describes every request field and gives it an example", () => {
    const problems = operations().flatMap(([method, path, operation]) => {
      const parameters = (operation.parameters ?? []).flatMap((parameter) => {
        const missing = [
          ...(parameter.description || parameter.schema?.description ? [] : ["description"]),
          ...(parameter.example !== undefined || (parameter.schema && hasExample(parameter.schema))
            ? []
            : ["example"]),
        ];
        return missing.length
          ? [`${method} ${path} ${parameter.in} ${parameter.name}: no ${missing.join(", ")}`]
          : [];
      });
      const body = operation.requestBody?.content["application/json"]?.schema;
      const fields = body
        ? fieldsOf(body, "body").flatMap(([field, schema]) => {
            const missing = undocumented(schema);
            return missing.length ? [`${method} ${path} ${field}: no ${missing.join(", ")}`] : [];
          })
        : [];
      return [...parameters, ...fields];
    });
    expect(problems).toEqual([]);
  });

  it("lists every event under OpenAPI 3.1 webhooks, with the signature headers and an example of its payload", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.webhooks ?? {}).sort()).toEqual([...EVENT_TYPES].sort());
    const problems = EVENT_TYPES.flatMap((type) => {
      const post = document.webhooks?.[type]?.post;
      const headers = (post?.parameters ?? []).filter((p) => p.in === "header").map((p) => p.name);
      const content = post?.requestBody?.content["application/json"];
      const example = eventEnvelopeSchema(type).safeParse(content?.example);
      return [
        ...(["webhook-id", "webhook-timestamp", "webhook-signature"].every((name) => headers.includes(name))
          ? []
          : [`${type}: headers ${headers.join(", ")}`]),
        ...(content?.schema ? [] : [`${type}: no payload schema`]),
        ...(example.success ? [] : [`${type}: the example does not fit: ${example.error.message}`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it("enforces the role it publishes", async () => {
    const tenant = await createTenant(harness.deps, { name: "Contract check" });
    const tokenOf = { integration: tenant.tokens.integration, bookkeeper: tenant.tokens.bookkeeper };
    const problems: string[] = [];
    for (const [method, template, operation] of operations()) {
      const role = operation["x-required-role"];
      if (role === "none") continue;
      const path = template
        .replace("{division}", "1234567")
        .replace("{exactId}", "6c3b0d4e-0f5a-4c1b-9a3e-2d1f0b9c8a77")
        .replace("{number}", "1042")
        .replace("{invoiceNumber}", "2026-0153");
      const call = (token?: string) =>
        harness.app.request(path, {
          method,
          headers: {
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            "Content-Type": "application/json",
          },
          ...(method === "GET" || method === "DELETE" ? {} : { body: "{}" }),
        });
      const anonymous = await call();
      if (anonymous.status !== 401)
        problems.push(`${method} ${template} without a token: ${anonymous.status}`);
      if (role === "integration" || role === "bookkeeper") {
        const other = role === "integration" ? tokenOf.bookkeeper : tokenOf.integration;
        const wrong = await call(other);
        if (wrong.status !== 403) problems.push(`${method} ${template} with the other role: ${wrong.status}`);
      }
      if (role === "any") {
        for (const token of [tokenOf.integration, tokenOf.bookkeeper]) {
          const status = (await call(token)).status;
          if (status === 401 || status === 403)
            problems.push(`${method} ${template} refused a token: ${status}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
