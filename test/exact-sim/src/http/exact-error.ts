/**
 * An error answered in Exact's REST error envelope
 * `{"error":{"code":"","message":{"lang":"","value":"…"}}}` [exact-online-api.md §8; transcribed/error-envelope-delete-in-use.json].
 * Business-rule violations are HTTP 500 with a localised (Dutch) message.
 */
export class ExactError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "ExactError";
    this.status = status;
    this.headers = headers;
  }
}

export function errorEnvelope(message: string) {
  return { error: { code: "", message: { lang: "", value: message } } };
}

/** HTTP 500 business-rule error with a Dutch message, as Exact answers e.g. a duplicate Code. */
export const businessRule = (message: string) => new ExactError(500, message);
/** HTTP 400: OData syntax or a malformed request. */
export const badRequest = (message: string) => new ExactError(400, message);
export const notFound = (message = "Not found") => new ExactError(404, message);
export const unauthorized = (message = "Unauthorized") =>
  new ExactError(401, message, { "WWW-Authenticate": "Bearer" });
export const forbidden = (reason: string, message = "Forbidden") =>
  new ExactError(403, message, { Reason: reason });

/** Dutch messages of business rules; the ones quoted in issues are exact, the rest follow the same pattern. */
export const dutch = {
  alreadyExists: (field: string) => `Gegeven bestaat reeds: ${field}`,
  invalidReference: (entitySet: string) => `Ongeldige referentie: ${entitySet}`,
  invalid: (field: string) => `Ongeldig: ${field}`,
  mandatory: (field: string) => `Verplicht: ${field}`,
  tooLong: (field: string, max: number) => `Te lang: ${field} (maximaal ${max} tekens)`,
  notFoundRecord: "Record niet gevonden",
} as const;
