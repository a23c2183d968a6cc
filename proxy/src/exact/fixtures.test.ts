import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { verifyWebhookSignature } from "../security/webhook-signature";
import { unwrapList, unwrapSingle } from "./client";
import { exactMessageOf } from "./errors";
import { classifyTokenError, tokenResponse } from "./oauth";
import { division, exactAccount, glAccount, journal, me, vatCode } from "./schemas";

/** Every recorded Exact payload in test/fixtures/exact goes through the schemas the client reads with. */
const root = fileURLToPath(new URL("../../../test/fixtures/exact/", import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8").replace(/^\uFEFF/, ""));

const schemaFor: [RegExp, z.ZodType][] = [
  [/current\/Me/, me],
  [/crm\/Accounts/, exactAccount],
  [/system\/Divisions/, division],
  [/financial\/GLAccounts/, glAccount],
  [/financial\/Journals/, journal],
  [/vat\/VATCodes/, vatCode],
];

function rowsOf(body: unknown): unknown[] {
  const text = JSON.stringify(body);
  const d = (body as { d: unknown }).d;
  const isList = Array.isArray(d) || Array.isArray((d as { results?: unknown }).results);
  return isList ? unwrapList(text, "fixture").rows : [unwrapSingle(text)];
}

/** Recorded exchanges: the Nango recordings (path → response) and the extracted and .NET SDK bodies. */
function recordedBodies(): [string, string, unknown][] {
  const found: [string, string, unknown][] = [];
  for (const file of readdirSync(join(root, "nango")).filter((f) => f.endsWith(".json"))) {
    const recording = read(`nango/${file}`) as { api: Record<string, Record<string, { response: unknown }>> };
    for (const [method, byPath] of Object.entries(recording.api)) {
      for (const [path, exchange] of Object.entries(byPath)) {
        if (typeof exchange.response === "object" && exchange.response) {
          found.push([`nango/${file} ${method.toUpperCase()} ${path}`, path, exchange.response]);
        }
      }
    }
  }
  const extracted: Record<string, string> = {
    "nango/extracted/current-me.json": "current/Me",
    "nango/extracted/crm-accounts-list-select.json": "crm/Accounts",
    "nango/extracted/crm-accounts-list-select-2.json": "crm/Accounts",
    "nango/extracted/crm-accounts-get-by-guid.json": "crm/Accounts",
    "nango/extracted/crm-accounts-get-after-post.json": "crm/Accounts",
    "nango/extracted/crm-accounts-post-response-no-prefer.json": "crm/Accounts",
    "nango/extracted/system-divisions.json": "system/Divisions",
    "nango/extracted/financial-journals.json": "financial/Journals",
    "nango/extracted/financial-glaccounts-page1-with-next.json": "financial/GLAccounts",
    "nango/extracted/vat-vatcodes.json": "vat/VATCodes",
    "dotnet-sdk/crm-accounts-list.json": "crm/Accounts",
    "dotnet-sdk/crm-accounts-single-object.json": "crm/Accounts",
    "dotnet-sdk/crm-accounts-list-2-deferred-bankaccounts.json": "crm/Accounts",
    "dotnet-sdk/crm-accounts-list-long-51.json": "crm/Accounts",
    "dotnet-sdk/financial-glaccounts-list-with-next.json": "financial/GLAccounts",
  };
  for (const [file, endpoint] of Object.entries(extracted)) found.push([file, endpoint, read(file)]);
  return found;
}

describe("recorded Exact payloads", () => {
  const withSchema = recordedBodies().flatMap(([name, path, body]) => {
    const schema = schemaFor.find(([pattern]) => pattern.test(path))?.[1];
    return schema ? [[name, schema, body] as const] : [];
  });

  it("include every entity the client reads", () => {
    expect(withSchema.length).toBeGreaterThanOrEqual(35);
  });

  it.each(withSchema)("%s parses through the client's schema", (_name, schema, body) => {
    const rows = rowsOf(body);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(schema.safeParse(row).error?.issues).toBeUndefined();
  });

  it("the sales invoice recordings (an endpoint the proxy does not call) still unwrap as OData envelopes", () => {
    const invoices = recordedBodies().filter(([, path]) => /SalesInvoices/.test(path));
    expect(invoices.length).toBeGreaterThan(0);
    for (const [, , body] of invoices)
      expect(rowsOf(body).every((row) => typeof row === "object")).toBe(true);
  });

  it("keep the next-page link of a paged listing", () => {
    const page = read("nango/extracted/financial-glaccounts-page1-with-next.json");
    expect(unwrapList(JSON.stringify(page), "GLAccounts").next).toContain("$skiptoken=guid'");
  });

  it("the token response, with expires_in as a string, parses", () => {
    expect(tokenResponse.parse(read("transcribed/oauth-token-response-shape.json")).expires_in).toBe(600);
  });

  it.each([
    ["transcribed/oauth-error-old-refresh-token.json", 401, "old_refresh_token"],
    ["transcribed/oauth-error-refresh-too-early.json", 400, "too_early"],
    ["transcribed/oauth-error-refresh-token-expired.json", 400, "reconsent_needed"],
  ])("%s is classified as %s", (file, status, kind) => {
    expect(classifyTokenError(status, new Headers(), read(file)).kind).toBe(kind);
  });

  it("the error envelope gives its message", () => {
    const text = readFileSync(join(root, "transcribed/error-envelope-delete-in-use.json"), "utf8");
    expect(exactMessageOf(text)).toBe("Can't delete: Account 58 - Used in: Administrations");
  });

  it("the signed webhook verifies with its test vector's secret", () => {
    const body = readFileSync(join(root, "synthetic/webhook-accounts-update-signed.json"), "utf8").trim();
    expect(
      verifyWebhookSignature(body, read("synthetic/webhook-accounts-update-signed.vector.json").secret),
    ).toBe(true);
  });
});
