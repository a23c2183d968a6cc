import { EXACT_HOSTS, type ExactHost, isExactHost } from "./exact-hosts";

/** The two Exact pages that show one customer account: the card and the full account form. */
export const ACCOUNT_PAGE_PATHS = ["/docs/CRMAccountCard.aspx", "/docs/CRMAccount.aspx"] as const;

/** Content-script match patterns for every account page on every Exact host (the query is part of the path). */
export const ACCOUNT_PAGE_MATCHES: string[] = EXACT_HOSTS.flatMap((host) =>
  ACCOUNT_PAGE_PATHS.map((path) => `https://${host}${path}*`),
);

export interface ExactAccountPage {
  host: ExactHost;
  /** Exact's numeric division (`_Division_`). */
  division: number;
  /** The account GUID, lower case, without braces. */
  accountId: string;
}

/** Exact's `Division` is an Edm.Int32; nine digits always fit. */
const DIVISION = /^[1-9]\d{0,8}$/;
const GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const BRACED_OR_BARE_GUID = new RegExp(`^(?:\\{(${GUID})\\}|(${GUID}))$`, "i");

/**
 * Reads the division and account from an Exact account page URL, or null when the URL is not one.
 * Exact writes `AccountID` braced, either percent-encoded (`%7b…%7d`) or raw (`{…}`); the query parser
 * decodes both to `{…}`.
 */
export function parseExactAccountPage(url: string | URL): ExactAccountPage | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" || !isExactHost(parsed.hostname)) return null;
  if (!(ACCOUNT_PAGE_PATHS as readonly string[]).includes(parsed.pathname)) return null;

  const division = parsed.searchParams.get("_Division_");
  const accountId = parseAccountId(parsed.searchParams.get("AccountID"));
  if (division === null || !DIVISION.test(division) || accountId === null) return null;
  return { host: parsed.hostname, division: Number(division), accountId };
}

function parseAccountId(raw: string | null): string | null {
  const match = raw === null ? null : BRACED_OR_BARE_GUID.exec(raw);
  if (!match) return null;
  return (match[1] ?? match[2] ?? "").toLowerCase();
}
