/**
 * Exact Online's country hosts; every one serves the same page and API paths, and a customer's tokens only work
 * on its own. The list comes from several client libraries (exact-online-api.md §1, [S1; S20]); `.es` is the
 * least confirmed.
 */
export const EXACT_HOSTS = [
  "start.exactonline.nl",
  "start.exactonline.be",
  "start.exactonline.de",
  "start.exactonline.fr",
  "start.exactonline.co.uk",
  "start.exactonline.es",
  "start.exactonline.com",
] as const;

export type ExactHost = (typeof EXACT_HOSTS)[number];

export function isExactHost(hostname: string): hostname is ExactHost {
  return (EXACT_HOSTS as readonly string[]).includes(hostname);
}
