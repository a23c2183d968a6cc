import { validationError } from "../../errors";

/** A Chrome extension's id: 32 letters a–p. */
const EXTENSION_PAGE = /^chrome-extension:\/\/[a-p]{32}\/[\w./-]*$/;

/**
 * Where a browser may be sent after a consent: one of the extension's own pages, or a page of the proxy's own
 * `PUBLIC_URL`. Anything else (`javascript:`, `data:`, another site) would make the proxy an open redirect.
 */
export function checkReturnTo(returnTo: string, publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(returnTo);
  } catch {
    throw refused();
  }
  if (url.protocol === "chrome-extension:" && EXTENSION_PAGE.test(url.href.split(/[?#]/)[0] ?? "")) {
    return url.href;
  }
  if ((url.protocol === "https:" || url.protocol === "http:") && url.origin === new URL(publicUrl).origin) {
    return url.href;
  }
  throw refused();
}

const refused = () =>
  validationError(
    [{ path: "returnTo", message: "must be one of the extension's pages or a page of this proxy" }],
    "returnTo is not allowed.",
  );
