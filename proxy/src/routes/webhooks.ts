import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../context";
import { divisions } from "../db/schema";
import { AppError } from "../errors";
import { normaliseGuid } from "../exact/odata";
import { createReplayMemory } from "../security/replay-memory";
import { verifyWebhookSignature } from "../security/webhook-signature";
import { accountDeletedInExact } from "../services/mirror/account-deleted";
import { access, errors } from "./openapi";

const delivery = z.object({
  Content: z.object({
    Topic: z.string(),
    Division: z.number().int(),
    Action: z.string(),
    Key: z.string(),
  }),
});

const route = createRoute({
  method: "post",
  path: "/webhooks/exact",
  tags: ["webhooks"],
  summary: "Exact Online webhook receiver",
  ...access(
    "none",
    "Answers Exact's empty validation POST; verifies `HashCode` on every delivery; refreshes the account it names, or marks it deleted without calling Exact when the action is Delete.",
  ),
  responses: {
    200: {
      description: "Received.",
      content: { "application/json": { schema: z.object({ received: z.boolean() }) } },
    },
    ...errors(400, 401),
  },
});

/** Exact retries an unanswered delivery within minutes; a replay of the same signed bytes is dropped. */
const REPLAY_TTL_MS = 15 * 60_000;

export function webhookRoutes() {
  let replays: ReturnType<typeof createReplayMemory> | undefined;
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const raw = await c.req.text();
    // Right after a subscription is made, Exact posts an empty body and expects a 2xx. [§7, I-hookdeck-152]
    if (raw.trim() === "") return c.json({ received: true }, 200);

    const deps = c.get("deps");
    const secret = deps.exact.app.webhookSecret;
    if (!secret || !verifyWebhookSignature(raw, secret)) {
      throw new AppError("unauthorized", "The webhook signature does not match.");
    }
    replays ??= createReplayMemory({ ttlMs: REPLAY_TTL_MS, capacity: 50_000, now: () => deps.clock.now() });
    if (!replays.firstTime(raw)) return c.json({ received: true }, 200);
    const parsed = delivery.safeParse(JSON.parse(raw));
    if (!parsed.success)
      throw new AppError("validation", "The webhook body is not an Exact Online delivery.");
    const { Topic, Division, Key, Action } = parsed.data.Content;
    if (Topic !== "Accounts") return c.json({ received: true }, 200);

    const accountId = normaliseGuid(Key);
    const covered = await deps.db.select().from(divisions).where(eq(divisions.division, Division));
    for (const row of covered.filter((d) => d.accessible)) {
      const target = { tenantId: row.tenantId, division: Division, accountId };
      if (Action.toLowerCase() === "delete") await accountDeletedInExact(deps, target);
      else deps.jobs.refreshAccountSoon(row.tenantId, Division, accountId);
    }
    return c.json({ received: true }, 200);
  });
}
