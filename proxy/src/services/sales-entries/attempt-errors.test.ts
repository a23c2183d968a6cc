import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { ExactApiError, errorFromResponse, noAnswerError } from "../../exact/errors";
import { backoffMs, defaultRetryPolicy, outcomeOfError } from "./attempt-errors";

const policy = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 5000,
  budgetSpentDelayMs: 60_000,
  unknownOutcomeDelayMs: 30_000,
};
const now = 1_000_000;
const response = (status: number, message?: string) =>
  errorFromResponse(
    status,
    message ? JSON.stringify({ error: { code: "", message: { lang: "", value: message } } }) : "",
    new Headers(),
    "/api/v1/1/salesentry/SalesEntries",
  );

describe("outcomeOfError", () => {
  it("fails a business refusal at once, keeping Exact's message, and never retries it", () => {
    const outcome = outcomeOfError(response(500, "Ongeldige referentie: Journals"), 1, now, policy);
    expect(outcome).toMatchObject({
      state: "failed",
      error: {
        message: "Exact Online refused it: Ongeldige referentie: Journals",
        details: { exactMessage: "Ongeldige referentie: Journals" },
      },
    });
  });

  it.each([
    ["a lost answer", noAnswerError("/api/v1/1/salesentry/SalesEntries", "No answer")],
    ["a 503", response(503)],
    ["a 500 without a business message", response(500, "Er is een onverwachte fout opgetreden.")],
    ["a 429 that outlived the client's retries", response(429)],
    ["something unexpected", new Error("SQLITE_BUSY")],
  ])("retries %s with backoff", (_case, error) => {
    expect(outcomeOfError(error, 2, now, policy)).toMatchObject({
      state: "queued",
      nextAttemptAt: now + 2000,
      countsAsAttempt: true,
    });
  });

  it.each([
    ["a 400", response(400, "Error processing request stream.")],
    ["a 403", response(403)],
  ])("fails %s at once: the same request will be refused again", (_case, error) => {
    expect(outcomeOfError(error, 1, now, policy).state).toBe("failed");
  });

  it("waits for a spent daily budget without counting the attempt", () => {
    const spent = new AppError(
      "rate_limited",
      "Exact Online's daily call limit for this division is reached.",
    );
    expect(outcomeOfError(spent, 3, now, policy)).toMatchObject({
      state: "queued",
      nextAttemptAt: now + 60_000,
      countsAsAttempt: false,
    });
  });

  it("waits long enough after an unanswered POST for Exact to have finished it before looking again", () => {
    const lost = noAnswerError("/api/v1/1/salesentry/SalesEntries", "No answer");
    expect(outcomeOfError(lost, 1, now, policy, "post")).toMatchObject({
      state: "queued",
      nextAttemptAt: now + 30_000,
    });
  });

  it("gives up after the last attempt, saying so", () => {
    const outcome = outcomeOfError(response(503), 4, now, policy);
    expect(outcome.state).toBe("failed");
    expect(outcome.state === "failed" && outcome.error.message).toMatch(/^Gave up after 4 attempts: /);
  });

  it("keeps ExactApiError facts for the bookkeeper", () => {
    const error = new ExactApiError("upstream", "x", {
      exactStatus: 403,
      reason: "BlockedCustomer",
      business: false,
      transient: false,
      endpoint: "/e",
    });
    expect(outcomeOfError(error, 1, now, policy)).toMatchObject({
      error: { details: { exactStatus: 403, reason: "BlockedCustomer" } },
    });
  });
});

describe("backoffMs", () => {
  it("doubles from the base and stops at the cap", () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, policy))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(backoffMs(30, defaultRetryPolicy)).toBe(defaultRetryPolicy.maxDelayMs);
  });
});
