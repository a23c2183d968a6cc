// Fails when the drizzle schema has changes that no committed migration captures.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";

// drizzle-kit mangles an absolute --out path, so the scratch copy lives beside the real folder.
const scratch = mkdtempSync(".migrations-drift-");
try {
  cpSync("drizzle", scratch, { recursive: true });
  const before = readdirSync(scratch).length;
  const result = spawnSync(
    "drizzle-kit",
    [
      "generate",
      "--dialect",
      "sqlite",
      "--schema",
      "./src/db/schema/index.ts",
      "--out",
      scratch,
      "--name",
      "drift",
    ],
    { encoding: "utf8", shell: true },
  );
  if (result.status !== 0 || /error/i.test(result.stderr)) {
    process.stderr.write(result.stdout + result.stderr);
    process.exitCode = 1;
  } else if (readdirSync(scratch).length !== before) {
    console.error(
      "✖ The schema in src/db/schema differs from the committed migrations: run `pnpm db:generate`.",
    );
    process.exitCode = 1;
  } else {
    console.log("✔ Schema and migrations agree.");
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
