import { describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "./client";

describe("migrations", () => {
  it("create every table on a fresh database and can be applied twice", async () => {
    const database = openDatabase(":memory:");
    await prepareDatabase(database);
    await prepareDatabase(database);
    const tables = await database.client.execute(
      "select name from sqlite_master where type = 'table' and name not like '\\_%' escape '\\' and name not like 'sqlite%'",
    );
    expect(tables.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        "tenants",
        "api_tokens",
        "exact_connections",
        "exact_accounts",
        "links",
        "sales_entries",
      ]),
    );
    database.close();
  });
});
