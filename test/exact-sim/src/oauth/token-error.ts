/** An OAuth token-endpoint error: `{"error":…,"error_description":…}` with its status and headers. */
export class TokenEndpointError extends Error {
  readonly status: number;
  readonly body: { error: string; error_description: string };
  readonly headers: Record<string, string>;

  constructor(status: number, error: string, description: string, headers: Record<string, string> = {}) {
    super(description);
    this.name = "TokenEndpointError";
    this.status = status;
    this.body = { error, error_description: description };
    this.headers = headers;
  }
}
