import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { packageDir } from "../../util/package-dir";

/**
 * The API reference at `/docs`: Scalar's standalone bundle from the proxy's own dependencies (pinned in
 * package.json), so the page works offline and loads nothing from elsewhere, which its policy enforces.
 */
const reference = join(packageDir(import.meta.url), "node_modules/@scalar/api-reference");
const referenceVersion = (
  JSON.parse(readFileSync(join(reference, "package.json"), "utf8")) as { version: string }
).version;
const bundlePath = `/docs/assets/api-reference-${referenceVersion}.js`;
const startPath = `/docs/assets/start-${referenceVersion}.js`;

const DOCS_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>zapfloor ↔ Exact Online link API</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="${bundlePath}"></script>
    <script src="${startPath}"></script>
  </body>
</html>
`;

// Scalar's default fonts come from its CDN; the system's fonts do.
const start = `Scalar.createApiReference("#app", { url: "/openapi.json", withDefaultFonts: false, hideClientButton: true });\n`;

let bundle: string | undefined;
const immutable = "public, max-age=31536000, immutable";

export function docsRoutes() {
  return new Hono<AppEnv>()
    .get("/docs", (c) => {
      c.header("Content-Security-Policy", DOCS_POLICY);
      return c.html(page);
    })
    .get(bundlePath, (c) => {
      bundle ??= readFileSync(join(reference, "dist/browser/standalone.js"), "utf8");
      c.header("Cache-Control", immutable);
      return c.body(bundle, 200, { "Content-Type": "text/javascript; charset=utf-8" });
    })
    .get(startPath, (c) => {
      c.header("Cache-Control", immutable);
      return c.body(start, 200, { "Content-Type": "text/javascript; charset=utf-8" });
    });
}
