import type { AccountState, OverviewCounts } from "@zapfloor-exact/shared/schemas/accounts";
import { seededRandom } from "@zapfloor-exact/shared/seeded-random";
import { describe, expect, it } from "vitest";
import { writeCustomer } from "../../db/customer-store";
import { appendLinkEvent, deleteLink, linkOfAccount } from "../../db/link-store";
import { markAccountsDeleted, upsertAccounts } from "../../db/mirror-store";
import type { ExactAccount } from "../../exact/schemas";
import { denseDivision } from "../../testing/dense-division";
import { twoReplicas } from "../../testing/two-replicas";
import type { ServiceContext } from "../context";
import { customerRow } from "../customers/customer-row";
import { writeLink } from "../links/write-link";
import { forgetMirrorIndex } from "../matching/mirror-index";
import { accountRow } from "../mirror/account-row";
import { type DivisionView, divisionView } from "./division-view";
import { stateOf } from "./overview-row";

const scope = { tenantId: "tenant-1", division: 42 };
const START = Date.UTC(2026, 11, 6, 9, 0, 0);
const STEPS = 120;

/** The states and counts worked out the plain way: every listed account's state, one after another. */
async function countedWhole(view: DivisionView) {
  const counts: OverviewCounts = { all: 0, linked: 0, unlinked: 0, suggested: 0, conflict: 0 };
  const states = new Map<string, AccountState>();
  for (const { account } of await view.listing()) {
    const state = stateOf(view, account);
    states.set(account.id, state);
    counts.all++;
    counts[state]++;
  }
  return { counts, states };
}

describe("the overview's counts per state, kept up to date change by change", () => {
  it("equal a full recount after every random change, made here or by another replica", async () => {
    const { clock, writer, reader, close } = await twoReplicas(START, "zfx-state-tally-");
    const replicas = [writer, reader];
    const random = seededRandom(20_261_206);
    const gen = denseDivision(random);
    const accounts = new Map<number, ExactAccount>();
    let nextAccount = 1;
    const writeAccounts = async (ctx: ServiceContext, written: ExactAccount[]) => {
      for (const account of written) accounts.set(Number(account.ID.slice(-12)), account);
      await upsertAccounts(
        ctx.db,
        written.map((account) => accountRow(scope, account, clock.now())),
      );
    };
    await writeAccounts(
      writer,
      Array.from({ length: 160 }, () => gen.account(nextAccount++)),
    );
    for (const number of gen.customerNumbers.slice(0, 40))
      await writeCustomer(writer.db, customerRow(scope.tenantId, number, gen.customer(number), clock.now()));

    const linkRandomly = async (ctx: ServiceContext) => {
      const account = gen.pick([...accounts.values()]);
      // Now and then a customer the proxy was never told about.
      const customerNumber = gen.chance(0.05) ? "999" : gen.pick(gen.customerNumbers);
      await ctx.db
        .transaction((tx) =>
          writeLink(tx, scope, {
            customerNumber,
            exactId: account.ID.toLowerCase(),
            method: "manual",
            action: "link",
            actor: "test",
            at: clock.now(),
          }),
        )
        .catch(() => undefined); // either side already linked
    };
    const unlinkRandomly = async (ctx: ServiceContext) => {
      const account = gen.pick([...accounts.values()]);
      await ctx.db.transaction(async (tx) => {
        const link = await linkOfAccount(tx, scope, account.ID.toLowerCase());
        if (!link) return;
        await deleteLink(tx, scope, link.id);
        await appendLinkEvent(tx, scope, {
          action: "unlink",
          customerNumber: link.customerNumber,
          exactId: link.exactId,
          method: "manual",
          actor: "test",
          at: clock.now(),
        });
      });
    };
    const changeAnAccount = async (ctx: ServiceContext) => {
      const roll = random();
      if (roll < 0.15) return writeAccounts(ctx, [gen.account(nextAccount++)]);
      const [n, account] = gen.pick([...accounts.entries()]);
      if (roll < 0.25) {
        accounts.delete(n);
        await markAccountsDeleted(ctx.db, scope, [account.ID], clock.now());
        return;
      }
      const fresh = gen.account(n);
      const field = gen.pick(["Code", "SearchCode", "Name", "VATNumber", "Status", "Blocked"] as const);
      await writeAccounts(ctx, [{ ...account, [field]: fresh[field] }]);
    };
    const changeACustomer = async (ctx: ServiceContext) => {
      const number = gen.pick(gen.customerNumbers);
      await writeCustomer(ctx.db, customerRow(scope.tenantId, number, gen.customer(number), clock.now()));
    };
    for (let i = 0; i < 60; i++) await linkRandomly(writer);

    for (const replica of replicas) await (await divisionView(replica, scope)).counts();
    let incremental = 0;
    for (let step = 0; step < STEPS; step++) {
      clock.advance(1 + Math.floor(random() * (random() < 0.1 ? 30_000 : 2_000)));
      const actor = gen.pick(replicas);
      const roll = random();
      if (roll < 0.3) await linkRandomly(actor);
      else if (roll < 0.45) await unlinkRandomly(actor);
      else if (roll < 0.8) await changeAnAccount(actor);
      else await changeACustomer(actor);

      for (const replica of replicas) {
        const view = await divisionView(replica, scope);
        const ready = view.countsIfReady();
        const expected = await countedWhole(view);
        // The change is in the parts' journals: the counts follow from it, without a pass over the division.
        expect(ready, `step ${step}`).toEqual(expected.counts);
        expect(await view.counts(), `step ${step}`).toEqual(expected.counts);
        expect(new Map(view.keptStates()), `step ${step}`).toEqual(expected.states);
        if (ready) incremental++;
      }
    }
    expect(incremental).toBe(STEPS * replicas.length);
    close();
  }, 120_000);

  it("works the division out whole again when its accounts were indexed anew, and meanwhile has none", async () => {
    const { clock, writer: ctx, close } = await twoReplicas(START, "zfx-state-tally-");
    const gen = denseDivision(seededRandom(7));
    await upsertAccounts(
      ctx.db,
      Array.from({ length: 50 }, (_, i) => accountRow(scope, gen.account(i + 1), clock.now())),
    );
    for (const number of gen.customerNumbers.slice(0, 20))
      await writeCustomer(ctx.db, customerRow(scope.tenantId, number, gen.customer(number), clock.now()));
    const view = await divisionView(ctx, scope);
    expect(view.countsIfReady()).toBeNull();
    const counts = await view.counts();
    expect(counts).toEqual((await countedWhole(view)).counts);
    expect(view.countsIfReady()).toEqual(counts);

    forgetMirrorIndex(ctx, scope);
    clock.advance(1_000);
    await upsertAccounts(ctx.db, [accountRow(scope, gen.account(51), clock.now())]);
    const rebuilt = await divisionView(ctx, scope);
    expect(rebuilt.countsIfReady()).toBeNull();
    expect(await rebuilt.counts()).toEqual((await countedWhole(rebuilt)).counts);
    close();
  });
});
