import { describe, expect, it } from "vitest";
import { MatchPattern } from "#imports";
import { ACCOUNT_PAGE_MATCHES, ACCOUNT_PAGE_PATHS, parseExactAccountPage } from "./exact-account-page";
import { EXACT_HOSTS } from "./exact-hosts";

const GUID = "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42";

const accountPages = EXACT_HOSTS.flatMap((host) =>
  ACCOUNT_PAGE_PATHS.flatMap((path) => [
    { host, path, form: "%7b…%7d", url: `https://${host}${path}?_Division_=123456&AccountID=%7b${GUID}%7d` },
    { host, path, form: "{…}", url: `https://${host}${path}?_Division_=123456&AccountID={${GUID}}` },
  ]),
);

describe("parseExactAccountPage", () => {
  it.each(accountPages)("reads $host$path with AccountID as $form", ({ host, url }) => {
    expect(parseExactAccountPage(url)).toEqual({ host, division: 123456, accountId: GUID });
  });

  it.each(accountPages)("the content script matches $host$path with AccountID as $form", ({ url }) => {
    expect(ACCOUNT_PAGE_MATCHES.some((pattern) => new MatchPattern(pattern).includes(url))).toBe(true);
  });

  it("lower-cases the GUID and accepts upper-case percent escapes", () => {
    const url = `https://start.exactonline.nl/docs/CRMAccountCard.aspx?AccountID=%7B${GUID.toUpperCase()}%7D&_Division_=7`;
    expect(parseExactAccountPage(url)).toEqual({
      host: "start.exactonline.nl",
      division: 7,
      accountId: GUID,
    });
  });

  it("accepts an AccountID without braces", () => {
    const url = `https://start.exactonline.be/docs/CRMAccount.aspx?_Division_=42&AccountID=${GUID}`;
    expect(parseExactAccountPage(url)?.accountId).toBe(GUID);
  });

  it("ignores other query parameters and the fragment", () => {
    const url = `https://start.exactonline.de/docs/CRMAccountCard.aspx?BCAction=1&_Division_=99&AccountID=%7b${GUID}%7d#tab2`;
    expect(parseExactAccountPage(url)).toEqual({
      host: "start.exactonline.de",
      division: 99,
      accountId: GUID,
    });
  });

  it.each([
    ["the portal frame", `https://start.exactonline.nl/docs/MenuPortal.aspx?_Division_=123456`],
    ["the accounts list", `https://start.exactonline.nl/docs/CRMAccounts.aspx?_Division_=123456`],
    [
      "a longer page name",
      `https://start.exactonline.nl/docs/CRMAccountCardX.aspx?_Division_=1&AccountID=${GUID}`,
    ],
    ["another folder", `https://start.exactonline.nl/api/CRMAccountCard.aspx?_Division_=1&AccountID=${GUID}`],
    ["plain http", `http://start.exactonline.nl/docs/CRMAccountCard.aspx?_Division_=1&AccountID=${GUID}`],
    [
      "a look-alike host",
      `https://start.exactonline.nl.example.com/docs/CRMAccountCard.aspx?_Division_=1&AccountID=${GUID}`,
    ],
    [
      "a host without start.",
      `https://exactonline.nl/docs/CRMAccountCard.aspx?_Division_=1&AccountID=${GUID}`,
    ],
    [
      "an unlisted country",
      `https://start.exactonline.it/docs/CRMAccountCard.aspx?_Division_=1&AccountID=${GUID}`,
    ],
    ["not a URL", "CRMAccountCard.aspx?_Division_=1"],
  ])("ignores %s", (_, url) => {
    expect(parseExactAccountPage(url)).toBeNull();
  });

  it.each([
    ["no AccountID", "_Division_=1"],
    ["an empty AccountID", "_Division_=1&AccountID="],
    ["an opening brace only", `_Division_=1&AccountID=%7b${GUID}`],
    ["a closing brace only", `_Division_=1&AccountID=${GUID}%7d`],
    ["a GUID one digit short", `_Division_=1&AccountID=%7b${GUID.slice(1)}%7d`],
    ["a non-hex digit", `_Division_=1&AccountID=%7b${GUID.replace("5", "g")}%7d`],
    ["a GUID without dashes", `_Division_=1&AccountID=%7b${GUID.replaceAll("-", "")}%7d`],
    ["no division", `AccountID=%7b${GUID}%7d`],
    ["division 0", `_Division_=0&AccountID=%7b${GUID}%7d`],
    ["a negative division", `_Division_=-5&AccountID=%7b${GUID}%7d`],
    ["a division with letters", `_Division_=12a&AccountID=%7b${GUID}%7d`],
    ["a division too large for Exact", `_Division_=12345678901&AccountID=%7b${GUID}%7d`],
  ])("rejects an account page with %s", (_, query) => {
    expect(
      parseExactAccountPage(`https://start.exactonline.nl/docs/CRMAccountCard.aspx?${query}`),
    ).toBeNull();
  });
});

describe("ACCOUNT_PAGE_MATCHES", () => {
  it.each([
    "https://start.exactonline.nl/docs/MenuPortal.aspx",
    "https://start.exactonline.nl/docs/CRMAccounts.aspx?_Division_=1",
    "http://start.exactonline.nl/docs/CRMAccountCard.aspx?_Division_=1",
    "https://start.exactonline.it/docs/CRMAccountCard.aspx?_Division_=1",
  ])("does not run the content script on %s", (url) => {
    expect(ACCOUNT_PAGE_MATCHES.some((pattern) => new MatchPattern(pattern).includes(url))).toBe(false);
  });
});
