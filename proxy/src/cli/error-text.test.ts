import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/test-app";
import { cliErrorText } from "./error-text";
import { UsageError } from "./runtime";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the CLI's text for an error that ends a command", () => {
  it("names a failed query by its code, without its SQL or the values bound to it", async () => {
    const { database } = await createTestApp();
    cleanups.push(() => database.close());
    const failed = await database.db
      .run(
        sql`insert into no_such_table (name, email) values (${"Jansen Geheim BV"}, ${"geheim@jansen.example"})`,
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failed).toBeInstanceOf(Error);
    const text = cliErrorText(failed, "usage");
    expect(text).toBe("The database failed (database_error).");
    expect(text).not.toMatch(/insert|Jansen|geheim|params/i);
  });

  it("names a full database by its storage code", () => {
    const full = Object.assign(new Error("SQLITE_FULL: database or disk is full"), { code: "SQLITE_FULL" });
    expect(cliErrorText(new Error("Failed query: insert …", { cause: full }), "usage")).toBe(
      "The database failed (storage_full).",
    );
  });

  it("keeps a usage error's help and an unexpected error's stack", () => {
    expect(cliErrorText(new UsageError("token pair needs a tenant id"), "usage: …")).toBe(
      "token pair needs a tenant id\n\nusage: …",
    );
    const bug = new TypeError("x is undefined");
    expect(cliErrorText(bug, "usage")).toContain("error-text.test.ts");
  });
});
