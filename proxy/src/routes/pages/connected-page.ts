import { html } from "hono/html";
import { PAIRING_CODE_TTL_MS } from "../../services/pairing/create-pairing-code";
import type { PageLanguage } from "./page-language";
import { type PageMessages, type PageProblem, pageMessages } from "./page-messages";

type Outcome =
  | {
      ok: true;
      user: string | null;
      divisions: { division: number; name: string }[];
      /** A fresh pairing code for the browser extension, and the proxy URL it goes with. */
      pairing?: { code: string; expiresAt: number; proxyUrl: string } | null;
    }
  /** `exactMessage`: what Exact said when it gave no consent, verbatim. */
  | { ok: false; problem: PageProblem; exactMessage?: string };

/**
 * The page a bookkeeper sees in the browser tab after Exact Online's consent screen. A refusal says to start
 * again, unless the app's registration is at fault: a new consent would not help then.
 */
export function connectedPage(lang: PageLanguage, outcome: Outcome) {
  const m = pageMessages[lang];
  const body = outcome.ok
    ? html`<h1>${m.connectedHeading}</h1>
        <p>${outcome.user ? html`${m.signedInAs(outcome.user)} ` : ""}${m.mirroredDivisions}</p>
        <ul>
          ${outcome.divisions.map((d) => html`<li>${d.name} <small>(${d.division})</small></li>`)}
        </ul>
        ${outcome.pairing ? pairingSection(m, outcome.pairing) : ""}
        <p>${m.closeTab}</p>`
    : html`<h1>${m.notConnectedHeading}</h1>
        <p>${m.problems[outcome.problem]}</p>
        ${outcome.exactMessage ? html`<p><small>${m.exactSaid(outcome.exactMessage)}</small></p>` : ""}
        ${outcome.problem === "app_rejected" ? "" : html`<p>${m.startAgain}</p>`}`;
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <title>${m.title}</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; color: #1f2937; }
          h1 { font-size: 1.4rem; color: ${outcome.ok ? "#0b6e4f" : "#b42318"}; }
          summary { display: inline-block; cursor: pointer; padding: 6px 12px; border-radius: 4px; background: #0b6e4f; color: #fff; font-weight: 600; }
          summary:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
          output { display: block; font: 600 1.6rem/1.4 ui-monospace, monospace; letter-spacing: 0.1em; margin: 0.5rem 0; }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}

/**
 * The extension's one-step setup: a button that shows a single-use code, valid for 10 minutes, and the proxy URL to
 * type with it in the extension's options page. The page is only served to the browser that confirmed the consent.
 */
function pairingSection(m: PageMessages, pairing: { code: string; expiresAt: number; proxyUrl: string }) {
  return html`<details>
    <summary>${m.pairSummary}</summary>
    <p>${m.pairHelp}</p>
    <dl>
      <dt>${m.proxyUrl}</dt>
      <dd><code data-proxy-url>${pairing.proxyUrl}</code></dd>
      <dt>${m.pairingCode}</dt>
      <dd><output data-pairing-code>${pairing.code}</output></dd>
    </dl>
    <p>${m.codeValidity(PAIRING_CODE_TTL_MS / 60_000)}</p>
  </details>`;
}
