import type { DivisionData } from "../state/division";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface ConsentRequest {
  clientId: string;
  redirectUri: string;
  responseType: string;
  state?: string;
}

/** Exact's consent screen, reduced to what tests drive: a checkbox per division, Allow and Deny. */
export function consentPage(
  request: ConsentRequest,
  divisions: readonly DivisionData[],
  userName: string,
): string {
  const hidden = [
    ["client_id", request.clientId],
    ["redirect_uri", request.redirectUri],
    ["response_type", request.responseType],
    ["state", request.state ?? ""],
  ]
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value ?? "")}">`)
    .join("\n      ");
  const boxes = divisions
    .map(
      (d) =>
        `<label><input type="checkbox" name="division" value="${d.code}" checked data-division="${d.code}"> ${d.code} – ${escapeHtml(d.profile.name)}</label>`,
    )
    .join("<br>\n      ");
  return `<!doctype html>
<html lang="nl">
  <head><meta charset="utf-8"><title>Exact Online – Toegang verlenen</title></head>
  <body>
    <h1>Toegang verlenen</h1>
    <p>De applicatie <strong>${escapeHtml(request.clientId)}</strong> vraagt toegang tot uw administraties (${escapeHtml(userName)}).</p>
    <form method="post" action="/api/oauth2/consent">
      ${hidden}
      <fieldset><legend>Administraties</legend>
      ${boxes}
      </fieldset>
      <button type="submit" name="decision" value="allow" id="allow">Toestaan</button>
      <button type="submit" name="decision" value="deny" id="deny">Weigeren</button>
    </form>
  </body>
</html>`;
}
