/**
 * The one place that sends requests to Exact Online (REST and OAuth token endpoint alike). Everything above
 * it receives an `ExactHttp`, which is what lets tests count, slow down or break Exact's answers.
 */
export interface ExactRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface ExactResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface ExactHttp {
  send(request: ExactRequest): Promise<ExactResponse>;
}

/** The request never got an HTTP answer: refused, reset, or timed out. Whether Exact acted on it is unknown. */
export class ExactTransportError extends Error {
  override name = "ExactTransportError";
}

export interface ExactHttpOptions {
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Observes every exchange (metrics, benchmarks); never sees bodies. */
  onExchange?: (request: ExactRequest, status: number | "transport_error") => void;
}

export function createExactHttp(options: ExactHttpOptions = {}): ExactHttp {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async send(request) {
      try {
        const response = await doFetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        options.onExchange?.(request, response.status);
        return { status: response.status, headers: response.headers, text };
      } catch (error) {
        options.onExchange?.(request, "transport_error");
        const reason =
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
        throw new ExactTransportError(
          `No answer from Exact Online (${request.method} ${pathOf(request.url)}): ${reason}`,
          {
            cause: error,
          },
        );
      }
    },
  };
}

/** The URL without its query string, which may carry codes or filters on customer data. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "(invalid URL)";
  }
}
