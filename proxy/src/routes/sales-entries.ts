import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import { divisionParamSchema } from "@zapfloor-exact/shared/schemas/divisions";
import {
  invoiceSchema,
  salesEntryListQuerySchema,
  salesEntryListSchema,
  salesEntryParamSchema,
  salesEntrySchema,
} from "@zapfloor-exact/shared/schemas/sales-entries";
import type { AppEnv } from "../context";
import { anyRole, requireRole } from "../middleware/auth";
import { getEntry } from "../services/sales-entries/get-entry";
import { listEntries } from "../services/sales-entries/list-entries";
import { retryEntry } from "../services/sales-entries/retry-entry";
import { submitInvoice } from "../services/sales-entries/submit-invoice";
import { access, errors } from "./openapi";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const submitRoute = createRoute({
  method: "put",
  path: "/v1/divisions/{division}/sales-entries/{invoiceNumber}",
  tags: ["sales entries"],
  summary: "Submit a zapfloor invoice or credit note for booking in Exact",
  ...access(
    "integration",
    "Checks everything first without calling Exact — the division's GL and VAT mappings, the journal, that the " +
      "lines plus their VAT (rounded per line, half away from zero) equal `totalInclVat` — and lists every problem. " +
      "Then queues it and answers 202; a background worker books it exactly once. Idempotent by invoice number: " +
      "the same invoice again answers with the stored entry; a different invoice under a number that is being or " +
      "has been booked is `409` (a queued, failed or parked one is replaced). Credit notes carry negative amounts. " +
      "While the division's `autoPush` setting is off, entries wait in `queued` until it is switched on.",
  ),
  middleware: [requireRole("integration")] as const,
  request: { params: salesEntryParamSchema, body: { content: json(invoiceSchema), required: true } },
  responses: {
    202: { description: "Queued (or already there): the entry.", content: json(salesEntrySchema) },
    ...errors(400, 401, 403, 404, 409),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/sales-entries/{invoiceNumber}",
  tags: ["sales entries"],
  summary: "One entry: its state, attempts, last error, Exact entry and paid state",
  ...access("any"),
  middleware: [anyRole] as const,
  request: { params: salesEntryParamSchema },
  responses: {
    200: { description: "The entry, with the invoice as submitted.", content: json(salesEntrySchema) },
    ...errors(400, 401, 404),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/v1/divisions/{division}/sales-entries",
  tags: ["sales entries"],
  summary: "The division's entries in invoice-number order, e.g. every failed one",
  ...access("any"),
  middleware: [anyRole] as const,
  request: { params: divisionParamSchema, query: salesEntryListQuerySchema },
  responses: {
    200: { description: "A page of entries.", content: json(salesEntryListSchema) },
    ...errors(400, 401, 404),
  },
});

const retryRoute = createRoute({
  method: "post",
  path: "/v1/divisions/{division}/sales-entries/{invoiceNumber}/retry",
  tags: ["sales entries"],
  summary: "Queue a failed or parked entry again once its cause is fixed",
  ...access(
    "any",
    "A failed or `needs_review` entry is queued again with a fresh attempt count; a queued one is made due now. " +
      "The worker looks the invoice up in Exact before posting, so a retry never books it twice.",
  ),
  middleware: [requireRole("bookkeeper", "integration")] as const,
  request: { params: salesEntryParamSchema },
  responses: {
    202: { description: "Queued.", content: json(salesEntrySchema) },
    ...errors(400, 401, 403, 404, 409),
  },
});

export function salesEntryRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(submitRoute, async (c) => {
      const { division, invoiceNumber } = c.req.valid("param");
      const deps = c.get("deps");
      const { entry, accepted } = await submitInvoice(deps, {
        tenantId: c.get("caller").tenantId,
        division,
        invoiceNumber,
        invoice: c.req.valid("json"),
      });
      if (accepted) deps.jobs.pushSoon();
      return c.json(entry, 202);
    })
    .openapi(getRoute, async (c) => {
      const { division, invoiceNumber } = c.req.valid("param");
      return c.json(
        await getEntry(c.get("deps"), { tenantId: c.get("caller").tenantId, division, invoiceNumber }),
        200,
      );
    })
    .openapi(listRoute, async (c) => {
      const { division } = c.req.valid("param");
      const query = c.req.valid("query");
      const page = await listEntries(c.get("deps"), {
        tenantId: c.get("caller").tenantId,
        division,
        limit: query.limit,
        ...(query.state ? { state: query.state } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return c.json(page, 200);
    })
    .openapi(retryRoute, async (c) => {
      const { division, invoiceNumber } = c.req.valid("param");
      const deps = c.get("deps");
      const entry = await retryEntry(deps, { tenantId: c.get("caller").tenantId, division, invoiceNumber });
      deps.jobs.pushSoon();
      return c.json(entry, 202);
    });
}
