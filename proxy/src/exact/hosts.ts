import type { ExactAppConfig } from "../exact-app";

/** Exact Online's country hosts; a connection's tokens only work on its own host. [exact-online-api.md §1, S1, S20] */
export const exactHosts = [
  "start.exactonline.nl",
  "start.exactonline.be",
  "start.exactonline.de",
  "start.exactonline.fr",
  "start.exactonline.co.uk",
  "start.exactonline.es",
  "start.exactonline.com",
] as const;
export type ExactHost = (typeof exactHosts)[number];

export const defaultExactHost: ExactHost = "start.exactonline.nl";

export function isExactHost(value: string): value is ExactHost {
  return (exactHosts as readonly string[]).includes(value);
}

export function baseUrlFor(app: Pick<ExactAppConfig, "baseUrl">, host: string): string {
  return app.baseUrl ?? `https://${host}`;
}
