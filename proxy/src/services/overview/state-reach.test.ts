import { AccountIndex, CustomerIndex, normaliseAccountId } from "@zapfloor-exact/shared/matching";
import type { AccountState } from "@zapfloor-exact/shared/schemas/accounts";
import { seededRandom } from "@zapfloor-exact/shared/seeded-random";
import { describe, expect, it } from "vitest";
import type { CustomerRow } from "../../db/customer-store";
import type { LinkRow } from "../../db/link-store";
import type { MirrorRow } from "../../db/mirror-reads";
import { denseDivision } from "../../testing/dense-division";
import { customerRow, zapfloorCustomerOf } from "../customers/customer-row";
import { ChangeJournal } from "../matching/change-journal";
import { mirroredAccountOf } from "../matching/mirrored-account";
import { accountRow } from "../mirror/account-row";
import { accountsReached, type Changes } from "./state-reach";
import { listedStateOf, overviewMatchOptions, type StateParts } from "./state-tally";

const scope = { tenantId: "tenant-1", division: 42 };
const NOW = Date.UTC(2026, 11, 6);

/** A division's parts in memory, changed in place as the caches change theirs. */
function partsInMemory() {
  const byCustomer = new Map<string, LinkRow>();
  const byAccount = new Map<string, LinkRow>();
  const customerRows = new Map<string, CustomerRow>();
  const parts: StateParts = {
    accounts: { index: new AccountIndex(), version: 0, journal: new ChangeJournal(0) },
    customers: {
      index: new CustomerIndex(),
      rows: customerRows,
      version: 0,
      journal: new ChangeJournal(0),
    },
    links: {
      byCustomer,
      byAccount,
      lookup: {
        byCustomer: (number) => byCustomer.get(number)?.exactId,
        byAccount: (id) => byAccount.get(normaliseAccountId(id))?.customerNumber,
      },
      version: 0,
      journal: new ChangeJournal(0),
    },
  };
  return { ...parts, customerRows };
}

/** Every account the overview may list, with its state. */
function statesOf(parts: StateParts): Map<string, AccountState | undefined> {
  const states = new Map<string, AccountState | undefined>();
  for (const { id } of parts.accounts.index.values()) states.set(id, listedStateOf(parts, id));
  for (const id of parts.links.byAccount.keys()) states.set(id, listedStateOf(parts, id));
  return states;
}

describe("the accounts a change reaches", () => {
  it("hold every account whose state the change altered, over hundreds of random changes", () => {
    const random = seededRandom(6_122_026);
    const gen = denseDivision(random);
    const parts = partsInMemory();
    const ids: string[] = [];
    const upsertAccount = (n: number) => {
      const row = { ...accountRow(scope, gen.account(n), NOW), deletedAt: null } as MirrorRow;
      return parts.accounts.index.upsert(mirroredAccountOf(row));
    };
    const upsertCustomer = (number: string) => {
      const row = { ...customerRow(scope.tenantId, number, gen.customer(number), NOW) } as CustomerRow;
      parts.customerRows.set(number, row);
      return parts.customers.index.upsert(zapfloorCustomerOf(row));
    };
    const link = (exactId: string, customerNumber: string) => {
      const row = { exactId, customerNumber } as LinkRow;
      parts.links.byAccount.set(exactId, row);
      parts.links.byCustomer.set(customerNumber, row);
    };
    for (let n = 1; n <= 60; n++) ids.push(upsertAccount(n).id);
    for (const number of gen.customerNumbers.slice(0, 30)) upsertCustomer(number);
    for (let i = 0; i < 15; i++) {
      const [exactId, number] = [gen.pick(ids), gen.pick(gen.customerNumbers)];
      if (!parts.links.byAccount.has(exactId) && !parts.links.byCustomer.has(number)) link(exactId, number);
    }

    let altered = 0;
    for (let step = 0; step < 500; step++) {
      const before = statesOf(parts);
      const changes: Changes = { accounts: [], customers: [], links: [] };
      const roll = random();
      if (roll < 0.4) {
        const n = 1 + Math.floor(random() * 70);
        const id = gen.account(n).ID.toLowerCase();
        const was = parts.accounts.index.get(id);
        if (was && gen.chance(0.15)) parts.accounts.index.remove(id);
        else if (was && gen.chance(0.7)) {
          // One field changed, as most of a sync's changes are.
          const fresh = gen.account(n);
          const field = gen.pick(["Code", "SearchCode", "Name", "VATNumber", "Status", "Blocked"] as const);
          const row = accountRow(
            scope,
            { ...gen.account(n), ...was.account, [field]: fresh[field] } as never,
            NOW,
          );
          parts.accounts.index.upsert(mirroredAccountOf({ ...row, deletedAt: null } as MirrorRow));
        } else upsertAccount(n);
        changes.accounts = [{ id, before: was }];
      } else if (roll < 0.65) {
        const number = gen.pick(gen.customerNumbers);
        const was = parts.customers.index.get(number);
        upsertCustomer(number);
        changes.customers = [{ number, before: was }];
      } else {
        const exactId = gen.pick(ids);
        const number = gen.chance(0.05) ? "999" : gen.pick(gen.customerNumbers);
        const ended = [parts.links.byAccount.get(exactId), parts.links.byCustomer.get(number)];
        for (const row of ended) {
          if (!row) continue;
          parts.links.byAccount.delete(row.exactId);
          parts.links.byCustomer.delete(row.customerNumber);
        }
        if (gen.chance(0.6)) link(exactId, number);
        changes.links = [{ exactId, customerNumber: number }, ...ended.filter((row) => row !== undefined)];
      }
      const reached = accountsReached(
        changes,
        { accounts: parts.accounts.index, customers: parts.customers.index, links: parts.links.lookup },
        overviewMatchOptions,
      );
      const after = statesOf(parts);
      for (const id of new Set([...before.keys(), ...after.keys()])) {
        if (before.get(id) === after.get(id)) continue;
        altered++;
        expect(reached.has(id), `step ${step}: ${id} went ${before.get(id)} → ${after.get(id)}`).toBe(true);
      }
    }
    // The changes did alter states, well beyond the accounts changed themselves.
    expect(altered).toBeGreaterThan(250);
  });
});
