import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageDir } from "./util/package-dir";

export const version: string = JSON.parse(
  readFileSync(join(packageDir(import.meta.url), "package.json"), "utf8"),
).version;
