import { z } from "zod";
import { EXACT_HOSTS } from "../exact-hosts";

const budgetWindow = z.object({ limit: z.number(), remaining: z.number(), resetAt: z.number().optional() });

export const connectionSchema = z
  .discriminatedUnion("connected", [
    z.object({ connected: z.literal(false), sandbox: z.boolean() }),
    z.object({
      connected: z.literal(true),
      sandbox: z.boolean(),
      status: z.enum(["active", "needs_reconnect"]),
      host: z.string(),
      user: z.string().nullable(),
      accessTokenExpiresAt: z.string().nullable(),
      lastRefreshAt: z.string().nullable(),
      refreshTokenAgeDays: z.number(),
      refreshTokenExpiresAt: z.string().nullable(),
      lastError: z.string().nullable(),
      warnings: z.array(z.string()),
      divisions: z.array(
        z.object({
          division: z.number(),
          name: z.string(),
          current: z.boolean(),
          lastSyncAt: z.string().nullable(),
          syncStatus: z.string(),
          budget: z.object({ minutely: budgetWindow, daily: budgetWindow }),
        }),
      ),
    }),
  ])
  .meta({ id: "ExactConnection" });
export type ExactConnectionState = z.infer<typeof connectionSchema>;

export const exactHostSchema = z.enum(EXACT_HOSTS);

/** The languages the proxy's consent pages speak, as the extension does. */
export const pageLanguageSchema = z.enum(["en", "nl", "fr"]);
export type PageLanguage = z.infer<typeof pageLanguageSchema>;

export const connectQuerySchema = z.object({
  host: exactHostSchema.default("start.exactonline.nl").meta({
    description: "The Exact Online host of the bookkeeper's country.",
    example: "start.exactonline.be",
  }),
  returnTo: z.url().optional().meta({
    description: "Where the browser goes after the consent (the extension's options page, say).",
    example: "https://app.zapfloor.com/settings/exact",
  }),
  lang: pageLanguageSchema.optional().meta({
    description:
      "The language of the proxy's consent pages (the confirmation, and the page after it), as the bookkeeper chose it in the extension. Without it the pages follow the browser's `Accept-Language`, else English.",
    example: "nl",
  }),
  format: z.enum(["redirect", "json"]).default("redirect").meta({
    description:
      "`json` answers `{authorizeUrl}` instead of redirecting: for callers that cannot follow a redirect.",
    example: "json",
  }),
});

export const connectStartedSchema = z
  .object({ authorizeUrl: z.url(), expiresAt: z.string() })
  .meta({ id: "ConnectStarted" });
