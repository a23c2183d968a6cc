import { describe, expect, it } from "vitest";
import { readFixture } from "../seed/fixtures-dir";
import { DIVISION, ORIGIN, testSim } from "../testing/test-sim";

const CLIENT = { client_id: "sandbox-client-id", client_secret: "sandbox-client-secret" };
const REDIRECT = "https://proxy.test/exact/callback";

async function authorize(env: ReturnType<typeof testSim>, state = "st-1") {
  const url = `${ORIGIN}/api/oauth2/auth?client_id=sandbox-client-id&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code&state=${state}`;
  return env.sim.app.request(url);
}

async function codeFromRedirect(response: Response): Promise<string> {
  const location = response.headers.get("Location")!;
  return new URL(location).searchParams.get("code")!;
}

async function connect(env: ReturnType<typeof testSim>) {
  const code = await codeFromRedirect(await authorize(env));
  const response = await env.form("/api/oauth2/token", {
    ...CLIENT,
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT,
  });
  return (await response.json()) as {
    access_token: string;
    refresh_token: string;
    expires_in: string;
    token_type: string;
  };
}

const refresh = (env: ReturnType<typeof testSim>, refreshToken: string) =>
  env.form("/api/oauth2/token", { ...CLIENT, grant_type: "refresh_token", refresh_token: refreshToken });

describe("OAuth authorize", () => {
  it("auto-consents with a redirect carrying an URL-encoded code containing '!' and the state", async () => {
    const env = testSim();
    const response = await authorize(env, "xyz");
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location.startsWith(`${REDIRECT}?code=`)).toBe(true);
    expect(location).toContain("%21");
    expect(new URL(location).searchParams.get("state")).toBe("xyz");
    expect(await codeFromRedirect(response)).toContain("!");
  });

  it("rejects an unknown client and a redirect URI outside the registration", async () => {
    const env = testSim({
      apps: [{ clientId: "app", clientSecret: "s", redirectUris: ["https://ok.test/cb"] }],
    });
    const unknown = await env.sim.app.request(
      `${ORIGIN}/api/oauth2/auth?client_id=nope&redirect_uri=https://ok.test/cb&response_type=code`,
    );
    expect(unknown.status).toBe(400);
    const wrongRedirect = await env.sim.app.request(
      `${ORIGIN}/api/oauth2/auth?client_id=app&redirect_uri=https://evil.test/cb&response_type=code`,
    );
    expect(wrongRedirect.status).toBe(400);
  });

  it("shows a consent page with division checkboxes and grants only the ticked divisions", async () => {
    const env = testSim({
      seed: {
        seed: 1,
        divisions: [
          { code: DIVISION, name: "A", accounts: 3 },
          { code: 1002, name: "B", accounts: 3 },
        ],
      },
    });
    env.sim.control.setConsent({ mode: "page" });
    const page = await authorize(env);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`value="${DIVISION}"`);
    const submitted = await env.sim.app.request(`${ORIGIN}/api/oauth2/consent`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: "sandbox-client-id",
        redirect_uri: REDIRECT,
        response_type: "code",
        state: "s",
        division: "1002",
        decision: "allow",
      }).toString(),
    });
    const code = await codeFromRedirect(submitted);
    const tokens = await (
      await env.form("/api/oauth2/token", {
        ...CLIENT,
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT,
      })
    ).json();
    const divisions = await env.api("/api/v1/1002/system/Divisions", {}, tokens.access_token);
    expect((await divisions.json()).d.results.map((d: { Code: number }) => d.Code)).toEqual([1002]);
    const other = await env.api(`/api/v1/${DIVISION}/crm/Accounts?$top=1`, {}, tokens.access_token);
    expect(other.status).toBe(403);
    expect(other.headers.get("Reason")).toBe("NoDivisionAccess");
  });

  it("redirects with error=access_denied when consent is refused", async () => {
    const env = testSim({ consent: { mode: "deny" } });
    const location = (await authorize(env, "s9")).headers.get("Location")!;
    expect(new URL(location).searchParams.get("error")).toBe("access_denied");
    expect(new URL(location).searchParams.get("state")).toBe("s9");
  });
});

describe("OAuth token endpoint", () => {
  it('exchanges a code once for a token pair with expires_in as the string "600"', async () => {
    const env = testSim();
    const code = await codeFromRedirect(await authorize(env));
    const first = await env.form("/api/oauth2/token", {
      ...CLIENT,
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
    });
    expect(first.status).toBe(200);
    const body = await first.json();
    const shape = readFixture<Record<string, unknown>>("transcribed/oauth-token-response-shape.json");
    expect(Object.keys(body).sort()).toEqual(Object.keys(shape).sort());
    expect(body.expires_in).toBe("600");
    expect(body.token_type).toBe("Bearer");
    const again = await env.form("/api/oauth2/token", {
      ...CLIENT,
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
    });
    expect(again.status).toBe(400);
    expect((await again.json()).error).toBe("invalid_grant");
  });

  it("lets an authorization code expire after 3 minutes", async () => {
    const env = testSim();
    const code = await codeFromRedirect(await authorize(env));
    env.clock.advance(181_000);
    const response = await env.form("/api/oauth2/token", {
      ...CLIENT,
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
    });
    expect(response.status).toBe(400);
  });

  it("refuses a refresh before 570 s with TooEarlyToRefreshTokens, exactly as transcribed", async () => {
    const env = testSim();
    const tokens = await connect(env);
    env.clock.advance(569_000);
    const response = await refresh(env, tokens.refresh_token);
    expect(response.status).toBe(400);
    expect(response.headers.get("Reason")).toBe("TooEarlyToRefreshTokens");
    expect(await response.json()).toEqual(readFixture("transcribed/oauth-error-refresh-too-early.json"));
  });

  it("rotates the refresh token: the old one then answers 401 'Old refresh token used.'", async () => {
    const env = testSim();
    const tokens = await connect(env);
    env.clock.advance(575_000);
    const first = await refresh(env, tokens.refresh_token);
    expect(first.status).toBe(200);
    const next = await first.json();
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    const reused = await refresh(env, tokens.refresh_token);
    expect(reused.status).toBe(401);
    expect(await reused.json()).toEqual(readFixture("transcribed/oauth-error-old-refresh-token.json"));
  });

  it("lets exactly one of two concurrent refreshes win", async () => {
    const env = testSim();
    const tokens = await connect(env);
    env.clock.advance(600_000);
    const results = await Promise.all([
      refresh(env, tokens.refresh_token),
      refresh(env, tokens.refresh_token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(env.sim.calls.count({ endpoint: "oauth2/token", grantType: "refresh_token" })).toBe(2);
  });

  it("optionally keeps a rotated refresh token usable until its successor is used", async () => {
    const env = testSim({ tokens: { oldRefreshTokenValidUntilNewUsed: true } });
    const tokens = await connect(env);
    env.clock.advance(600_000);
    const second = await (await refresh(env, tokens.refresh_token)).json();
    env.clock.advance(600_000);
    expect((await refresh(env, tokens.refresh_token)).status).toBe(200);
    env.clock.advance(600_000);
    // The successor handed out first was orphaned when its predecessor was used again.
    expect((await refresh(env, second.refresh_token)).status).toBe(401);
  });

  it("expires an unused refresh token after 30 days with Exact's message", async () => {
    const env = testSim();
    const tokens = await connect(env);
    env.clock.advance(30 * 86_400_000 + 1000);
    const response = await refresh(env, tokens.refresh_token);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toMatch(
      /^The refresh token expired at \d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M and it is now .+\.$/,
    );
    const transcribed = readFixture<Record<string, string>>(
      "transcribed/oauth-error-refresh-token-expired.json",
    );
    expect(Object.keys(body)).toEqual(Object.keys(transcribed));
  });

  it("rejects wrong client credentials", async () => {
    const env = testSim();
    const response = await env.form("/api/oauth2/token", {
      client_id: "sandbox-client-id",
      client_secret: "wrong",
      grant_type: "refresh_token",
      refresh_token: "x",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_client");
  });

  it("answers 401 on a data call once the 600 s access token expired, and 200 after a refresh", async () => {
    const env = testSim();
    const tokens = await connect(env);
    const path = `/api/v1/${DIVISION}/crm/Accounts?$select=ID&$top=1`;
    expect((await env.api(path, {}, tokens.access_token)).status).toBe(200);
    env.clock.advance(600_000);
    expect((await env.api(path, {}, tokens.access_token)).status).toBe(401);
    const fresh = await (await refresh(env, tokens.refresh_token)).json();
    expect((await env.api(path, {}, fresh.access_token)).status).toBe(200);
  });
});
