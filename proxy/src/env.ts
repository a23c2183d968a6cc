import { z } from "zod";
import { fieldLimitsFrom } from "./exact/field-limits";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((value) => value.replace(/\/+$/, ""));

const secretKey = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{43,}={0,2}$/, "must be 32 random bytes, base64 encoded")
    .optional(),
);

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z
  .object({
    PORT: port.default(8787),
    /** Unset: all interfaces with a real Exact app, loopback only in sandbox mode. */
    HOST: optionalText,
    DATABASE_URL: z
      .string()
      .regex(
        /^(file:|libsql:|https?:|wss?:|:memory:$)/,
        "must be a libSQL URL (file:…, libsql://…, http(s)://…)",
      )
      .default("file:./data/zapfloor-exact.db"),
    DATABASE_AUTH_TOKEN: optionalText,
    SECRET_KEY: secretKey,
    /** The key being rotated away from: still opens what it sealed (see `pnpm cli secret rotate`). */
    SECRET_KEY_PREVIOUS: secretKey,
    EXACT_CLIENT_ID: optionalText,
    EXACT_CLIENT_SECRET: optionalText,
    EXACT_REDIRECT_URI: httpUrl.optional(),
    EXACT_WEBHOOK_SECRET: optionalText,
    EXACT_BASE_URL: httpUrl.optional(),
    EXACT_SEARCH_CODE_MAX_LENGTH: z.coerce.number().int().min(1).max(30).default(9),
    /** Changes to Exact's unconfirmed field lengths, e.g. `Account.Name=100,SalesEntry.Description=255`. */
    EXACT_FIELD_LIMITS: optionalText.superRefine((value, ctx) => {
      try {
        fieldLimitsFrom(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
    PUBLIC_URL: httpUrl.optional(),
    SIM_PORT: port.default(8788),
    /** Calls per minute and division the sandbox simulator allows; Exact's own limit by default. */
    SIM_MINUTELY_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
    SYNC_INTERVAL_MINUTES: z.coerce.number().positive().max(1440).default(15),
    /** How often the sales-entry worker looks for due entries when nothing woke it. */
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
    /** How long a claimed entry stays reserved for its worker without renewal; must outlast any one Exact call. */
    OUTBOX_LEASE_MS: z.coerce.number().int().min(200).max(3_600_000).default(120_000),
    /** The first wait after a failed push attempt, doubling per attempt (up to 30 minutes). */
    OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    /** The least wait after a POST whose outcome is unknown (no answer, a 5xx) before Exact is asked by YourRef. */
    OUTBOX_UNKNOWN_OUTCOME_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    /**
     * 1: look every sales entry up in Exact by `YourRef` before its first POST, not only those an earlier POST
     * may have reached: for after restoring a database backup, until what was submitted since is pushed again.
     */
    OUTBOX_LOOK_UP_FIRST: z
      .enum(["0", "1"])
      .default("0")
      .transform((value) => value === "1"),
    PAID_CHECK_MINUTES: z.coerce.number().positive().max(10_080).default(60),
    /** Memory the divisions' in-memory account indexes may take per process; least recently used ones are evicted. */
    INDEX_MEMORY_MB: z.coerce.number().int().min(16).max(65_536).default(512),
    /** Requests a minute one API token may send to one proxy process; over it: 429 with Retry-After. */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    /** How often the webhook worker looks for due deliveries. */
    WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    /** A receiver must answer 2xx within this long, or the attempt failed. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Exponential backoff between attempts: from this… */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
    /** …doubling up to this. */
    WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(3_600_000),
    /** An endpoint that took nothing for this long, retried throughout, is paused. */
    WEBHOOK_PAUSE_AFTER_HOURS: z.coerce.number().positive().max(720).default(24),
    /** Deliveries in flight at once per proxy process. */
    WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const app = [env.EXACT_CLIENT_ID, env.EXACT_CLIENT_SECRET];
    if (app.some(Boolean) && !app.every(Boolean)) {
      const missing = env.EXACT_CLIENT_ID ? "EXACT_CLIENT_SECRET" : "EXACT_CLIENT_ID";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "is required when the other Exact app setting is set",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses the environment once; the first problem becomes one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `${String(issue.path[0] ?? "environment")}: ${issue.message}`,
  );
  throw new EnvError(`Invalid configuration — ${lines.join("; ")}`);
}
