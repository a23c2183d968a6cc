import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AccountIndex } from "./account-index";
import { decideMatch } from "./decide";
import { LinearScanLookup } from "./linear-scan-lookup";
import { linksFromPairs } from "./links";
import { accountId, exactAccount, zapfloorCustomer } from "./testing";
import type { ExactAccountSnapshot, ZapfloorCustomer } from "./types";

const ids = (found: { id: string }[]) => found.map((indexed) => indexed.id).sort();

describe("AccountIndex lookups", () => {
  const index = new AccountIndex([
    exactAccount("a1", { code: "           0000011", vatNumber: "BE0407186105", name: "Acme NV" }),
    exactAccount("a2", {
      searchCode: "ALBEX    ",
      chamberOfCommerce: "244773190000",
      country: "NL ",
      name: "Albex B.V.",
    }),
    exactAccount("a3", { code: "                12", vatNumber: "be 407.186.105", name: "Acme Gent" }),
  ]);

  it("finds accounts by VAT number in any spelling", () => {
    expect(ids(index.findByVat("BE 0407.186.105"))).toEqual([accountId("a1"), accountId("a3")]);
    expect(ids(index.findByVat("0407186105", { country: "BE" }))).toEqual([accountId("a1"), accountId("a3")]);
  });

  it("finds an account by its padded, zero-filled Code, or only by the exact digits when asked", () => {
    expect(ids(index.findByCode("11"))).toEqual([accountId("a1")]);
    expect(ids(index.findByCode("11", { zeroPaddedNumericEqual: false }))).toEqual([]);
    expect(ids(index.findByCode("0000011", { zeroPaddedNumericEqual: false }))).toEqual([accountId("a1")]);
  });

  it("finds Codes of nine, ten and eighteen digits, and tells them from a text Code that starts with the same digits", () => {
    const codes = new AccountIndex([
      exactAccount("a4", { code: "         999999999" }),
      exactAccount("a5", { code: "        0123456789" }),
      exactAccount("a6", { code: "123456789012345678" }),
      exactAccount("a7", { code: "       123456789AB" }),
    ]);
    expect(ids(codes.findByCode("999999999"))).toEqual([accountId("a4")]);
    expect(ids(codes.findByCode("123456789"))).toEqual([accountId("a5")]);
    expect(ids(codes.findByCode("00123456789"))).toEqual([accountId("a5")]);
    expect(ids(codes.findByCode("123456789", { zeroPaddedNumericEqual: false }))).toEqual([]);
    expect(ids(codes.findByCode("0123456789", { zeroPaddedNumericEqual: false }))).toEqual([accountId("a5")]);
    expect(ids(codes.findByCode("123456789012345678"))).toEqual([accountId("a6")]);
    expect(ids(codes.findByCode("123456789ab"))).toEqual([accountId("a7")]);
  });

  it("finds an account by SearchCode, ignoring case and padding", () => {
    expect(ids(index.findBySearchCode("albex"))).toEqual([accountId("a2")]);
  });

  it("finds accounts by company number, from ChamberOfCommerce or inside a Belgian VAT number", () => {
    expect(ids(index.findByCompanyNumber("KvK 24477319"))).toEqual([accountId("a2")]);
    expect(ids(index.findByCompanyNumber("0407.186.105"))).toEqual([accountId("a1"), accountId("a3")]);
  });

  it("finds a Belgian account once by the company number in both its ChamberOfCommerce and VAT number, and by each when they differ, also after a change", () => {
    const belgian = new AccountIndex([
      exactAccount("b1", { vatNumber: "BE0407186105", chamberOfCommerce: "0407.186.105", country: "BE" }),
      exactAccount("b2", { vatNumber: "BE0407186105", chamberOfCommerce: "0202.239.951", country: "BE" }),
      exactAccount("b3", { chamberOfCommerce: "0407186105", country: "BE" }),
    ]);
    expect(
      belgian
        .findByCompanyNumber("0407186105")
        .map((found) => found.id)
        .sort(),
    ).toEqual([accountId("b1"), accountId("b2"), accountId("b3")].sort());
    expect(ids(belgian.findByCompanyNumber("BE 0202.239.951"))).toEqual([accountId("b2")]);

    belgian.upsert(
      exactAccount("b2", { vatNumber: "BE0202239951", chamberOfCommerce: "0202.239.951", country: "BE" }),
    );
    belgian.remove(accountId("b3"));
    expect(ids(belgian.findByCompanyNumber("0407186105"))).toEqual([accountId("b1")]);
    expect(ids(belgian.findByCompanyNumber("0202239951"))).toEqual([accountId("b2")]);
    expect(ids(belgian.findByVat("BE0407186105"))).toEqual([accountId("b1")]);
  });

  it("suggests accounts by name, most similar first", () => {
    const suggestions = index.suggestByName("ACME N.V.", 0.5);
    expect(suggestions.map((s) => s.account.id)).toEqual([accountId("a1"), accountId("a3")]);
    expect(suggestions[0]?.similarity).toBe(1);
  });

  it("reads an id with braces and capitals as the same account", () => {
    expect(index.get(`{${accountId("a1").toUpperCase()}}`)?.id).toBe(accountId("a1"));
  });
});

describe("AccountIndex updates", () => {
  it("upsert moves an account to its new keys and forgets the old ones", () => {
    const index = new AccountIndex([exactAccount("a1", { vatNumber: "BE0407186105", code: "11" })]);
    index.upsert(exactAccount("a1", { vatNumber: "NL007225994B01", code: "12" }));
    expect(index.size).toBe(1);
    expect(index.findByVat("BE0407186105")).toEqual([]);
    expect(index.findByCode("11")).toEqual([]);
    expect(ids(index.findByVat("NL007225994B01"))).toEqual([accountId("a1")]);
  });

  it("remove forgets every key of the account", () => {
    const index = new AccountIndex([exactAccount("a1", { vatNumber: "BE0407186105", name: "Acme" })]);
    expect(index.remove(accountId("a1"))).toBe(true);
    expect(index.remove(accountId("a1"))).toBe(false);
    expect(index.findByVat("BE0407186105")).toEqual([]);
    expect(index.suggestByName("Acme")).toEqual([]);
  });

  it("add refuses an id that is already indexed", () => {
    const index = new AccountIndex([exactAccount("a1")]);
    expect(() => index.add(exactAccount("a1"))).toThrow(/already in the index/);
  });
});

describe("AccountIndex against a scan of every account", () => {
  const vat = fc.constantFrom(
    null,
    "BE0407186105",
    "BE 407.186.105",
    "NL007225994B01",
    "DE129273398",
    "junk",
  );
  const code = fc.constantFrom(null, "                11", "           0000011", "12", "ACME");
  const name = fc.constantFrom(
    "Acme NV",
    "ACME N.V.",
    "Acme Gent",
    "Albex B.V.",
    "Bakkerij Jansen",
    "De Jansen Bakkers",
  );
  const account: fc.Arbitrary<ExactAccountSnapshot> = fc
    .record({
      short: fc.constantFrom("a1", "a2", "a3", "a4", "a5", "a6"),
      code,
      searchCode: code,
      vatNumber: vat,
      chamberOfCommerce: fc.constantFrom(null, "27223120", "0407.186.105"),
      status: fc.constantFrom("C", "C", "P", "A", null),
      blocked: fc.boolean(),
      name,
    })
    .map(({ short, ...fields }) => exactAccount(short, fields));
  const customer: fc.Arbitrary<ZapfloorCustomer> = fc
    .record({
      number: fc.constantFrom("11", "12", "13", "ACME"),
      vatNumber: vat,
      companyNumber: fc.constantFrom(null, "27223120"),
      name,
    })
    .map(({ number, ...fields }) => zapfloorCustomer(number, fields));
  const operation = fc.oneof(
    account.map((snapshot) => ({ kind: "upsert" as const, snapshot })),
    fc.constantFrom("a1", "a2", "a3").map((short) => ({ kind: "remove" as const, id: accountId(short) })),
  );
  const links = fc.array(fc.tuple(fc.constantFrom("11", "12", "99"), fc.constantFrom("a1", "a2", "a7")), {
    maxLength: 3,
  });

  it("after any sequence of upserts and removes, or loaded at once or in parts, every decision equals the naive scan's", () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 25 }),
        fc.array(customer, { minLength: 1, maxLength: 5 }),
        links,
        fc.boolean(),
        (operations, customers, pairs, zeroPaddedNumericEqual) => {
          const index = new AccountIndex([], { maxTokenFrequency: 2 });
          const mirror = new Map<string, ExactAccountSnapshot>();
          for (const op of operations) {
            if (op.kind === "upsert") {
              index.upsert(op.snapshot);
              mirror.set(op.snapshot.id, op.snapshot);
            } else {
              index.remove(op.id);
              mirror.delete(op.id);
            }
          }
          const naive = new LinearScanLookup(mirror.values(), { maxTokenFrequency: 2 });
          // Loaded at once, earlier versions of an account first: the last version must win.
          const earlierVersions = operations.flatMap((op) =>
            op.kind === "upsert" && mirror.has(op.snapshot.id) ? [op.snapshot] : [],
          );
          const loaded = new AccountIndex([...earlierVersions, ...mirror.values()], { maxTokenFrequency: 2 });
          // In parts of two, as a large division is built: a later part replaces what an earlier one filed.
          const inParts = new AccountIndex([], { maxTokenFrequency: 2 });
          const all = [...earlierVersions, ...mirror.values()];
          for (let start = 0; start < all.length; start += 2) inParts.upsertAll(all.slice(start, start + 2));
          const linkLookup = linksFromPairs(
            pairs.map(([number, short]) => [number, accountId(short)] as const),
          );
          expect(index.size).toBe(mirror.size);
          expect(loaded.size).toBe(mirror.size);
          expect(inParts.size).toBe(mirror.size);
          for (const zapfloor of customers) {
            const options = { zeroPaddedNumericEqual };
            const expected = decideMatch(zapfloor, naive, linkLookup, options);
            expect(decideMatch(zapfloor, index, linkLookup, options)).toEqual(expected);
            expect(decideMatch(zapfloor, loaded, linkLookup, options)).toEqual(expected);
            expect(decideMatch(zapfloor, inParts, linkLookup, options)).toEqual(expected);
          }
        },
      ),
    );
  });
});
