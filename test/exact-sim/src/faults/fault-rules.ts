import { z } from "zod";

/**
 * What a fault does to a matching request:
 * - `status`: answer 500/502/503 without running the request;
 * - `drop`: destroy the connection without answering;
 * - `rateLimit`: answer 429 with minutely rate-limit headers (a burst);
 * - `statusAfterWrite` / `dropAfterWrite`: run the request (the write happens), then answer 5xx / drop.
 * Latency (`latencyMs`) applies on its own or before any of these.
 */
export const faultActionSchema = z.enum([
  "status",
  "drop",
  "rateLimit",
  "statusAfterWrite",
  "dropAfterWrite",
]);
export type FaultAction = z.infer<typeof faultActionSchema>;

export const faultRuleSchema = z
  .object({
    id: z.string().optional(),
    /** HTTP method, default any. */
    method: z.string().optional(),
    /**
     * Glob over the request path (`*` = any characters). Without a leading `/` it matches the end of the path:
     * `crm/Accounts*` matches `/api/v1/123/crm/Accounts(guid'…')`; `oauth2/token` matches the token endpoint.
     */
    path: z.string().min(1),
    division: z.number().int().optional(),
    latencyMs: z.number().int().min(0).optional(),
    action: faultActionSchema.optional(),
    status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
    /** Fire this many times, then retire. */
    times: z.number().int().min(1).optional(),
    /** Fire with this probability (seeded PRNG). */
    probability: z.number().min(0).max(1).optional(),
  })
  .refine((rule) => rule.action !== undefined || rule.latencyMs !== undefined, {
    message: "a fault needs an action or latencyMs",
  });

export type FaultRule = z.infer<typeof faultRuleSchema>;

export interface ActiveFault extends FaultRule {
  id: string;
  /** How many times it has fired. */
  fired: number;
}
