import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSimulator, startExactSimulator } from "@zapfloor-exact/exact-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent } from "../services/events/record-event";
import { jsonRequest } from "../services/sales-entries/testing";
import { runCli } from "../testing/cli-process";
import { jsonOf } from "../testing/http";
import { TEST_SECRET_KEY } from "../testing/secret-keys";
import { createTestApp } from "../testing/test-app";

let simulator: RunningSimulator;
let dir: string;
let env: Record<string, string>;

/** Runs the CLI as its own process against this test's database and simulator. */
const cli = (args: string[], extraEnv: Record<string, string> = {}) => runCli(args, { ...env, ...extraEnv });

beforeAll(async () => {
  simulator = await startExactSimulator({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "cli-"));
  env = {
    DATABASE_URL: `file:${join(dir, "proxy.db")}`,
    SIM_PORT: new URL(simulator.url).port,
    SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: "warn",
  };
});
afterAll(async () => {
  await simulator.close();
  rmSync(dir, { recursive: true, force: true });
});

// A test here starts the CLI up to four times, each a new process taking 1-3 s to start on a busy machine.
describe("the operator CLI against the sandbox simulator", { timeout: 60_000 }, () => {
  let tenantId: string;
  let integrationToken: string;

  it("creates a tenant and prints only JSON with --json", async () => {
    const run = await cli(["tenant", "create", "Acme", "Spaces", "--json"]);
    expect(run.code).toBe(0);
    const created = JSON.parse(run.out);
    expect(created).toMatchObject({
      tenantId: expect.any(String),
      tokens: { integration: expect.stringMatching(/^zfx_/) },
    });
    tenantId = created.tenantId;
    integrationToken = created.tokens.integration;
  });

  it("prints a pairing code that trades for a bookkeeper token, once", async () => {
    const run = await cli(["token", "pair", tenantId, "--label", "Anna", "--json"]);
    expect(run.code).toBe(0);
    const { code } = JSON.parse(run.out) as { code: string; expiresAt: string };
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const { app, database } = await createTestApp({ databaseUrl: env.DATABASE_URL! });
    try {
      const exchange = () =>
        app.request("/v1/pairing/exchange", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ code }),
        });
      const first = await exchange();
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({
        role: "bookkeeper",
        label: "Anna",
        tenantName: "Acme Spaces",
      });
      expect((await exchange()).status).toBe(400);
    } finally {
      database.close();
    }
  });

  it("connects Exact Online without a person, lists the divisions and loads each one's accounts", async () => {
    const run = await cli(["exact", "connect", tenantId]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Connected "Acme Spaces"');
    expect(run.out).toContain("division 1234567");
    expect(run.err).toMatch(/Division 1234567 .*✔ full sync: 2\d\d accounts read/s);
    expect(run.err).toMatch(/Division 2345678 .*✔ full sync: 1\d\d accounts read/s);
    const status = await cli(["exact", "status", tenantId]);
    expect(status.out).not.toContain("last never");
  });

  it("syncs a division with progress on stderr and a summary", async () => {
    const run = await cli(["sync", tenantId, "1234567", "--full", "--json"]);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/Division 1234567 .*page 1/);
    expect(run.err).toContain("✔ full sync");
    expect(JSON.parse(run.out)).toMatchObject({ status: "completed", kind: "full" });
  });

  it("reports the go-live review of a division, as text with a chart and as CSV for the accountant", async () => {
    const { app, database } = await createTestApp({ databaseUrl: env.DATABASE_URL! });
    try {
      const stored = await app.request("/v1/customers/990001", {
        method: "PUT",
        headers: { Authorization: `Bearer ${integrationToken}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Nobody Like This, Studio", country: "NL" }),
      });
      expect(stored.status).toBe(201);
    } finally {
      database.close();
    }
    const text = await cli(["report", tenantId, "1234567"]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("Division 1234567: 1 zapfloor customers · auto-create on · auto-push on");
    expect(text.out).toMatch(/ {5}1 {2}█{30} {2}will create/);
    expect(text.out).toContain("990001  Nobody Like This, Studio  will create");

    const csv = await cli(["report", tenantId, "1234567", "--csv"]);
    expect(csv.code).toBe(0);
    const [header, line] = csv.out.split("\r\n");
    expect(header).toBe(
      "Customer number,Customer name,VAT number,Outcome,Exact account code,Exact account,Why",
    );
    expect(line).toMatch(/^990001,"Nobody Like This, Studio",,Will create,,,/);
  });

  it("shows the connection", async () => {
    const run = await cli(["exact", "status", tenantId]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("active on start.exactonline.nl (sandbox)");
  });

  it("prints the proxy's consent URL to open when a real Exact app is configured", async () => {
    const run = await cli(["exact", "connect", tenantId, "--host", "start.exactonline.be"], {
      EXACT_CLIENT_ID: "real-app",
      EXACT_CLIENT_SECRET: "s3cret",
      PUBLIC_URL: "https://link.example.com",
    });
    expect(run.code).toBe(0);
    // The proxy's own page: it binds the consent to the browser that opens it before going on to Exact.
    expect(run.out).toContain("https://link.example.com/exact/consent?state=");
    expect(run.out).toContain("https://link.example.com/exact/callback");
    expect(run.out).not.toContain("s3cret");
  });

  it("starts the consent in the language asked for, which the proxy's consent pages then speak", async () => {
    const realApp = {
      EXACT_CLIENT_ID: "real-app",
      EXACT_CLIENT_SECRET: "s3cret",
      PUBLIC_URL: "https://link.example.com",
    };
    const refused = await cli(["exact", "connect", tenantId, "--lang", "de"], realApp);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain("--lang de is not one of en, nl, fr.");

    const run = await cli(["exact", "connect", tenantId, "--lang", "fr"], realApp);
    expect(run.code).toBe(0);
    const consentUrl = new URL(run.out.match(/https:\/\/link\.example\.com\/exact\/consent\?\S+/)![0]);
    const proxy = await createTestApp({
      databaseUrl: env.DATABASE_URL,
      exact: { secretKey: Buffer.from(TEST_SECRET_KEY, "base64") },
    });
    try {
      const path = `${consentUrl.pathname}${consentUrl.search}`;
      expect((await proxy.app.request(path)).status).toBe(302);
      // Opened again, in a browser that prefers Dutch: refused, in the French the consent was started with.
      const again = await proxy.app.request(path, { headers: { "accept-language": "nl-BE,nl" } });
      expect(again.status).toBe(400);
      const page = await again.text();
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain("Cette autorisation Exact Online a déjà été utilisée ou a expiré.");
    } finally {
      proxy.database.close();
    }
  });

  it("tails a tenant's events with where their deliveries stand, and queues one again", async () => {
    const proxy = await createTestApp({
      databaseUrl: env.DATABASE_URL,
      exact: { secretKey: Buffer.from(TEST_SECRET_KEY, "base64") },
    });
    let endpointId: string;
    let eventId: string;
    try {
      const created = await proxy.app.request(
        "/v1/webhook-endpoints",
        jsonRequest("POST", integrationToken, { url: "http://127.0.0.1:9/hooks" }),
      );
      endpointId = (await jsonOf<{ id: string }>(created)).id;
      eventId = await proxy.deps.db.transaction((tx) =>
        recordEvent(tx, {
          tenantId,
          division: 1234567,
          type: "link.created",
          resourceKey: "customer:1042",
          at: proxy.deps.clock.now(),
          data: { customerNumber: "1042" },
        }),
      );
    } finally {
      proxy.database.close();
    }

    const tail = await cli(["events", "tail", tenantId]);
    expect(tail.code).toBe(0);
    expect(tail.out.trim().split("\n").at(-1)).toMatch(
      new RegExp(`  ${eventId}  link\\.created +customer 1042  → ${endpointId} pending$`),
    );
    const again = await cli(["events", "redeliver", eventId]);
    expect([again.code, again.err]).toEqual([
      0,
      expect.stringContaining(`Queued ${eventId} for 1 endpoint;`),
    ]);
    const unknown = await cli(["events", "redeliver", "evt_unknown"]);
    expect([unknown.code, unknown.err]).toEqual([
      1,
      expect.stringContaining("Event evt_unknown was not found. (event_not_found, event=evt_unknown)"),
    ]);
    const nowhere = await cli(["events", "redeliver", eventId, "--endpoint", "ep_gone"]);
    expect([nowhere.code, nowhere.err]).toEqual([
      1,
      expect.stringContaining(
        "Webhook endpoint ep_gone was not found. (webhook_endpoint_not_found, endpoint=ep_gone)",
      ),
    ]);
  });

  it("says a token it cannot revoke by its reason and id, with exit code 1", async () => {
    const run = await cli(["token", "revoke", tenantId, "tok_unknown"]);
    expect([run.code, run.err.trim()]).toEqual([
      1,
      "Active token tok_unknown was not found. (token_not_found, token=tok_unknown)",
    ]);
  });

  it("explains a usage mistake with exit code 2", async () => {
    const run = await cli(["sync", tenantId]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("sync needs a tenant id and a division number.");
  });
});
