import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "../../db/client";
import { writeCustomer } from "../../db/customer-store";
import { insertLink } from "../../db/link-store";
import { silentLogger } from "../../logger";
import { createManualClock } from "../../testing/manual-clock";
import { customerRow } from "../customers/customer-row";
import { customerIndexOf } from "./customer-index-cache";
import { BUILD_PAGE } from "./kept-in-step";
import { linkCacheOf } from "./link-cache";

const scope = { tenantId: "tenant-1", division: 42 };
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("a tenant's customers and a division's links, read into memory in parts", () => {
  it("holds every customer and every link of more than two pages, and nothing of another tenant or division", async () => {
    const folder = mkdtempSync(join(tmpdir(), "zfx-in-parts-"));
    folders.push(folder);
    const database = openDatabase(`file:${join(folder, "proxy.db")}`);
    try {
      await prepareDatabase(database);
      const clock = createManualClock(Date.UTC(2026, 11, 6, 9, 0, 0));
      const count = BUILD_PAGE * 2 + 7;
      const number = (i: number) => String(10_000 + i);
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < count; i++) {
          await writeCustomer(tx, {
            ...customerRow(scope.tenantId, number(i), { name: `Customer ${i}`, country: "BE" }, clock.now()),
            createdAt: clock.now(),
          });
          await insertLink(tx, scope, {
            customerNumber: number(i),
            exactId: `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`,
            method: "manual",
            linkedBy: "test",
            linkedAt: clock.now(),
          });
        }
        await writeCustomer(tx, {
          ...customerRow("tenant-2", number(0), { name: "Elsewhere", country: "BE" }, clock.now()),
          createdAt: clock.now(),
        });
        await insertLink(
          tx,
          { ...scope, division: 43 },
          {
            customerNumber: number(0),
            exactId: "00000000-0000-0000-0000-999999999999",
            method: "manual",
            linkedBy: "test",
            linkedAt: clock.now(),
          },
        );
      });
      const ctx = { db: database.db, clock, logger: silentLogger };
      const customers = await customerIndexOf(ctx, scope.tenantId);
      expect(customers.rows.size).toBe(count);
      expect(customers.rows.get(number(0))?.name).toBe("Customer 0");
      expect(customers.rows.get(number(count - 1))?.name).toBe(`Customer ${count - 1}`);
      const links = await linkCacheOf(ctx, scope);
      expect(links.byCustomer.size).toBe(count);
      expect(links.byAccount.size).toBe(count);
      expect(links.lookup.byCustomer(number(count - 1))).toBe(
        `00000000-0000-0000-0000-${String(count - 1).padStart(12, "0")}`,
      );
    } finally {
      database.close();
    }
  });
});
