import { describe, expect, it } from "vitest";
import type { GoLiveCustomer } from "../schemas/go-live";
import { goLiveCsv } from "./go-live-csv";

const customer = (overrides: Partial<GoLiveCustomer>): GoLiveCustomer => ({
  customerNumber: "1042",
  name: "Acme Workspace B.V.",
  vatNumber: "NL856566925B01",
  outcome: "will_link",
  matchOutcome: "match",
  account: {
    id: "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42",
    code: "1042",
    name: "Acme Workspace BV",
    status: "C",
  },
  reasons: [{ code: "vat", message: "Same VAT number" }],
  ...overrides,
});

describe("goLiveCsv", () => {
  it("writes a header and one line per customer, quoting what needs it", () => {
    const csv = goLiveCsv([
      customer({}),
      customer({
        customerNumber: "1043",
        name: 'Studio "De Kade", Gent',
        vatNumber: null,
        outcome: "will_create",
        matchOutcome: "create",
        account: null,
        reasons: [
          { code: "no_match", message: "Nothing matches" },
          { code: "auto_create_off", message: "Auto-create is off" },
        ],
      }),
    ]);
    expect(csv.split("\r\n")).toEqual([
      "Customer number,Customer name,VAT number,Outcome,Exact account code,Exact account,Why",
      "1042,Acme Workspace B.V.,NL856566925B01,Will link,1042,Acme Workspace BV,Same VAT number",
      '1043,"Studio ""De Kade"", Gent",,Will create,,,"Nothing matches; Auto-create is off"',
      "",
    ]);
  });

  it("keeps a name that looks like a formula as text", () => {
    const csv = goLiveCsv([customer({ name: '=HYPERLINK("http://evil.example","x")', reasons: [] })]);
    expect(csv.split("\r\n")[1]).toBe(
      `1042,"'=HYPERLINK(""http://evil.example"",""x"")",NL856566925B01,Will link,1042,Acme Workspace BV,`,
    );
  });
});
