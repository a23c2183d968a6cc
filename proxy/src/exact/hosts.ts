import type { ExactAppConfig } from "../exact-app";

/** The Exact host of a connection: the country host, unless the app points every connection elsewhere. */
export function baseUrlFor(app: Pick<ExactAppConfig, "baseUrl">, host: string): string {
  return app.baseUrl ?? `https://${host}`;
}
