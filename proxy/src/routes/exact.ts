import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  connectionSchema,
  connectQuerySchema,
  connectStartedSchema,
} from "@zapfloor-exact/shared/schemas/connection";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../context";
import { AppError } from "../errors";
import { anyRole, requireRole } from "../middleware/auth";
import { confirmConsent } from "../services/exact-connection/confirm-consent";
import { consentLanguage } from "../services/exact-connection/consent-language";
import { getConnection } from "../services/exact-connection/get-connection";
import { openConsent } from "../services/exact-connection/open-consent";
import { receiveConsent } from "../services/exact-connection/receive-consent";
import { startConnect } from "../services/exact-connection/start-connect";
import { access, errors } from "./openapi";
import { confirmConsentPage } from "./pages/confirm-consent-page";
import { connectedPage } from "./pages/connected-page";
import { type PageLanguage, pickPageLanguage } from "./pages/page-language";
import { pageProblemOf } from "./pages/page-problem";

/** Holds the nonce binding a consent to the browser that opened it; only sent back to the consent pages. */
const CONSENT_COOKIE = "zapfloor_consent";
const stateQuery = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: "The one-time state of the consent.", example: "k3Jx9QyZ2vR7tW1m" });

const connectRoute = createRoute({
  method: "get",
  path: "/v1/exact/connect",
  tags: ["exact"],
  summary: "Start connecting Exact Online (OAuth consent)",
  ...access("bookkeeper"),
  middleware: [requireRole("bookkeeper")] as const,
  request: { query: connectQuerySchema },
  responses: {
    302: {
      description:
        "Redirect to the proxy's consent page (`authorizeUrl`), which binds the consent to the browser opening it and goes on to Exact Online.",
    },
    200: {
      description: "With `format=json`: the URL for the bookkeeper's browser to open.",
      content: { "application/json": { schema: connectStartedSchema } },
    },
    ...errors(400, 401, 403),
  },
});

/** Answers that are an HTML page shown in the bookkeeper's browser, by status, each with its description. */
function pageAnswers<S extends number>(descriptions: Record<S, string>) {
  const html = { "text/html": { schema: z.string() } };
  return Object.fromEntries(
    Object.entries<string>(descriptions).map(([status, description]) => [
      status,
      { description, content: html },
    ]),
  ) as Record<S, { description: string; content: typeof html }>;
}

const openRoute = createRoute({
  method: "get",
  path: "/exact/consent",
  tags: ["exact"],
  summary: "Open a consent in this browser",
  ...access(
    "none",
    "The first browser to open the link gets an HttpOnly cookie binding the consent to it, and goes on to Exact Online's consent page. A second opening is refused.",
  ),
  request: { query: z.object({ state: stateQuery }) },
  responses: {
    302: { description: "To Exact Online's consent page." },
    ...pageAnswers({ 400: "Already opened, used or expired." }),
  },
});

const callbackRoute = createRoute({
  method: "get",
  path: "/exact/callback",
  tags: ["exact"],
  summary: "Exact Online's OAuth redirect target",
  ...access(
    "none",
    "Only in the browser that opened the consent: exchanges the code and shows which tenant, Exact user and divisions would be connected. Nothing is stored until the bookkeeper confirms.",
  ),
  request: {
    query: z.object({
      code: z.string().min(1).optional().meta({
        description: "Exact's authorization code, exchanged for tokens.",
        example: "stampNL001.gAAAAJx3",
      }),
      state: stateQuery,
      error: z
        .string()
        .optional()
        .meta({ description: "Set by Exact when the consent was refused.", example: "access_denied" }),
      error_description: z
        .string()
        .optional()
        .meta({ description: "Exact's explanation of `error`.", example: "The user denied access." }),
    }),
  },
  responses: {
    ...pageAnswers({
      200: "The confirmation page.",
      400: "Refused, used or expired.",
      403: "Started in another browser.",
      502: "Exact Online refused the code.",
    }),
  },
});

const confirmRoute = createRoute({
  method: "post",
  path: "/exact/consent",
  tags: ["exact"],
  summary: "Confirm or cancel a received consent",
  ...access("none", "Only from the browser that opened the consent (its cookie)."),
  request: {
    body: {
      content: {
        "application/x-www-form-urlencoded": {
          schema: z.object({
            state: stateQuery,
            decision: z
              .enum(["connect", "cancel"])
              .meta({ description: "The bookkeeper's answer on the confirmation page.", example: "connect" }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    ...pageAnswers({
      200: "The connection is stored (or the consent cancelled).",
      400: "Used or expired.",
      403: "Not the browser that started the consent.",
    }),
    302: { description: "Back to `returnTo` when the consent was started with one." },
  },
});

const connectionRoute = createRoute({
  method: "get",
  path: "/v1/exact/connection",
  tags: ["exact"],
  summary: "The Exact Online connection: state, divisions, token ages, call budget",
  ...access("any"),
  middleware: [anyRole] as const,
  responses: {
    200: {
      description: "The connection state.",
      content: { "application/json": { schema: connectionSchema } },
    },
    ...errors(401),
  },
});

export function exactRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(connectRoute, async (c) => {
      const { host, returnTo, lang, format } = c.req.valid("query");
      const started = await startConnect(c.get("deps"), {
        tenantId: c.get("caller").tenantId,
        host,
        ...(returnTo ? { returnTo } : {}),
        ...(lang ? { lang } : {}),
      });
      if (format === "json") {
        return c.json(
          { authorizeUrl: started.consentUrl, expiresAt: new Date(started.expiresAt).toISOString() },
          200,
        );
      }
      return c.redirect(started.consentUrl, 302);
    })
    .openapi(openRoute, async (c) =>
      asPage(c, c.req.valid("query").state, async () => {
        const deps = c.get("deps");
        const opened = await openConsent(deps, c.req.valid("query").state);
        setCookie(c, CONSENT_COOKIE, opened.nonce, {
          httpOnly: true,
          sameSite: "Lax",
          secure: deps.publicUrl.startsWith("https:"),
          path: "/exact",
          maxAge: Math.max(1, Math.floor((opened.expiresAt - deps.clock.now()) / 1000)),
        });
        return c.redirect(opened.authorizeUrl, 302);
      }),
    )
    .openapi(callbackRoute, async (c) =>
      asPage(c, c.req.valid("query").state, async (lang) => {
        const query = c.req.valid("query");
        if (query.error || !query.code) {
          const exactSaid = query.error_description ?? query.error;
          return c.html(
            connectedPage(lang, {
              ok: false,
              problem: "not_given",
              ...(exactSaid ? { exactMessage: exactSaid } : {}),
            }),
            400,
          );
        }
        const received = await receiveConsent(c.get("deps"), {
          state: query.state,
          code: query.code,
          browserNonce: getCookie(c, CONSENT_COOKIE),
        });
        return c.html(confirmConsentPage(lang, { state: query.state, ...received }), 200);
      }),
    )
    .openapi(confirmRoute, async (c) =>
      asPage(c, c.req.valid("form").state, async (lang) => {
        const deps = c.get("deps");
        const { state, decision } = c.req.valid("form");
        const finished = await confirmConsent(deps, {
          state,
          browserNonce: getCookie(c, CONSENT_COOKIE),
          connect: decision === "connect",
        });
        deleteCookie(c, CONSENT_COOKIE, { path: "/exact" });
        if (!finished) return c.html(connectedPage(lang, { ok: false, problem: "cancelled" }), 200);
        for (const { division } of finished.divisions) deps.jobs.syncSoon(finished.tenantId, division);
        if (finished.returnTo) return c.redirect(finished.returnTo, 302);
        const pairing = finished.pairing && { ...finished.pairing, proxyUrl: deps.publicUrl };
        return c.html(
          connectedPage(lang, { ok: true, user: finished.userName, divisions: finished.divisions, pairing }),
          200,
        );
      }),
    )
    .openapi(connectionRoute, async (c) =>
      c.json(await getConnection(c.get("deps"), c.get("caller").tenantId), 200),
    );
}

/**
 * The consent pages are seen in a browser tab: a refusal is a readable page, not the API's JSON. They speak the
 * language the consent was started with, else the browser's.
 */
async function asPage<R>(
  c: Context<AppEnv>,
  state: string,
  page: (lang: PageLanguage) => Promise<R>,
): Promise<R | Response> {
  // A language that cannot be read is no reason to fail the page; the consent itself then says what is wrong.
  const carried = await consentLanguage(c.get("deps"), state).catch(() => null);
  const lang = pickPageLanguage(carried, c.req.header("accept-language"));
  try {
    return await page(lang);
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "internal") throw error;
    return c.html(connectedPage(lang, { ok: false, problem: pageProblemOf(error) }), error.status);
  }
}
