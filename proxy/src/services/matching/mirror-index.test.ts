import { describe, expect, it } from "vitest";
import {
  finishSync,
  markAccountsDeleted,
  markUnseenDeleted,
  takeSyncLease,
  upsertAccounts,
} from "../../db/mirror-store";
import { exactAccount as account } from "../../testing/exact-account";
import { twoReplicas as twoReplicasOn } from "../../testing/two-replicas";
import type { ServiceContext } from "../context";
import { accountRow } from "../mirror/account-row";
import { mirrorIndexOf } from "./mirror-index";
import { exactAccountView } from "./mirrored-account";

const scope = { tenantId: "tenant-1", division: 42 };
const START = Date.UTC(2026, 10, 25, 9, 0, 0);
const twoReplicas = () => twoReplicasOn(START, "zfx-mirror-index-");

const namesIn = async (ctx: ServiceContext) =>
  [...(await mirrorIndexOf(ctx, scope)).index.values()].map((indexed) => indexed.account.name).sort();

describe("the in-memory account index of a division", () => {
  it("sees rows another process wrote, changed and deleted, one account at a time", async () => {
    const { clock, writer, reader, close } = await twoReplicas();
    await upsertAccounts(writer.db, [accountRow(scope, account(1, "Acme"), clock.now())]);
    expect(await namesIn(reader)).toEqual(["Acme"]);
    const { version } = await mirrorIndexOf(reader, scope);

    clock.advance(60_000);
    expect((await mirrorIndexOf(reader, scope)).version).toBe(version);
    await upsertAccounts(writer.db, [accountRow(scope, account(1, "Acme Renamed"), clock.now())]);
    await upsertAccounts(writer.db, [accountRow(scope, account(2, "Beta"), clock.now())]);
    expect(await namesIn(reader)).toEqual(["Acme Renamed", "Beta"]);

    clock.advance(60_000);
    await markAccountsDeleted(writer.db, scope, [account(1, "").ID], clock.now());
    expect(await namesIn(reader)).toEqual(["Beta"]);
    close();
  });

  it("reads a sync pass's rows, which carry the pass's start, once the pass has ended", async () => {
    const { clock, writer, reader, close } = await twoReplicas();
    await upsertAccounts(writer.db, [accountRow(scope, account(1, "Old"), clock.now())]);
    const passStart = clock.now() + 1_000;
    clock.set(passStart);
    await takeSyncLease(writer.db, scope, "writer", "full", passStart, 120_000);
    expect(await namesIn(reader)).toEqual(["Old"]);

    // The pass writes its pages long after it started, each row stamped with the pass's start.
    clock.advance(5 * 60_000);
    await upsertAccounts(writer.db, [accountRow(scope, account(2, "Paged In"), passStart)]);
    await markUnseenDeleted(writer.db, scope, passStart, clock.now());
    await finishSync(writer.db, scope, "writer", { status: "idle", lastCompletedAt: clock.now() });
    expect(await namesIn(reader)).toEqual(["Paged In"]);
    close();
  });

  it("applies nothing and keeps its version when nothing changed", async () => {
    const { clock, writer, reader, close } = await twoReplicas();
    await upsertAccounts(writer.db, [accountRow(scope, account(1, "Acme"), clock.now())]);
    const first = await mirrorIndexOf(reader, scope);
    // A write seconds ago is re-read (clock differences between processes), but it is the same row.
    clock.advance(2_000);
    expect((await mirrorIndexOf(reader, scope)).version).toBe(first.version);
    close();
  });

  it("builds a large division's index from its rows page by page, leaving out deleted ones", async () => {
    const { clock, writer, reader, close } = await twoReplicas();
    const rows = Array.from({ length: 4_500 }, (_, i) =>
      accountRow(scope, account(i + 1, `Account ${i + 1}`), clock.now()),
    );
    for (let start = 0; start < rows.length; start += 1_000)
      await upsertAccounts(writer.db, rows.slice(start, start + 1_000));
    await markAccountsDeleted(writer.db, scope, [account(4_001, "").ID], clock.now());
    const { index } = await mirrorIndexOf(reader, scope);
    expect(index.size).toBe(4_499);
    expect(index.get(account(1, "").ID)?.account.name).toBe("Account 1");
    expect(index.get(account(4_500, "").ID)?.account.name).toBe("Account 4500");
    expect(index.get(account(4_001, "").ID)).toBeUndefined();
    close();
  });

  it("keeps each account with its Code unpadded and its company numbers, as lookups and views compare them", async () => {
    const { clock, writer, reader, close } = await twoReplicas();
    const belgian = { ...account(7, "Acme"), VATNumber: "BE 0407.186.105", ChamberOfCommerce: "0123456749" };
    await upsertAccounts(writer.db, [accountRow(scope, belgian, clock.now())]);
    const { index } = await mirrorIndexOf(reader, scope);
    const kept = index.get(belgian.ID)!;
    expect(kept.account.code).toBe("7");
    expect(index.findByCode("                 7").map((found) => found.id)).toEqual([kept.id]);
    expect(kept.companyNumbers).toEqual(["BE0123456749", "BE0407186105"]);
    expect(index.findByCompanyNumber("0407.186.105", { country: "BE" }).map((found) => found.id)).toEqual([
      kept.id,
    ]);
    expect(exactAccountView(kept.account).code).toBe("7");
    close();
  });
});
