import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { AppDeps, AppEnv } from "./context";
import { describeError, type StorageErrorCode, storageErrorOf } from "./db/storage-error";
import { AppError, errorBody, validationError } from "./errors";
import { bodyLimits } from "./middleware/body-limits";
import { apiRateLimit } from "./middleware/rate-limit";
import { requestFrame } from "./middleware/request-frame";
import { accountRoutes } from "./routes/accounts";
import { allowedMethods } from "./routes/allowed-methods";
import { attentionRoutes } from "./routes/attention";
import { customerRoutes } from "./routes/customers";
import { divisionRoutes } from "./routes/divisions";
import { docsRoutes } from "./routes/docs/docs";
import { registerEventWebhooks } from "./routes/event-webhooks";
import { eventRoutes } from "./routes/events";
import { exactRoutes } from "./routes/exact";
import { goLiveRoutes } from "./routes/go-live";
import { healthRoutes } from "./routes/health";
import { linkEventRoutes } from "./routes/link-events";
import { pairingRoutes } from "./routes/pairing";
import { salesEntryRoutes } from "./routes/sales-entries";
import { settingsRoutes } from "./routes/settings";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints";
import { webhookRoutes } from "./routes/webhooks";
import { problemsOf, type RequestPart } from "./validation";

const partOf: Record<string, RequestPart> = { json: "body", query: "query", param: "path", header: "header" };

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      // The validator passes what was sent as `data`: what tells a missing field from one of the wrong type.
      const sent = (result as { data?: unknown }).data;
      if (!result.success)
        throw validationError(problemsOf(result.error, partOf[result.target] ?? "body", sent));
    },
  });

  app.use(requestFrame(deps));
  app.use(bodyLimits);
  if (deps.apiRateLimit) app.use("/v1/*", apiRateLimit(deps.apiRateLimit, deps.clock));

  // Chained, so that the app's type carries every route for the typed client (`client.ts`).
  const routes = app
    .route("/", healthRoutes())
    .route("/", exactRoutes())
    .route("/", divisionRoutes())
    .route("/", settingsRoutes())
    .route("/", salesEntryRoutes())
    .route("/", webhookRoutes())
    .route("/", customerRoutes())
    .route("/", accountRoutes())
    .route("/", linkEventRoutes())
    .route("/", attentionRoutes())
    .route("/", webhookEndpointRoutes())
    .route("/", eventRoutes())
    .route("/", pairingRoutes())
    .route("/", goLiveRoutes());

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description:
      "An API token: `integration` for zapfloor's servers, `bookkeeper` for the browser extension.",
  });
  registerEventWebhooks(app);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "zapfloor ↔ Exact Online link",
      version: deps.version,
      description:
        "Links zapfloor customers to Exact Online customer accounts and books zapfloor invoices as Exact sales entries.",
    },
    servers: [{ url: deps.publicUrl }],
  });
  app.route("/", docsRoutes());

  app.notFound((c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length > 0) {
      c.header("Allow", allowed.join(", "));
      const error = new AppError(
        "method_not_allowed",
        `${c.req.path} answers ${allowed.join(", ")}, not ${c.req.method}.`,
      );
      return c.json(errorBody(error, c.get("requestId")), error.status);
    }
    const error = new AppError("not_found", `No route for ${c.req.method} ${c.req.path}.`);
    return c.json(errorBody(error, c.get("requestId")), error.status);
  });

  app.onError((cause, c) => {
    const error = toAppError(cause);
    if (error.code === "internal" || error.code.startsWith("storage_")) {
      deps.logger.error("unhandled error", {
        requestId: c.get("requestId"),
        error: `${cause instanceof Error ? cause.name : "Error"}: ${describeError(cause)}`,
      });
    }
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if ((error.code === "rate_limited" || error.code === "storage_busy") && typeof retryAfter === "number") {
      c.header("Retry-After", String(retryAfter));
    }
    return c.json(errorBody(error, c.get("requestId")), error.status);
  });

  return routes;
}

export type App = ReturnType<typeof createApp>;
/** The app with every route in its type: what `hc<AppType>` builds a typed client from. */
export type AppType = App;

const storageMessages: Record<StorageErrorCode, string> = {
  storage_full: "The proxy's database is full. Quote the request id when reporting it.",
  storage_busy: "The proxy's database is busy. Try again shortly.",
  storage_unavailable: "The proxy's database cannot be written. Quote the request id when reporting it.",
};
const storageDetails: Partial<Record<StorageErrorCode, { retryAfterSeconds: number }>> = {
  storage_busy: { retryAfterSeconds: 2 },
};

function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause;
  if (cause instanceof HTTPException && cause.status < 500) {
    const code = cause.status === 401 ? "unauthorized" : cause.status === 404 ? "not_found" : "validation";
    // What the framework refuses before a schema sees it: a body that is not JSON, or of another media type.
    const said =
      code === "validation"
        ? { said: { reason: "invalid_request" as const, params: { fields: "body" } } }
        : undefined;
    return new AppError(code, cause.message || "The request could not be read.", undefined, said);
  }
  const storage = storageErrorOf(cause);
  if (storage)
    return new AppError(storage, storageMessages[storage], storageDetails[storage], {
      said: { reason: storage },
    });
  // Never echo an unexpected error's text: it may carry internals. The log keeps it, keyed by request id.
  return new AppError(
    "internal",
    "Something went wrong on our side. Quote the request id when reporting it.",
    undefined,
    { said: { reason: "internal" } },
  );
}
