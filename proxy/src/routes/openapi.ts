import { errorBodySchema } from "@zapfloor-exact/shared/schemas/error";

const errorContent = { "application/json": { schema: errorBodySchema } };

/** The error responses a route can give, for the published contract. */
export const errorResponses = {
  400: { description: "The request is not valid; every problem is listed.", content: errorContent },
  401: { description: "No valid API token.", content: errorContent },
  403: { description: "The token's role may not do this.", content: errorContent },
  404: { description: "Not found, or not this tenant's.", content: errorContent },
  409: { description: "Conflicts with the current state.", content: errorContent },
  429: {
    description:
      "Exact Online's call limit is reached: for the day (`exact_daily_limit`), or for this minute where a write would wait longer than a caller does (`exact_minute_used`, answered at once; nothing was changed). `Retry-After` says when to try again.",
    headers: {
      "Retry-After": { description: "Seconds until trying again makes sense.", schema: { type: "integer" } },
    },
    content: errorContent,
  },
  502: { description: "Exact Online failed or refused.", content: errorContent },
} as const;

export function errors<const K extends keyof typeof errorResponses>(...codes: K[]) {
  return Object.fromEntries(codes.map((code) => [code, errorResponses[code]])) as Pick<
    typeof errorResponses,
    K
  >;
}

export const bearer = [{ bearerAuth: [] }];

/** Who may call an operation: the role its token must have. */
export type RequiredRole = "integration" | "bookkeeper" | "any" | "none";

const roleSentences: Record<RequiredRole, string> = {
  integration: "Requires an integration token (zapfloor's servers).",
  bookkeeper: "Requires a bookkeeper token (a person using the browser extension).",
  any: "Requires an API token of either role, integration or bookkeeper.",
  none: "Requires no API token.",
};

/**
 * The published side of a route's access rule: `x-required-role`, the bearer scheme, and the role stated as the
 * first sentence of its description. The route's `middleware` enforces the same role; a test checks they agree.
 */
export function access(
  role: RequiredRole,
  description?: string,
): { "x-required-role": RequiredRole; description: string; security: { bearerAuth: string[] }[] } {
  return {
    "x-required-role": role,
    description: description ? `${roleSentences[role]} ${description}` : roleSentences[role],
    // An empty list says so explicitly: this operation takes no token.
    security: role === "none" ? [] : bearer,
  };
}
