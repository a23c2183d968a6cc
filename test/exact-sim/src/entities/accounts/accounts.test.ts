import { describe, expect, it } from "vitest";
import { DIVISION, type Json, ORIGIN, q, testSim } from "../../testing/test-sim";

const base = `/api/v1/${DIVISION}`;
const post = (body: unknown, prefer = true): RequestInit => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: prefer ? { Prefer: "return=representation" } : {},
});

describe("crm/Accounts paging", () => {
  it("answers 60 rows and an absolute __next with a guid skiptoken, until the last page", async () => {
    const env = testSim();
    const seen: string[] = [];
    let url: string | undefined = `${base}/crm/Accounts?$select=ID,Code`;
    let pages = 0;
    while (url) {
      const body: Json = await env.json(url);
      pages++;
      expect(body.d.results.length).toBeLessThanOrEqual(60);
      seen.push(...body.d.results.map((r: Json) => r.ID));
      const next: string | undefined = body.d.__next;
      if (next) {
        expect(next.startsWith(`${ORIGIN}${base}/crm/Accounts?$select=ID,Code&$skiptoken=guid'`)).toBe(true);
        url = next.slice(ORIGIN.length);
      } else url = undefined;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(150);
  });

  it("answers $top without $select as a bare array, without __next or __count (picqer's find() relies on it)", async () => {
    const env = testSim();
    const [first] = env.sim.control.accounts(DIVISION);
    const one: Json = await env.json(`${base}/crm/Accounts?$filter=${q(`ID eq guid'${first!.ID}'`)}&$top=1`);
    expect(one.d).toEqual([expect.objectContaining({ ID: first!.ID, Name: first!.Name })]);
    const none: Json = await env.json(
      `${base}/crm/Accounts?$filter=${q("ID eq guid'00000000-0000-0000-0000-000000000001'")}&$top=1`,
    );
    expect(none.d).toEqual([]);
    const many: Json = await env.json(`${base}/crm/Accounts?$skip=0&$top=100&$inlinecount=allpages`);
    expect(many.d).toHaveLength(60);
  });

  it("answers $top with $select as the recordings do: $top=100 → 60 rows and __next with $top=40", async () => {
    const env = testSim();
    const body: Json = await env.json(`${base}/crm/Accounts?$select=ID&$skip=0&$top=100`);
    expect(body.d.results).toHaveLength(60);
    expect(body.d.__next).toMatch(/\?\$select=ID&\$top=40&\$skiptoken=guid'[0-9a-f-]{36}'$/);
    const second: Json = await env.json(body.d.__next.slice(ORIGIN.length));
    expect(second.d.results).toHaveLength(40);
    expect(second.d.__next).toBeUndefined();
  });

  it("answers every $top query bare with topBareArray: true, and none with false", async () => {
    const always = testSim({ odata: { topBareArray: true } });
    const sync: Json = await always.json(`${base}/sync/CRM/Accounts?$select=ID&$top=3`);
    expect(sync.d).toHaveLength(3);
    const never = testSim({ odata: { topBareArray: false } });
    const one: Json = await never.json(`${base}/crm/Accounts?$top=1`);
    expect(one.d.results).toHaveLength(1);
  });

  it("adds __count for $inlinecount=allpages", async () => {
    const env = testSim();
    const body: Json = await env.json(
      `${base}/crm/Accounts?$select=ID&$inlinecount=allpages&$filter=${q("Status eq 'C'")}`,
    );
    const customers = env.sim.control.accounts(DIVISION).filter((a) => a.Status === "C").length;
    expect(body.d.__count).toBe(String(customers));
  });
});

describe("crm/Accounts filters", () => {
  it("matches Code only when padded to 18, or through trim(Code)", async () => {
    const env = testSim();
    const account = env.sim.control.insertAccount(DIVISION, { Name: "Padded BV", Code: "987654" });
    expect(account.Code).toBe("            987654");
    const ids = async (filter: string) =>
      ((await env.json(`${base}/crm/Accounts?$select=ID,Code&$filter=${q(filter)}`)).d.results as Json[]).map(
        (r) => r.ID,
      );
    expect(await ids("Code eq '987654'")).toEqual([]);
    expect(await ids("Code eq '            987654'")).toEqual([account.ID]);
    expect(await ids("trim(Code) eq '987654'")).toEqual([account.ID]);
  });

  it("filters on VATNumber (exact text), SearchCode, Status and ID, with or-chains", async () => {
    const env = testSim();
    const a = env.sim.control.insertAccount(DIVISION, {
      Name: "A",
      VATNumber: "NL123456782B01",
      SearchCode: "1042",
      Status: "C",
    });
    const b = env.sim.control.insertAccount(DIVISION, {
      Name: "B",
      VATNumber: "BE 0407.186.105",
      Status: "P",
    });
    const ids = async (filter: string) =>
      ((await env.json(`${base}/crm/Accounts?$select=ID&$filter=${q(filter)}`)).d.results as Json[])
        .map((r) => r.ID)
        .sort();
    expect(await ids("VATNumber eq 'NL123456782B01'")).toEqual([a.ID]);
    expect(await ids("VATNumber eq 'nl123456782b01'")).toEqual([]);
    expect(await ids("VATNumber eq 'NL123456782B01' or VATNumber eq 'BE 0407.186.105'")).toEqual(
      [a.ID, b.ID].sort(),
    );
    expect(await ids("SearchCode eq '1042' and Status eq 'C'")).toEqual([a.ID]);
    expect(await ids(`ID eq guid'${b.ID}'`)).toEqual([b.ID]);
    expect(await ids(`(ID eq guid'${b.ID}' or ID eq guid'${a.ID}') and Status eq 'P'`)).toEqual([b.ID]);
    expect(await ids("substringof('0407', VATNumber) eq true")).toEqual([b.ID]);
  });

  it("answers OData syntax and type errors with 400 in the error envelope", async () => {
    const env = testSim();
    for (const filter of ["Name eq", "Name eq 'x", "Nope eq 1", "ID eq 'not-a-guid'", "Status gt"]) {
      const response = await env.api(`${base}/crm/Accounts?$filter=${q(filter)}`);
      expect(response.status, filter).toBe(400);
      const body: Json = await response.json();
      expect(body.error.code).toBe("");
      expect(typeof body.error.message.value).toBe("string");
    }
  });

  it("refuses URLs over 6000 characters with 400", async () => {
    const env = testSim();
    const filter = Array.from(
      { length: 200 },
      (_, i) => `VATNumber eq 'NL${String(i).padStart(9, "0")}B01'`,
    ).join(" or ");
    const response = await env.api(`${base}/crm/Accounts?$select=ID&$filter=${q(filter)}`);
    expect(response.status).toBe(400);
  });

  it("optionally refuses GET crm/Accounts without $filter (mandatory filtering)", async () => {
    const env = testSim({ odata: { mandatoryAccountFilter: true } });
    expect((await env.api(`${base}/crm/Accounts?$select=ID`)).status).toBe(400);
    expect((await env.api(`${base}/crm/Accounts?$select=ID&$filter=${q("Status eq 'C'")}`)).status).toBe(200);
  });

  it("respects $select order as the entity's declared order", async () => {
    const env = testSim();
    const body: Json = await env.json(`${base}/crm/Accounts?$select=Name,Code,ID,Status&$top=1`);
    expect(Object.keys(body.d.results[0])).toEqual(["__metadata", "ID", "Code", "Name", "Status"]);
  });
});

describe("crm/Accounts writes", () => {
  it("POST with Prefer: return=representation answers 201 with the entity and an auto-assigned Code", async () => {
    const env = testSim();
    const response = await env.api(
      `${base}/crm/Accounts`,
      post({ Name: "Nieuw BV", Status: "C", Country: "NL" }),
    );
    expect(response.status).toBe(201);
    const body: Json = await response.json();
    expect(body.d.Name).toBe("Nieuw BV");
    expect(body.d.Code).toHaveLength(18);
    expect(body.d.Country).toBe("NL ");
    const highest = Math.max(
      ...env.sim.control
        .accounts(DIVISION)
        .filter((a) => a.ID !== body.d.ID)
        .map((a) => Number(a.Code.trim())),
    );
    expect(Number(body.d.Code.trim())).toBe(highest + 1);
  });

  it("POST without Prefer answers 200 with everything null except the key", async () => {
    const env = testSim();
    const response = await env.api(`${base}/crm/Accounts`, post({ Name: "Zonder Prefer" }, false));
    expect(response.status).toBe(200);
    const body: Json = await response.json();
    expect(body.d.ID).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.d.Name).toBeNull();
    expect(body.d.Code).toBeNull();
    expect(env.sim.control.account(DIVISION, body.d.ID)?.Name).toBe("Zonder Prefer");
  });

  it("refuses a duplicate Code with a 500 and a Dutch message in the error envelope", async () => {
    const env = testSim();
    env.sim.control.insertAccount(DIVISION, { Name: "Eerste", Code: "4711" });
    const response = await env.api(`${base}/crm/Accounts`, post({ Name: "Tweede", Code: "4711" }));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: "", message: { lang: "", value: "Gegeven bestaat reeds: Code" } },
    });
  });

  it("refuses a POST without Name, and unknown properties with 400", async () => {
    const env = testSim();
    expect((await env.api(`${base}/crm/Accounts`, post({ Status: "C" }))).status).toBe(500);
    expect((await env.api(`${base}/crm/Accounts`, post({ Name: "X", Bogus: 1 }))).status).toBe(400);
    expect((await env.api(`${base}/crm/Accounts`, { method: "POST", body: "not json" })).status).toBe(400);
  });

  it("PUT answers 204 and changes only what was sent; re-sending the own Code is a 500", async () => {
    const env = testSim();
    const account = env.sim.control.insertAccount(DIVISION, { Name: "Oud", SearchCode: "77" });
    const path = `${base}/crm/Accounts(guid'${account.ID}')`;
    const put = await env.api(path, { method: "PUT", body: JSON.stringify({ Name: "Nieuw" }) });
    expect(put.status).toBe(204);
    expect(await put.text()).toBe("");
    const after: Json = await env.json(`${path}?$select=Name,SearchCode`);
    expect(after.d).toMatchObject({ Name: "Nieuw", SearchCode: "77" });
    expect(env.sim.control.calls({ method: "PUT" })).toEqual([
      expect.objectContaining({ endpoint: "crm/Accounts(key)", status: 204, body: { Name: "Nieuw" } }),
    ]);
    const withCode = await env.api(path, {
      method: "PUT",
      body: JSON.stringify({ Name: "X", Code: account.Code }),
    });
    expect(withCode.status).toBe(500);
  });

  it("DELETE answers 204, the account disappears and shows up in sync/Deleted with EntityType 2", async () => {
    const env = testSim();
    const account = env.sim.control.insertAccount(DIVISION, { Name: "Weg" });
    const response = await env.api(`${base}/crm/Accounts(guid'${account.ID}')`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect((await env.api(`${base}/crm/Accounts(guid'${account.ID}')`)).status).toBe(404);
    const deleted: Json = await env.json(
      `${base}/sync/Deleted?$select=EntityKey,EntityType,Timestamp&$filter=${q("Timestamp gt 1L and EntityType eq 2")}`,
    );
    expect(deleted.d.results.map((r: Json) => r.EntityKey)).toEqual([account.ID]);
    expect(deleted.d.results[0].EntityType).toBe(2);
  });

  it("refuses a Name over 50 characters with a 500 and a Dutch message, creating nothing", async () => {
    const env = testSim();
    const before = env.sim.control.accounts(DIVISION).length;
    const response = await env.api(`${base}/crm/Accounts`, {
      method: "POST",
      body: JSON.stringify({ Name: "N".repeat(51), Status: "C" }),
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as Json).error.message.value).toBe("Te lang: Naam (maximaal 50 tekens)");
    expect(env.sim.control.accounts(DIVISION)).toHaveLength(before);
  });

  it("cuts an overlong Name instead when configured to (the lenient reading)", async () => {
    const env = testSim({ fieldLimits: { overflow: "truncate" } });
    const body: Json = await (
      await env.api(`${base}/crm/Accounts`, post({ Name: "N".repeat(55), Status: "C" }))
    ).json();
    expect(body.d.Name).toBe("N".repeat(50));
  });

  it("truncates a SearchCode over 9 characters by default (the 2013 fixtures), or refuses it when configured", async () => {
    const env = testSim();
    const body: Json = await (
      await env.api(`${base}/crm/Accounts`, post({ Name: "Lang", SearchCode: "ZAPFLOOR-1042" }))
    ).json();
    expect(body.d.SearchCode).toBe("ZAPFLOOR-");
    const strict = testSim({ accounts: { searchCodeMaxLength: 9, searchCodeOverflow: "error" } });
    expect(
      (await strict.api(`${base}/crm/Accounts`, post({ Name: "Lang", SearchCode: "ZAPFLOOR-1042" }))).status,
    ).toBe(500);
  });
});

describe("bulk and sync", () => {
  it("requires $select on bulk and sync endpoints", async () => {
    const env = testSim();
    for (const path of ["bulk/CRM/Accounts", "sync/CRM/Accounts", "sync/Deleted"]) {
      expect((await env.api(`${base}/${path}`)).status, path).toBe(400);
    }
  });

  it("pages bulk/CRM/Accounts by 1000", async () => {
    const env = testSim({
      seed: { seed: 3, divisions: [{ code: DIVISION, name: "Groot", accounts: 2300 }] },
    });
    const sizes: number[] = [];
    let url: string | undefined = `${base}/bulk/CRM/Accounts?$select=ID,Code,Name,VATNumber`;
    while (url) {
      const body: Json = await env.json(url);
      sizes.push(body.d.results.length);
      url = body.d.__next?.slice(ORIGIN.length);
    }
    expect(sizes).toEqual([1000, 1000, 300]);
  });

  it("returns changes in Timestamp order with strictly increasing Int64 Timestamps", async () => {
    const env = testSim();
    const all: Json = await env.json(
      `${base}/sync/CRM/Accounts?$select=ID,Timestamp&$filter=${q("Timestamp gt 0L")}`,
    );
    const stamps = all.d.results.map((r: Json) => Number(r.Timestamp));
    expect(stamps).toEqual([...stamps].sort((x, y) => x - y));
    expect(typeof all.d.results[0].Timestamp).toBe("string");
    const highWater = stamps.at(-1);
    const changed = env.sim.control.accounts(DIVISION)[5]!;
    env.sim.control.updateAccount(DIVISION, changed.ID, { Name: "Gewijzigd" });
    const created = env.sim.control.insertAccount(DIVISION, { Name: "Nieuw" });
    const delta: Json = await env.json(
      `${base}/sync/CRM/Accounts?$select=ID,Name,Timestamp&$filter=${q(`Timestamp gt ${highWater}L`)}`,
    );
    expect(delta.d.results.map((r: Json) => r.ID)).toEqual([changed.ID, created.ID]);
    expect(Number(delta.d.results[1].Timestamp)).toBeGreaterThan(Number(delta.d.results[0].Timestamp));
  });

  it("pages sync by 1000 with a Timestamp skiptoken", async () => {
    const env = testSim({
      seed: { seed: 3, divisions: [{ code: DIVISION, name: "Groot", accounts: 1500 }] },
    });
    const first: Json = await env.json(
      `${base}/sync/CRM/Accounts?$select=ID,Timestamp&$filter=${q("Timestamp gt 0L")}`,
    );
    expect(first.d.results).toHaveLength(1000);
    expect(first.d.__next).toMatch(/\$skiptoken=\d+L$/);
    const second: Json = await env.json(first.d.__next.slice(ORIGIN.length));
    expect(second.d.results).toHaveLength(500);
    expect(Number(second.d.results[0].Timestamp)).toBeGreaterThan(Number(first.d.results[999].Timestamp));
  });
});

describe("system endpoints", () => {
  it("current/Me answers a d.results array and does not count toward rate limits", async () => {
    const env = testSim();
    const response = await env.api("/api/v1/current/Me?$select=CurrentDivision");
    expect(response.headers.get("X-RateLimit-Remaining")).toBeNull();
    const body: Json = await response.json();
    expect(body.d.results).toHaveLength(1);
    expect(Object.keys(body.d.results[0])).toEqual(["__metadata", "CurrentDivision"]);
    expect(body.d.results[0].CurrentDivision).toBe(DIVISION);
  });

  it("shows an archived or blocked division's Status and BlockingStatus, and answers its calls 403 DivisionBlocked", async () => {
    const env = testSim({
      seed: {
        seed: 7,
        divisions: [
          { code: DIVISION, name: "Testkantoor B.V.", accounts: 5, country: "NL" },
          { code: 2002, name: "Archief B.V.", accounts: 5, country: "NL" },
        ],
      },
    });
    env.sim.control.setDivisionStatus(2002, { blockingStatus: 1 });
    const listed: Json = await env.json(`${base}/system/Divisions?$select=Code,Status,BlockingStatus`);
    expect(listed.d.results).toContainEqual(
      expect.objectContaining({ Code: 2002, Status: 1, BlockingStatus: 1 }),
    );
    env.sim.control.setDivisionStatus(2002, { blockingStatus: 0, status: 2 });
    const refused = await env.api(`/api/v1/2002/crm/Accounts?$select=ID&$filter=${q("Name eq 'x'")}`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Reason")).toBe("DivisionBlocked");
  });

  it("answers 404 for an unknown entity and 406 without Accept: application/json", async () => {
    const env = testSim();
    expect((await env.api(`${base}/crm/Nonsense`)).status).toBe(404);
    const xml = await env.sim.app.request(`${ORIGIN}${base}/crm/Accounts`, {
      headers: { Authorization: `Bearer ${env.tokens.access_token}` },
    });
    expect(xml.status).toBe(406);
  });
});

describe("generated accounts", () => {
  it("render creator, modifier and status dates that are derived rather than stored", async () => {
    const env = testSim();
    const customer = env.sim.control.accounts(DIVISION).find((a) => a.Status === "C")!;
    const body: Json = await env.json(
      `${base}/crm/Accounts(guid'${customer.ID}')?$select=Creator,CreatorFullName,StartDate,StatusSince,CustomerSince`,
    );
    expect(body.d.Creator).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof body.d.CreatorFullName).toBe("string");
    expect(body.d.StatusSince).toBe(body.d.StartDate);
    expect(body.d.CustomerSince).toBe(body.d.StartDate);
  });
});
