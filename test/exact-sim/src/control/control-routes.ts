import { type Context, Hono } from "hono";
import { z } from "zod";
import { faultRuleSchema } from "../faults/fault-rules";
import { ExactError } from "../http/exact-error";
import type { SimulatorControl } from "./simulator-control";

const seedSchema = z.object({
  seed: z.number().int(),
  divisions: z.array(
    z.object({
      code: z.number().int().positive(),
      name: z.string().min(1),
      accounts: z.number().int().min(0).max(100_000),
      country: z.string().length(2).optional(),
      host: z.string().optional(),
      accountCodeDigits: z.number().int().min(0).max(18).optional(),
    }),
  ),
  fixtureDivisions: z.boolean().optional(),
});
const consentSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("auto"), divisions: z.array(z.number().int()).optional() }),
  z.object({ mode: z.literal("page") }),
  z.object({ mode: z.literal("deny") }),
]);

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const text = await c.req.text();
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ControlError(400, "body is not JSON");
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ControlError(400, z.prettifyError(parsed.error));
  return parsed.data;
}

class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 422,
    message: string,
  ) {
    super(message);
  }
}

const intParam = (c: Context, name: string) => {
  const value = Number(c.req.param(name));
  if (!Number.isInteger(value)) throw new ControlError(400, `${name} must be an integer`);
  return value;
};

/**
 * JSON control API under `/__sim/` for tests driving a simulator in another process. Unprotected by design
 * (a test tool); never mounted under `/api`.
 */
export function controlRoutes(control: SimulatorControl): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ControlError) return c.json({ error: error.message }, error.status);
    if (error instanceof ExactError) {
      const status = error.status === 500 ? 422 : error.status === 404 ? 404 : 400;
      return c.json({ error: error.message, exactStatus: error.status }, status);
    }
    if (error instanceof Error && error.message.startsWith("unknown "))
      return c.json({ error: error.message }, 404);
    return c.json({ error: error instanceof Error ? error.message : String(error) }, 500);
  });

  app.post("/reset", async (c) => {
    const input = await body(c, z.object({ seed: seedSchema.optional() }));
    control.reset(input.seed);
    return c.json({ divisions: control.divisions() });
  });
  app.post("/seed", async (c) => c.json({ divisions: control.seed(await body(c, seedSchema)) }));
  app.get("/divisions", (c) => c.json({ divisions: control.divisions() }));
  app.post("/divisions", async (c) => {
    const input = await body(c, seedSchema.shape.divisions.element);
    return c.json(control.addDivision(input), 201);
  });
  app.put("/divisions/:d/status", async (c) => {
    const change = await body(
      c,
      z.object({ status: z.number().int().optional(), blockingStatus: z.number().int().optional() }),
    );
    control.setDivisionStatus(Number(c.req.param("d")), {
      ...(change.status === undefined ? {} : { status: change.status }),
      ...(change.blockingStatus === undefined ? {} : { blockingStatus: change.blockingStatus }),
    });
    return c.json({ ok: true });
  });
  app.put("/current-division", async (c) => {
    control.setCurrentDivision((await body(c, z.object({ code: z.number().int() }))).code);
    return c.json({ ok: true });
  });

  app.get("/calls", (c) => {
    const q = c.req.query();
    const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
    const calls = control.calls({
      ...(q.method ? { method: q.method } : {}),
      ...(q.endpoint ? { endpoint: q.endpoint } : {}),
      ...(q.division ? { division: num(q.division)! } : {}),
      ...(q.status && q.status !== "4xx" ? { status: num(q.status)! } : {}),
      ...(q.clientId ? { clientId: q.clientId } : {}),
      ...(q.grantType ? { grantType: q.grantType } : {}),
      ...(q.status === "4xx" ? { statusClass: "4xx" as const } : {}),
      ...(q.unexpected === "true" ? { unexpected: true } : {}),
    });
    return c.json({ count: calls.length, calls });
  });
  app.put("/calls/expect-client-errors", async (c) => {
    control.expectClientErrors((await body(c, z.object({ on: z.boolean() }))).on);
    return c.json({ ok: true });
  });
  app.get("/calls/summary", (c) => c.json(control.callSummary()));
  app.delete("/calls", (c) => {
    control.resetCalls();
    return c.json({ ok: true });
  });
  app.get("/error-budget", (c) => c.json({ entries: control.errorBudget() }));

  app.get("/clock", (c) => c.json({ now: control.now(), iso: new Date(control.now()).toISOString() }));
  app.post("/clock/advance", async (c) => {
    const { ms } = await body(c, z.object({ ms: z.number() }));
    return c.json({ now: control.advanceClock(ms) });
  });
  app.put("/clock", async (c) => {
    const { now } = await body(c, z.object({ now: z.number() }));
    return c.json({ now: control.setClock(now) });
  });

  app.get("/faults", (c) => c.json({ faults: control.faults() }));
  app.post("/faults", async (c) => c.json(control.addFault(await body(c, faultRuleSchema)), 201));
  app.delete("/faults/:id", (c) => c.json({ removed: control.removeFault(c.req.param("id")) }));
  app.delete("/faults", (c) => {
    control.clearFaults();
    return c.json({ ok: true });
  });

  app.get("/rate-limits", (c) => {
    const { clientId, division } = c.req.query();
    if (!clientId || !division) throw new ControlError(400, "clientId and division are required");
    return c.json(control.rateLimitUsage(clientId, Number(division)));
  });
  app.put("/rate-limits", async (c) => {
    control.setRateLimits(
      await body(
        c,
        z.object({ minutely: z.number().int().min(0).optional(), daily: z.number().int().min(0).optional() }),
      ),
    );
    return c.json({ ok: true });
  });
  app.delete("/rate-limits", (c) => {
    control.resetRateLimits();
    return c.json({ ok: true });
  });

  const origin = (c: Context) => new URL(c.req.url).origin;
  app.get("/divisions/:division/accounts", (c) => {
    const division = intParam(c, "division");
    const limit = Number(c.req.query("limit") ?? 1000);
    const offset = Number(c.req.query("offset") ?? 0);
    const all = control.accounts(division);
    return c.json({
      total: all.length,
      accounts: all.slice(offset, offset + limit).map((a) => control.renderAccount(a, origin(c))),
    });
  });
  app.get("/divisions/:division/accounts/:id", (c) => {
    const account = control.account(intParam(c, "division"), c.req.param("id"));
    if (!account) throw new ControlError(404, "no such account");
    return c.json(control.renderAccount(account, origin(c)));
  });
  app.post("/divisions/:division/accounts", async (c) => {
    const fields = await body(c, z.record(z.string(), z.unknown()));
    return c.json(
      control.renderAccount(control.insertAccount(intParam(c, "division"), fields), origin(c)),
      201,
    );
  });
  const update = async (c: Context) => {
    const fields = await body(c, z.record(z.string(), z.unknown()));
    return c.json(
      control.renderAccount(
        control.updateAccount(intParam(c, "division"), c.req.param("id")!, fields),
        origin(c),
      ),
    );
  };
  app.put("/divisions/:division/accounts/:id", update);
  app.patch("/divisions/:division/accounts/:id", update);
  app.delete("/divisions/:division/accounts/:id", (c) => {
    control.deleteAccount(intParam(c, "division"), c.req.param("id"));
    return c.json({ ok: true });
  });

  app.get("/divisions/:division/sales-entries", (c) =>
    c.json({ salesEntries: control.salesEntries(intParam(c, "division")) }),
  );
  app.post("/divisions/:division/sales-entries/:entry/paid", async (c) => {
    const { amount } = await body(c, z.object({ amount: z.number().optional() }));
    return c.json(control.markSalesEntryPaid(intParam(c, "division"), c.req.param("entry"), amount));
  });
  app.delete("/divisions/:division/sales-entries/:entry/paid", (c) =>
    c.json(control.markSalesEntryUnpaid(intParam(c, "division"), c.req.param("entry"))),
  );

  app.get("/tokens", (c) => c.json({ grants: control.grants() }));
  app.post("/tokens", async (c) => {
    const input = await body(
      c,
      z.object({ clientId: z.string().optional(), divisions: z.array(z.number().int()).optional() }),
    );
    return c.json(control.issueTokens(input), 201);
  });
  app.post("/tokens/expire-access", async (c) => {
    const { grantId } = await body(c, z.object({ grantId: z.string().optional() }));
    return c.json({ expired: control.expireAccessTokens(grantId) });
  });
  app.post("/tokens/expire-refresh", async (c) => {
    const { grantId } = await body(c, z.object({ grantId: z.string().optional() }));
    return c.json({ expired: control.expireRefreshTokens(grantId) });
  });
  app.delete("/tokens/:grantId", (c) => c.json({ revoked: control.revokeGrant(c.req.param("grantId")) }));

  app.get("/consent", (c) => c.json(control.consent()));
  app.put("/consent", async (c) => {
    control.setConsent(await body(c, consentSchema));
    return c.json({ ok: true });
  });

  app.get("/webhooks/subscriptions", (c) => c.json({ subscriptions: control.webhookSubscriptions() }));
  app.get("/webhooks/deliveries", (c) => c.json({ deliveries: control.webhookDeliveries() }));
  app.post("/webhooks/flush", async (c) => {
    await control.flushWebhooks();
    return c.json({ ok: true });
  });

  return app;
}
