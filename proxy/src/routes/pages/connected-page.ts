import { html } from "hono/html";

type Outcome =
  | { ok: true; user: string | null; divisions: { division: number; name: string }[] }
  | { ok: false; message: string };

/** The page a bookkeeper sees in the browser tab after Exact Online's consent screen. */
export function connectedPage(outcome: Outcome) {
  const body = outcome.ok
    ? html`<h1>Exact Online is connected</h1>
        <p>${outcome.user ? html`Signed in as ${outcome.user}. ` : ""}The proxy now mirrors these divisions:</p>
        <ul>
          ${outcome.divisions.map((d) => html`<li>${d.name} <small>(${d.division})</small></li>`)}
        </ul>
        <p>You can close this tab.</p>`
    : html`<h1>Exact Online was not connected</h1>
        <p>${outcome.message}</p>
        <p>Start again from the extension's options page.</p>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>zapfloor link — Exact Online</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; color: #1f2937; }
          h1 { font-size: 1.4rem; color: ${outcome.ok ? "#0b6e4f" : "#b42318"}; }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}
