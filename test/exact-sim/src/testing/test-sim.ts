import { createManualClock } from "../clock/manual-clock";
import type { ExactSimulatorOptions } from "../options";
import { createExactSimulator, type ExactSimulator } from "../simulator";

/** 25 June 2026 12:00 UTC (14:00 in Amsterdam, summer time). */
export const TEST_START = Date.UTC(2026, 5, 25, 12, 0, 0);
export const ORIGIN = "http://exact.test";
export const DIVISION = 1001;

// biome-ignore lint/suspicious/noExplicitAny: response bodies in tests are read structurally.
export type Json = any;

/** A Response whose JSON body is typed loosely for assertions. */
export type TestResponse = Omit<Response, "json"> & { json(): Promise<Json> };

/** `app.request()` as a promise with a loosely typed JSON body. */
export async function request(sim: ExactSimulator, url: string, init?: RequestInit): Promise<TestResponse> {
  return (await sim.app.request(url, init)) as TestResponse;
}

/**
 * A small seeded simulator on a manual clock, with a token for every division and a JSON API helper. These tests
 * exercise the simulator's own error answers, so its client errors are expected ones.
 */
export function testSim(options: ExactSimulatorOptions = {}) {
  const clock = createManualClock(TEST_START);
  const sim = createExactSimulator({
    clock,
    expectClientErrors: true,
    seed: {
      seed: 7,
      divisions: [{ code: DIVISION, name: "Testkantoor B.V.", accounts: 150, country: "NL" }],
    },
    ...options,
  });
  const tokens = sim.control.issueTokens();
  const api = (
    path: string,
    init: RequestInit = {},
    accessToken = tokens.access_token,
  ): Promise<TestResponse> =>
    request(sim, `${ORIGIN}${path}`, {
      ...init,
      headers: {
        Accept: "application/json",
        Authorization: `Bearer ${accessToken}`,
        ...(init.body ? { "Content-Type": "application/json" } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const json = async <T = Json>(path: string, init?: RequestInit): Promise<T> => {
    const response = await api(path, init);
    if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const form = (path: string, fields: Record<string, string>): Promise<TestResponse> =>
    request(sim, `${ORIGIN}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  return { sim, clock, tokens, api, json, form };
}

/** Percent-encodes an OData query option value the way clients do. */
export const q = (value: string) => encodeURIComponent(value);
