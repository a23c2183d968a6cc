import type { Context } from "hono";
import { endpointOf } from "../calls/call-log";
import { DroppedConnectionError, dropConnection } from "../http/dropped-connection";
import { ExactError } from "../http/exact-error";
import { errorResponse, jsonResponse, transientFailure } from "../http/responses";
import { TokenEndpointError } from "../oauth/token-error";
import type { SimRuntime } from "../runtime";

/** Facts about a call that the handlers learn and the call log records. */
export interface CallTrace {
  clientId: string | null;
  division: number | null;
  endpoint: string;
  rateLimited: boolean;
  fault?: string;
  grantType?: string;
}

const realDelay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wraps one API call: injected faults (latency in real milliseconds, failures before or after the handler),
 * conversion of thrown Exact/OAuth errors to responses, the call log and the error budget.
 */
export async function runCall(
  runtime: SimRuntime,
  c: Context,
  handler: (trace: CallTrace) => Promise<Response>,
): Promise<Response> {
  const url = new URL(c.req.url);
  const method = c.req.method.toUpperCase();
  const { endpoint, division } = endpointOf(url.pathname);
  const trace: CallTrace = { clientId: null, division, endpoint, rateLimited: false };
  const at = runtime.ctx.clock.now();
  // Hono keeps the body it read, so the handler reads the same text again.
  const body = method === "PUT" ? parsedBody(await c.req.text()) : undefined;
  const log = (status: number) => {
    runtime.calls.record({
      at,
      method,
      path: url.pathname,
      endpoint: trace.endpoint,
      division: trace.division,
      clientId: trace.clientId,
      status,
      rateLimited: trace.rateLimited,
      ...(trace.fault ? { fault: trace.fault } : {}),
      ...(trace.grantType ? { grantType: trace.grantType } : {}),
      ...(body === undefined ? {} : { body }),
    });
    if (trace.clientId && trace.division !== null) {
      runtime.errorBudget.record(trace.clientId, trace.division, trace.endpoint, status);
    }
  };

  const decision = runtime.faults.decide(method, url.pathname, division);
  if (decision.latencyMs > 0) await realDelay(decision.latencyMs);
  const failure = decision.failure;

  if (failure?.action === "drop") {
    trace.fault = "drop";
    log(0);
    return dropConnection(c);
  }
  if (failure?.action === "status") {
    trace.fault = `status ${failure.status ?? 503}`;
    const response = transientFailure(failure.status ?? 503);
    log(response.status);
    return response;
  }
  if (failure?.action === "rateLimit") {
    trace.fault = "rateLimit";
    trace.rateLimited = true;
    log(429);
    return errorResponse(429, TOO_MANY_REQUESTS, runtime.limiter.minutelyExhaustedHeaders());
  }

  let response = await toResponse(() => handler(trace));
  if (
    failure &&
    response.ok &&
    (failure.action === "statusAfterWrite" || failure.action === "dropAfterWrite")
  ) {
    if (failure.action === "dropAfterWrite") {
      trace.fault = "dropAfterWrite";
      log(0);
      return dropConnection(c);
    }
    trace.fault = `statusAfterWrite ${failure.status ?? 500}`;
    response = transientFailure(failure.status ?? 500);
  }
  if (response.status === 429) trace.rateLimited = true;
  log(response.status);
  return response;
}

function parsedBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The body of a 429 was never captured from Exact (UNCONFIRMED); the envelope is the usual one. */
export const TOO_MANY_REQUESTS = "API rate limit exceeded.";

async function toResponse(produce: () => Promise<Response>): Promise<Response> {
  try {
    return await produce();
  } catch (error) {
    if (error instanceof ExactError) return errorResponse(error.status, error.message, error.headers);
    if (error instanceof TokenEndpointError) return jsonResponse(error.body, error.status, error.headers);
    if (error instanceof DroppedConnectionError) throw error;
    console.error("exact-sim: unexpected error", error);
    return errorResponse(500, `Simulator error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
