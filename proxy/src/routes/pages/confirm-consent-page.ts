import { html } from "hono/html";
import type { ConsentPreview } from "../../exact/consent-preview";
import type { PageLanguage } from "./page-language";
import { pageMessages } from "./page-messages";

/**
 * Shown after Exact's consent, before anything is stored: which zapfloor tenant gets which Exact user's
 * divisions. Only the browser that started the consent gets here, and only its answer counts.
 */
export function confirmConsentPage(
  lang: PageLanguage,
  input: { state: string; tenantName: string; preview: ConsentPreview },
) {
  const { preview } = input;
  const m = pageMessages[lang];
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <title>${m.confirmTitle}</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; color: #1f2937; }
          h1 { font-size: 1.4rem; }
          button { font: inherit; padding: 0.4rem 1rem; margin-right: 0.5rem; }
        </style>
      </head>
      <body>
        <h1>${m.confirmHeading(input.tenantName)}</h1>
        <p>${m.confirmIntro(input.tenantName, html`${preview.userName ?? m.thisExactUser}`)}</p>
        <ul>
          ${preview.divisions.map((d) => html`<li>${d.name} <small>(${d.division})</small></li>`)}
        </ul>
        <p>${m.notYourTenant}</p>
        <form method="post" action="/exact/consent">
          <input type="hidden" name="state" value="${input.state}" />
          <button type="submit" name="decision" value="connect">${m.connect}</button>
          <button type="submit" name="decision" value="cancel">${m.cancel}</button>
        </form>
      </body>
    </html>`;
}
