import type { Context } from "hono";
import { Hono } from "hono";
import { runCall } from "../api/call-pipeline";
import { jsonResponse } from "../http/responses";
import type { SimRuntime } from "../runtime";
import { findApp, redirectAllowed, redirectWith } from "./apps";
import { consentPage } from "./consent-page";
import { TokenEndpointError } from "./token-error";

/** `/api/oauth2/auth`, the consent form it may show, and `/api/oauth2/token` [exact-online-api.md §1]. */
export function oauthRoutes(runtime: SimRuntime): Hono {
  const app = new Hono();

  app.get("/auth", (c) =>
    runCall(runtime, c, async (trace) => {
      const q = c.req.query();
      const clientApp = findApp(runtime.options.apps, q.client_id);
      if (!clientApp) return c.html(errorPage("Onbekende applicatie (client_id)."), 400);
      trace.clientId = clientApp.clientId;
      const redirectUri = q.redirect_uri ?? "";
      if (!redirectUri || !redirectAllowed(clientApp, redirectUri)) {
        return c.html(
          errorPage("De redirect_uri komt niet overeen met de registratie van de applicatie."),
          400,
        );
      }
      const responseType = q.response_type ?? "code";
      if (responseType !== "code" && responseType !== "token") {
        return c.redirect(
          redirectWith(redirectUri, { error: "unsupported_response_type", state: q.state }),
          302,
        );
      }
      const behaviour = runtime.consent.behaviour;
      if (behaviour.mode === "deny") {
        return c.redirect(redirectWith(redirectUri, { error: "access_denied", state: q.state }), 302);
      }
      if (behaviour.mode === "page") {
        const divisions = [...runtime.state.divisions.values()];
        return c.html(
          consentPage(
            { clientId: clientApp.clientId, redirectUri, responseType, state: q.state },
            divisions,
            runtime.ctx.user.fullName,
          ),
        );
      }
      const divisions = behaviour.divisions ?? [...runtime.state.divisions.keys()];
      return c.redirect(
        grantRedirect(runtime, clientApp.clientId, redirectUri, responseType, divisions, q.state),
        302,
      );
    }),
  );

  app.post("/consent", (c) =>
    runCall(runtime, c, async (trace) => {
      const form = new URLSearchParams(await c.req.text());
      const clientApp = findApp(runtime.options.apps, form.get("client_id") ?? undefined);
      const redirectUri = form.get("redirect_uri") ?? "";
      if (!clientApp || !redirectAllowed(clientApp, redirectUri))
        return c.html(errorPage("Ongeldig verzoek."), 400);
      trace.clientId = clientApp.clientId;
      const state = form.get("state") || undefined;
      if (form.get("decision") !== "allow") {
        return c.redirect(redirectWith(redirectUri, { error: "access_denied", state }), 302);
      }
      const divisions = form
        .getAll("division")
        .map(Number)
        .filter((d) => runtime.state.division(d));
      const responseType = form.get("response_type") === "token" ? "token" : "code";
      return c.redirect(
        grantRedirect(runtime, clientApp.clientId, redirectUri, responseType, divisions, state),
        302,
      );
    }),
  );

  app.post("/token", (c) =>
    runCall(runtime, c, async (trace) => {
      const form = new URLSearchParams(await c.req.text());
      const basic = basicCredentials(c);
      const clientId = form.get("client_id") ?? basic?.clientId ?? undefined;
      const clientSecret = form.get("client_secret") ?? basic?.clientSecret ?? undefined;
      const grantType = form.get("grant_type") ?? "";
      trace.grantType = grantType;
      const clientApp = findApp(runtime.options.apps, clientId);
      if (!clientApp || clientApp.clientSecret !== clientSecret) {
        throw new TokenEndpointError(400, "invalid_client", "Invalid client credentials.");
      }
      trace.clientId = clientApp.clientId;
      const perDay = runtime.options.rateLimits.tokenCallsPerDay;
      if (perDay !== null && runtime.tokens.countTokenCall(clientApp.clientId) > perDay) {
        // Exact allows 200 token calls per app and user a day [S12a]; the refusal's wording is UNCONFIRMED.
        throw new TokenEndpointError(
          400,
          "access_denied",
          "Rate limit exceeded: too many token requests today",
        );
      }
      const headers = { "Cache-Control": "no-store" };
      if (grantType === "authorization_code") {
        const code = form.get("code");
        if (!code) throw new TokenEndpointError(400, "invalid_request", "The code parameter is missing.");
        const pair = runtime.tokens.exchangeCode(
          clientApp.clientId,
          code,
          form.get("redirect_uri") ?? undefined,
        );
        return jsonResponse(pair, 200, headers);
      }
      if (grantType === "refresh_token") {
        const refreshToken = form.get("refresh_token");
        if (!refreshToken)
          throw new TokenEndpointError(400, "invalid_request", "The refresh_token parameter is missing.");
        return jsonResponse(runtime.tokens.refresh(clientApp.clientId, refreshToken), 200, headers);
      }
      throw new TokenEndpointError(
        400,
        "unsupported_grant_type",
        `The grant type '${grantType}' is not supported.`,
      );
    }),
  );

  return app;
}

function grantRedirect(
  runtime: SimRuntime,
  clientId: string,
  redirectUri: string,
  responseType: string,
  divisions: number[],
  state: string | undefined,
): string {
  const userId = runtime.ctx.user.id;
  if (responseType === "token") {
    const access = runtime.tokens.issueImplicit(clientId, userId, divisions);
    const expiresIn = String(runtime.options.tokens.accessTokenSeconds);
    return redirectWith(
      redirectUri,
      { access_token: access.token, token_type: "bearer", expires_in: expiresIn, state },
      true,
    );
  }
  const code = runtime.tokens.issueCode({ clientId, redirectUri, userId, divisions });
  return redirectWith(redirectUri, { code, state });
}

function basicCredentials(c: Context): { clientId: string; clientSecret: string } | undefined {
  const header = c.req.header("Authorization");
  const match = header ? /^Basic\s+(.+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon)),
    clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

function errorPage(message: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Exact Online</title></head><body><h1>Fout</h1><p>${message}</p></body></html>`;
}
