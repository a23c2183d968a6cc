import { html } from "hono/html";
import type { ConsentPreview } from "../../exact/consent-preview";

/**
 * Shown after Exact's consent, before anything is stored: which zapfloor tenant gets which Exact user's
 * divisions. Only the browser that started the consent gets here, and only its answer counts.
 */
export function confirmConsentPage(input: { state: string; tenantName: string; preview: ConsentPreview }) {
  const { preview } = input;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>zapfloor link — confirm the Exact Online connection</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; color: #1f2937; }
          h1 { font-size: 1.4rem; }
          button { font: inherit; padding: 0.4rem 1rem; margin-right: 0.5rem; }
        </style>
      </head>
      <body>
        <h1>Connect Exact Online to ${input.tenantName}?</h1>
        <p>
          The zapfloor tenant <strong>${input.tenantName}</strong> will read and write these Exact Online
          divisions as <strong>${preview.userName ?? "this Exact user"}</strong>:
        </p>
        <ul>
          ${preview.divisions.map((d) => html`<li>${d.name} <small>(${d.division})</small></li>`)}
        </ul>
        <p>If this is not your zapfloor tenant, cancel: someone may have sent you their link.</p>
        <form method="post" action="/exact/consent">
          <input type="hidden" name="state" value="${input.state}" />
          <button type="submit" name="decision" value="connect">Connect</button>
          <button type="submit" name="decision" value="cancel">Cancel</button>
        </form>
      </body>
    </html>`;
}
