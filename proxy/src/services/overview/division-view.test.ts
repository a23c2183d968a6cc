import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, prepareDatabase } from "../../db/client";
import { upsertAccounts } from "../../db/mirror-store";
import { silentLogger } from "../../logger";
import { exactAccount } from "../../testing/exact-account";
import { createManualClock } from "../../testing/manual-clock";
import type { ServiceContext } from "../context";
import type { MirroredAccount } from "../matching/mirrored-account";
import { accountRow } from "../mirror/account-row";
import { divisionView, MAX_SUGGESTIONS } from "./division-view";

const scope = { tenantId: "tenant-1", division: 42 };
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function divisionOf(accounts: number): Promise<ServiceContext> {
  const database = openDatabase(":memory:");
  closers.push(() => database.close());
  await prepareDatabase(database);
  const clock = createManualClock(Date.UTC(2026, 11, 6, 9, 0, 0));
  const rows = Array.from({ length: accounts }, (_, i) =>
    accountRow(scope, exactAccount(i + 1, `Account ${i + 1}`), clock.now()),
  );
  await upsertAccounts(database.db, rows);
  return { db: database.db, clock, logger: silentLogger };
}

describe("a division's view", () => {
  it("keeps the suggestions used last, not one per account it was ever asked about", async () => {
    const ctx = await divisionOf(MAX_SUGGESTIONS + 1);
    const view = await divisionView(ctx, scope);
    const accounts = [...view.accounts.index.values()].map((indexed) => indexed.account as MirroredAccount);
    const first = view.suggestionFor(accounts[0]!);
    const recent = accounts.slice(1).map((account) => view.suggestionFor(account));

    const again = await divisionView(ctx, scope);
    expect(again.suggestionFor(accounts[MAX_SUGGESTIONS]!)).toBe(recent[MAX_SUGGESTIONS - 1]);
    const workedOutAgain = again.suggestionFor(accounts[0]!);
    expect(workedOutAgain).not.toBe(first);
    expect(workedOutAgain).toEqual(first);
  });
});
