import { request as httpRequest } from "node:http";
import { seededRandom } from "@zapfloor-exact/shared/seeded-random";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type RunningServer } from "../server";
import { type BodyTemplate, generateHostileBodies, type HostileBody } from "../testing/hostile-bodies";
import { type LinkingFixture, startLinkingFixture } from "../testing/linking-fixture";

// 1,000 malformed or hostile bodies over real HTTP, spread over every endpoint that takes a body: each gets a
// 4xx in the API's error shape, the database is byte for byte what it was, and Exact is never called.

const BODIES = 1_000;
const IN_FLIGHT = 8;

let fixture: LinkingFixture;
let server: RunningServer;

beforeAll(async () => {
  fixture = await startLinkingFixture({
    accounts: [
      { Name: "Acme NV", Status: "C", VATNumber: "BE0407186105" },
      { Name: "Gamma Prospect", Status: "P", VATNumber: "BE1000000120" },
    ],
    customers: {
      "1001": { name: "Acme", vatNumber: "BE0407186105", country: "BE" },
      "7007": { name: "Gamma", vatNumber: "BE1000000120", country: "BE" },
    },
  });
  server = await listen(fixture.harness.app, 0, "127.0.0.1");
});

afterAll(async () => {
  await server?.close();
  await fixture?.close();
});

/** Every row of every table, as text: the database's whole state. */
async function databaseState(): Promise<string> {
  const { client } = fixture.harness.database;
  const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    const rows = await client.execute(`SELECT * FROM "${String(name)}" ORDER BY rowid`);
    dump[String(name)] = rows.rows.map((row) => Object.fromEntries(Object.entries(row)));
  }
  return JSON.stringify(dump, (_, value) => (typeof value === "bigint" ? value.toString() : value));
}

describe("hostile bodies", () => {
  it(`refuses ${BODIES.toLocaleString("en-GB")} of them with a 4xx in the error shape and changes nothing`, async () => {
    const { division, ids, tenant } = fixture;
    const accountPath = `/v1/divisions/${division}/accounts/${ids[1]}`;
    const targets: { method: string; path: string; token: string; template: BodyTemplate }[] = [
      {
        method: "PUT",
        path: "/v1/customers/1001",
        token: tenant.tokens.integration,
        template: {
          body: {
            name: "Acme",
            vatNumber: "BE0407186105",
            companyNumber: "0407186105",
            email: "billing@acme.test",
            country: "BE",
            address: { line1: "Veldstraat 1", postcode: "9000", city: "Gent" },
          },
          fields: {
            name: "text",
            vatNumber: "vat",
            companyNumber: "vat",
            email: "email",
            country: "country",
            "address.line1": "text",
            "address.postcode": "vat",
            "address.city": "text",
          },
        },
      },
      {
        method: "POST",
        path: `/v1/divisions/${division}/customers/1001/match`,
        token: tenant.tokens.integration,
        template: { body: { create: true }, fields: { create: "boolean" } },
      },
      {
        method: "PUT",
        path: `/v1/divisions/${division}/accounts/${ids[0]}/link`,
        token: tenant.tokens.bookkeeper,
        template: { body: { customerNumber: "1001" }, fields: { customerNumber: "customerNumber" } },
      },
      {
        method: "POST",
        path: `${accountPath}/promote-and-link`,
        token: tenant.tokens.bookkeeper,
        template: { body: { customerNumber: "7007" }, fields: { customerNumber: "customerNumber" } },
      },
      {
        method: "POST",
        path: `/v1/divisions/${division}/accounts/accept-suggestions`,
        token: tenant.tokens.bookkeeper,
        template: { body: { dryRun: false }, fields: { dryRun: "boolean" } },
      },
    ];
    const random = seededRandom(20_261_125);
    const requests = targets.flatMap((target) =>
      generateHostileBodies(target.template, BODIES / targets.length, random).map((body) => ({
        ...target,
        body,
      })),
    );
    expect(requests).toHaveLength(BODIES);

    // Every token has been used once already, so that recording its use cannot count as a change.
    for (const token of [tenant.tokens.integration, tenant.tokens.bookkeeper]) {
      await fetch(`${server.url}/v1/customers?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    }
    const before = await databaseState();
    fixture.harness.sim.control.resetCalls();

    const answers: { status: number; body: unknown; category: string; path: string }[] = [];
    const send = async (request: (typeof requests)[number] & { body: HostileBody }) => {
      const response = await send1(
        `${server.url}${request.path}`,
        request.method,
        request.token,
        request.body,
      );
      let body: unknown = response.text;
      try {
        body = JSON.parse(response.text);
      } catch {}
      answers.push({ status: response.status, body, category: request.body.category, path: request.path });
    };
    for (let start = 0; start < requests.length; start += IN_FLIGHT) {
      await Promise.all(requests.slice(start, start + IN_FLIGHT).map(send));
    }

    const wrong = answers.filter(
      (answer) =>
        answer.status < 400 ||
        answer.status >= 500 ||
        !isErrorShape(answer.body) ||
        !["validation", "not_found", "conflict", "too_large"].includes(
          (answer.body as { error: { code: string } }).error.code,
        ),
    );
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(new Set(answers.map((answer) => answer.category)).size).toBeGreaterThanOrEqual(9);
    expect(await databaseState()).toBe(before);
    expect(fixture.harness.sim.control.calls()).toEqual([]);
  });

  it("refuses a hostile customer number in the path with a valid body", async () => {
    const before = await databaseState();
    for (const number of [
      "1' OR '1'='1",
      "<script>",
      "1001; DROP TABLE links",
      "\u202e1001",
      "x".repeat(65),
    ]) {
      const response = await fetch(`${server.url}/v1/customers/${encodeURIComponent(number)}`, {
        method: "PUT",
        headers: {
          authorization: `Bearer ${fixture.tenant.tokens.integration}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ name: "Acme" }),
      });
      expect(response.status).toBe(400);
    }
    expect(await databaseState()).toBe(before);
  });
});

/**
 * One request on its own connection: the server may close a connection whose oversized body it refused, and
 * that must not take a neighbouring request down with it.
 */
function send1(
  url: string,
  method: string,
  token: string,
  body: HostileBody,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method,
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": body.contentType,
          "content-length": Buffer.byteLength(body.text),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        response.on("error", reject);
      },
    );
    // The server may answer and close before it has read an oversized body; the answer is what counts.
    request.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    request.end(body.text);
  });
}

function isErrorShape(body: unknown): boolean {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof error.code === "string" &&
    typeof error.message === "string" &&
    typeof error.requestId === "string"
  );
}
