import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { pairedTokenSchema, pairingExchangeRequestSchema } from "@zapfloor-exact/shared/schemas/pairing";
import type { AppEnv } from "../context";
import { exchangePairingCode } from "../services/pairing/exchange-pairing-code";
import { access, errors } from "./openapi";

const exchangeRoute = createRoute({
  method: "post",
  path: "/v1/pairing/exchange",
  tags: ["pairing"],
  summary: "Exchange a pairing code for a bookkeeper token (the extension's one-step setup)",
  ...access(
    "none",
    "The code itself is the credential: single use, valid for 10 minutes, stored hashed. Wrong codes are counted " +
      "across every caller; past 20 a minute every exchange answers 429 until the minute is over.",
  ),
  request: {
    body: { content: { "application/json": { schema: pairingExchangeRequestSchema } }, required: true },
  },
  responses: {
    200: {
      description: "A new bookkeeper token, shown only now.",
      content: { "application/json": { schema: pairedTokenSchema } },
    },
    ...errors(400, 429),
  },
});

export function pairingRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(exchangeRoute, async (c) =>
    c.json(await exchangePairingCode(c.get("deps"), c.req.valid("json").code), 200),
  );
}
