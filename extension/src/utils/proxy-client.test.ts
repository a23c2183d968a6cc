import { describe, expect, it, vi } from "vitest";
import { errorBody, fakeProxyFetch, HEALTHY, NOT_CONNECTED } from "../testing/fake-proxy";
import { linkedDetail } from "../testing/sample-data";
import { checkProxyHealth, clientFor, createProxyClient, type ProxySettings } from "./proxy-client";

const GUID = "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42";
const allowed = async () => true;

function client(routes: Parameters<typeof fakeProxyFetch>[0], token = "bookkeeper-token") {
  const fetch = fakeProxyFetch(routes);
  return { fetch, proxy: createProxyClient("http://127.0.0.1:8787", token, { fetch, timeoutMs: 1000 }) };
}

describe("proxy health", () => {
  it("is healthy when /health answers ok and the token is accepted", async () => {
    const { proxy, fetch } = client({ "GET /health": HEALTHY, "GET /v1/exact/connection": NOT_CONNECTED });
    expect(await proxy.health()).toEqual({ state: "healthy", version: "0.1.0" });
    const [, init] = fetch.mock.calls[1]!;
    expect(init?.headers).toMatchObject({ Authorization: "Bearer bookkeeper-token" });
  });

  it("keeps the base URL's path", async () => {
    const fetch = fakeProxyFetch({ "GET /base/health": HEALTHY });
    await createProxyClient("https://link.example.com/base", "", { fetch, timeoutMs: 1000 }).health();
    expect(fetch.mock.calls[0]![0]).toBe("https://link.example.com/base/health");
  });

  it("reports a missing token without asking for the connection", async () => {
    const { proxy, fetch } = client({ "GET /health": HEALTHY }, "");
    expect(await proxy.health()).toEqual({ state: "token_missing", version: "0.1.0" });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it("reports a token the proxy refuses", async () => {
    const { proxy } = client({
      "GET /health": HEALTHY,
      "GET /v1/exact/connection": [401, errorBody("unauthorized", "Unknown token.")],
    });
    expect(await proxy.health()).toEqual({ state: "token_invalid", version: "0.1.0" });
  });

  it("is unhealthy when the database does not answer", async () => {
    const { proxy } = client({ "GET /health": [503, { ok: false, version: "0.1.0", db: "unavailable" }] });
    expect(await proxy.health()).toEqual({
      state: "unhealthy",
      httpStatus: 503,
      detail: "database unavailable",
    });
  });

  it("shows the message of the proxy's error envelope", async () => {
    const { proxy } = client({ "GET /health": [500, errorBody("internal", "Boom")] });
    expect(await proxy.health()).toEqual({ state: "unhealthy", httpStatus: 500, detail: "Boom" });
  });

  it("is unhealthy when something else answers", async () => {
    const { proxy } = client({ "GET /health": [200, "<html>router login</html>"] });
    expect(await proxy.health()).toEqual({
      state: "unhealthy",
      httpStatus: 200,
      detail: "the answer is not the proxy's health report",
    });
  });

  it("is unreachable when the request fails", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    const health = await createProxyClient("http://localhost:1", "", { fetch, timeoutMs: 1000 }).health();
    expect(health).toEqual({ state: "unreachable", detail: "Failed to fetch" });
  });

  it("is unreachable when the proxy does not answer in time", async () => {
    const fetch = vi.fn(
      (_: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
    );
    const health = await createProxyClient("http://localhost:1", "", { fetch, timeoutMs: 1 }).health();
    expect(health).toEqual({ state: "unreachable", detail: "the proxy did not answer in time" });
  });
});

describe("proxy calls", () => {
  const accountPath = `/v1/divisions/1234567/accounts/${GUID}`;

  it("reads an account and checks the answer against the shared schema", async () => {
    const { proxy } = client({ [`GET ${accountPath}`]: [200, linkedDetail()] });
    const result = await proxy.account(1234567, GUID);
    expect(result).toEqual({ ok: true, value: linkedDetail() });
  });

  it("refuses an answer of the wrong shape instead of passing it on", async () => {
    const { proxy } = client({ [`GET ${accountPath}`]: [200, { account: { id: GUID } }] });
    const result = await proxy.account(1234567, GUID);
    expect(result).toMatchObject({ ok: false, problem: { kind: "failed", httpStatus: 200 } });
  });

  it("sends the customer number to link", async () => {
    const { proxy, fetch } = client({ [`PUT ${accountPath}/link`]: [200, linkedDetail()] });
    await proxy.link(1234567, GUID, "1042");
    const [, init] = fetch.mock.calls[0]!;
    expect(init?.method).toBe("PUT");
    expect(JSON.parse(String(init?.body))).toEqual({ customerNumber: "1042" });
  });

  it.each([
    [401, "token_invalid", {}],
    [403, "forbidden", { message: "Needs the bookkeeper role." }],
    [409, "conflict", { message: "Needs the bookkeeper role." }],
    [502, "failed", { httpStatus: 502, message: "Needs the bookkeeper role." }],
  ])("turns HTTP %i into %s", async (status, kind, rest) => {
    const { proxy } = client({
      [`DELETE ${accountPath}/link`]: [status, errorBody("x", "Needs the bookkeeper role.")],
    });
    expect(await proxy.unlink(1234567, GUID)).toEqual({ ok: false, problem: { kind, ...rest } });
  });

  it("says a retry waits on its customer, without the proxy's English", async () => {
    const body = {
      error: {
        code: "conflict",
        message: "Invoice F-1 would not get through yet: Customer 1043 matches a prospect.",
        details: { reason: "customer_needs_review", customerNumber: "1043", outcome: "review" },
        requestId: "r1",
      },
    };
    const { proxy } = client({ [`POST /v1/divisions/7/sales-entries/F-1/retry`]: [409, body] });
    expect(await proxy.retryPush(7, "F-1")).toEqual({
      ok: false,
      problem: { kind: "customer_needs_review", customer: "1043" },
    });
  });

  it("passes on the error's reason and params, to be said in the reader's language; not a reason it does not know", async () => {
    const body = (reason: string) => ({
      error: {
        code: "conflict",
        message: "Exact account 'Lonely BV' is already linked to zapfloor customer 9009.",
        reason,
        params: { account: "Lonely BV", customer: "9009" },
        requestId: "r1",
      },
    });
    const path = `PUT ${accountPath}/link`;
    const known = client({ [path]: [409, body("account_linked_elsewhere")] });
    expect(await known.proxy.link(1234567, GUID, "1001")).toEqual({
      ok: false,
      problem: {
        kind: "conflict",
        message: "Exact account 'Lonely BV' is already linked to zapfloor customer 9009.",
        said: { reason: "account_linked_elsewhere", params: { account: "Lonely BV", customer: "9009" } },
      },
    });
    const newer = client({ [path]: [409, body("a_reason_of_a_newer_proxy")] });
    const problem = await newer.proxy.link(1234567, GUID, "1001");
    expect(problem).toMatchObject({ ok: false, problem: { kind: "conflict" } });
    expect(problem.ok || "said" in problem.problem).toBe(false);
  });

  it("says a division needs loading when the proxy has not loaded its accounts yet", async () => {
    const body = {
      error: {
        code: "conflict",
        message: "The Exact accounts of division 7 have not been loaded yet.",
        details: { reason: "mirror_not_loaded", division: 7, lastLoadedAt: null },
        requestId: "r1",
      },
    };
    const { proxy } = client({ [`GET /v1/divisions/7/accounts/${GUID}`]: [409, body] });
    expect(await proxy.account(7, GUID)).toEqual({
      ok: false,
      problem: { kind: "mirror_not_loaded", division: 7 },
    });
  });

  it("tells a division that is not connected from an account that is not mirrored", async () => {
    const notFound = [404, errorBody("not_found", "Division 7 is not connected for this tenant.")] as const;
    const { proxy } = client({
      [`GET /v1/divisions/7/accounts/${GUID}`]: [...notFound],
      "GET /v1/divisions": [200, { divisions: [] }],
    });
    expect(await proxy.account(7, GUID)).toEqual({
      ok: false,
      problem: { kind: "division_not_connected", division: 7 },
    });
  });

  it("keeps not_found for an account the mirror does not have", async () => {
    const division = {
      division: 1234567,
      name: "Flexwerk",
      country: "NL",
      current: true,
      sync: {
        status: "idle",
        runningKind: null,
        progressRows: 0,
        lastKind: "full",
        lastStartedAt: null,
        lastCompletedAt: null,
        lastFullAt: null,
        lastCalls: null,
        lastChanged: null,
        lastError: null,
        lastErrorReason: null,
        accounts: 250,
      },
    };
    const { proxy } = client({
      [`GET ${accountPath}`]: [404, errorBody("not_found", "Not in the mirror.")],
      "GET /v1/divisions": [200, { divisions: [division] }],
    });
    expect(await proxy.account(1234567, GUID)).toEqual({
      ok: false,
      problem: { kind: "not_found", message: "Not in the mirror." },
    });
  });

  it("asks for the overview with its filter, search and cursor", async () => {
    const { proxy, fetch } = client({
      "GET /v1/divisions/1234567/accounts": [
        200,
        {
          accounts: [],
          nextCursor: null,
          counts: { all: 3, linked: 1, unlinked: 1, suggested: 1, conflict: 0 },
        },
      ],
    });
    const page = await proxy.accounts({
      division: 1234567,
      state: "suggested",
      q: " acme ",
      cursor: "abc",
      limit: 500,
    });
    expect(page).toMatchObject({ ok: true, value: { counts: { all: 3, linked: 1 } } });
    const url = new URL(String(fetch.mock.calls[0]![0]));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      state: "suggested",
      limit: "500",
      q: "acme",
      cursor: "abc",
    });
  });

  it("saves booking settings and passes on every problem the proxy lists, with the valid codes it names", async () => {
    const { proxy, fetch } = client({
      "PUT /v1/divisions/1234567/settings": [
        400,
        {
          error: {
            code: "validation",
            message: "The settings name journals, GL accounts or VAT codes this division does not have.",
            details: {
              problems: [
                {
                  path: "body.salesJournal",
                  message:
                    "journal 99 does not exist in this division; its sales journals are 70 (Verkoopboek)",
                  code: "journal_unknown",
                  params: { code: "99", valid: "70 (Verkoopboek)", more: "0" },
                },
              ],
            },
            requestId: "r1",
          },
        },
      ],
    });
    const settings = {
      salesJournal: "99",
      creditNoteJournal: null,
      glMapping: {},
      vatMapping: { rates: {}, international: null },
      autoCreate: true,
      autoPush: true,
      nonCustomerMatch: "review" as const,
      similarNameMatch: "review" as const,
    };
    const result = await proxy.saveBookingSettings(1234567, settings);
    expect(result).toEqual({
      ok: false,
      problem: {
        kind: "failed",
        httpStatus: 400,
        message:
          "The settings name journals, GL accounts or VAT codes this division does not have. journal 99 does not exist in this division; its sales journals are 70 (Verkoopboek)",
        problems: [
          {
            path: "body.salesJournal",
            message: "journal 99 does not exist in this division; its sales journals are 70 (Verkoopboek)",
            code: "journal_unknown",
            params: { code: "99", valid: "70 (Verkoopboek)", more: "0" },
          },
        ],
      },
    });
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual(settings);
  });

  it("needs a token before calling anything", async () => {
    const { proxy, fetch } = client({}, "");
    expect(await proxy.connection()).toEqual({ ok: false, problem: { kind: "token_missing" } });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("checkProxyHealth and clientFor", () => {
  const deps = () => ({
    fetch: fakeProxyFetch({ "GET /health": HEALTHY, "GET /v1/exact/connection": NOT_CONNECTED }),
    timeoutMs: 1000,
  });

  it("reports an empty URL as not configured, without calling anything", async () => {
    const d = deps();
    const settings: ProxySettings = { url: " ", token: "t" };
    expect(await checkProxyHealth(settings, allowed, d)).toEqual({ state: "not_configured" });
    expect(d.fetch).not.toHaveBeenCalled();
  });

  it("reports a missing host permission instead of a failed request", async () => {
    const d = deps();
    const hasPermission = vi.fn(async () => false);
    const settings: ProxySettings = { url: "https://link.example.com", token: "t" };
    expect(await checkProxyHealth(settings, hasPermission, d)).toEqual({
      state: "permission_missing",
      origin: "https://link.example.com",
    });
    expect(hasPermission).toHaveBeenCalledWith("https://link.example.com");
    expect(d.fetch).not.toHaveBeenCalled();
  });

  it("checks the configured proxy", async () => {
    const d = deps();
    const settings: ProxySettings = { url: "http://localhost:8787/", token: "t" };
    expect(await checkProxyHealth(settings, allowed, d)).toEqual({ state: "healthy", version: "0.1.0" });
    expect(d.fetch.mock.calls[0]![0]).toBe("http://localhost:8787/health");
  });

  it("gives no client for a URL the options page would refuse", async () => {
    const result = await clientFor({ url: "http://link.example.com", token: "t" }, allowed, deps());
    expect(result).toEqual({ ok: false, problem: { kind: "not_configured" } });
  });
});
