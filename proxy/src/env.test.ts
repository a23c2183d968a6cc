import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";
import { salesEntryJobOptions } from "./jobs/outbox-worker";
import { matchOrCreateForPush } from "./services/matching/link-customer-for-push";

describe("parseEnv", () => {
  it("applies the documented defaults to an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 8787,
      DATABASE_URL: "file:./data/zapfloor-exact.db",
      SIM_PORT: 8788,
      SIM_MINUTELY_LIMIT: 60,
    });
    expect(env.EXACT_CLIENT_ID).toBeUndefined();
  });

  it("defaults the sales-entry worker to a 5 s poll, a 2 min lease and hourly paid-state checks", () => {
    expect(parseEnv({})).toMatchObject({
      OUTBOX_POLL_MS: 5000,
      OUTBOX_LEASE_MS: 120_000,
      PAID_CHECK_MINUTES: 60,
    });
    expect(parseEnv({ OUTBOX_POLL_MS: "50", OUTBOX_LEASE_MS: "1500" })).toMatchObject({
      OUTBOX_POLL_MS: 50,
      OUTBOX_LEASE_MS: 1500,
    });
  });

  it("paces push retries as documented unless told otherwise", () => {
    const retry = (source: Record<string, string>) =>
      salesEntryJobOptions(parseEnv(source), matchOrCreateForPush).outbox.retry;
    expect(retry({})).toMatchObject({ baseDelayMs: 30_000, unknownOutcomeDelayMs: 60_000, maxAttempts: 8 });
    expect(retry({ OUTBOX_RETRY_BASE_MS: "500", OUTBOX_UNKNOWN_OUTCOME_MS: "1000" })).toMatchObject({
      baseDelayMs: 500,
      unknownOutcomeDelayMs: 1000,
    });
  });

  it("treats an empty optional value as unset", () => {
    expect(parseEnv({ EXACT_CLIENT_ID: "", EXACT_CLIENT_SECRET: " " }).EXACT_CLIENT_ID).toBeUndefined();
  });

  it("strips a trailing slash from URLs", () => {
    expect(parseEnv({ PUBLIC_URL: "https://link.example.com/" }).PUBLIC_URL).toBe("https://link.example.com");
  });

  it.each([
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "70000" }],
    ["DATABASE_URL", { DATABASE_URL: "postgres://db/x" }],
    ["PUBLIC_URL", { PUBLIC_URL: "not a url" }],
    ["EXACT_BASE_URL", { EXACT_BASE_URL: "ftp://exact" }],
    ["SECRET_KEY", { SECRET_KEY: "short" }],
    ["LOG_LEVEL", { LOG_LEVEL: "loud" }],
    ["EXACT_SEARCH_CODE_MAX_LENGTH", { EXACT_SEARCH_CODE_MAX_LENGTH: "0" }],
    ["EXACT_FIELD_LIMITS", { EXACT_FIELD_LIMITS: "Account.Nmae=100" }],
    ["EXACT_FIELD_LIMITS", { EXACT_FIELD_LIMITS: "SalesEntry.Description=0" }],
    ["SIM_MINUTELY_LIMIT", { SIM_MINUTELY_LIMIT: "0" }],
    ["OUTBOX_POLL_MS", { OUTBOX_POLL_MS: "soon" }],
    ["OUTBOX_LEASE_MS", { OUTBOX_LEASE_MS: "50" }],
    ["OUTBOX_RETRY_BASE_MS", { OUTBOX_RETRY_BASE_MS: "later" }],
    ["PAID_CHECK_MINUTES", { PAID_CHECK_MINUTES: "0" }],
    ["EXACT_CLIENT_SECRET", { EXACT_CLIENT_ID: "abc" }],
    ["EXACT_CLIENT_ID", { EXACT_CLIENT_SECRET: "abc" }],
  ])("a bad %s stops start-up with one line naming it", (variable, source) => {
    let thrown: unknown;
    try {
      parseEnv(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    const message = (thrown as Error).message;
    expect(message).toContain(`${variable}:`);
    expect(message).not.toContain("\n");
  });

  it("accepts every libSQL URL form", () => {
    for (const url of [
      "file:/tmp/x.db",
      "libsql://db.turso.io",
      "http://127.0.0.1:8080",
      "wss://db",
      ":memory:",
    ]) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });
});
