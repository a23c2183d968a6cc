import type { ExactAppConfig } from "../exact-app";
import { unwrapList } from "./client";
import { baseUrlFor } from "./hosts";
import type { ExactHttp } from "./http";
import { budgetKey, type RateBudget } from "./rate-budget";
import { readRateLimitHeaders } from "./rate-limit-headers";
import { division as divisionSchema, isUsableDivision, me as meSchema } from "./schemas";

export interface ConsentPreview {
  userId: string | null;
  userName: string | null;
  currentDivision: number;
  divisions: { division: number; name: string; country: string | null; isCurrent: boolean }[];
}

/** A consent covers at most a few hundred divisions; stop following `__next` well before anything odd. */
const MAX_PAGES = 20;

/**
 * Who and what a just-issued access token connects: the Exact user and the divisions of the consent. Read with
 * the token itself, before it is stored, so the bookkeeper can confirm it. [§2, I-picqer-470: the consented
 * divisions come from `system/Divisions`, never assume the current one is among them]
 */
export async function readConsentPreview(
  deps: { http: ExactHttp; app: ExactAppConfig; budget: RateBudget },
  host: string,
  accessToken: string,
): Promise<ConsentPreview> {
  const base = `${baseUrlFor(deps.app, host)}/api/v1`;
  const get = async (url: string, resource: string, division?: number) => {
    const key = division === undefined ? undefined : budgetKey(deps.app.clientId, division);
    if (key) await deps.budget.acquire(key);
    const response = await deps.http.send({
      method: "GET",
      url,
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    });
    if (key) await deps.budget.record(key, readRateLimitHeaders(response.headers));
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`Exact Online answered HTTP ${response.status} to ${resource}.`);
    }
    return unwrapList(response.text, resource);
  };

  const meRows = await get(`${base}/current/Me?$select=CurrentDivision,UserID,FullName`, "current/Me");
  const user = meSchema.parse(meRows.rows[0]);
  const rows: unknown[] = [];
  let next: string | undefined =
    `${base}/${user.CurrentDivision}/system/Divisions?$select=Code,Description,Country,Current,Status,BlockingStatus`;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    // Follow `__next`, but never send the token to a host other than this consent's.
    const link: URL = new URL(next);
    const listed = await get(
      `${baseUrlFor(deps.app, host)}${link.pathname}${link.search}`,
      "system/Divisions",
      user.CurrentDivision,
    );
    rows.push(...listed.rows);
    next = listed.next;
  }
  // Archived or blocked divisions are left out: every call to one would be a 403 toward the error block.
  const usable = rows.map((row) => divisionSchema.parse(row)).filter(isUsableDivision);
  const divisions = usable.map((parsed) => {
    return {
      division: parsed.Code,
      name: parsed.Description?.trim() || `Division ${parsed.Code}`,
      country: parsed.Country?.trim() || null,
      isCurrent: parsed.Code === user.CurrentDivision,
    };
  });
  return {
    userId: user.UserID,
    userName: user.FullName ?? null,
    currentDivision: user.CurrentDivision,
    divisions,
  };
}
