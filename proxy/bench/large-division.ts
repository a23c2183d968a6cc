import { systemClock } from "@zapfloor-exact/shared/clock";
import { seededRandom } from "@zapfloor-exact/shared/seeded-random";
import type { Db } from "../src/db/client";
import { writeCustomer } from "../src/db/customer-store";
import { insertLink } from "../src/db/link-store";
import { upsertAccounts } from "../src/db/mirror-store";
import { divisionSync } from "../src/db/schema";
import type { ExactAccount } from "../src/exact/schemas";
import { customerRow } from "../src/services/customers/customer-row";
import { accountRow } from "../src/services/mirror/account-row";
import { insertConnectedDivision } from "../src/testing/connected-division";

const SYLLABLES =
  "ba be bo da de di ka ke ko la le li lo ma me mi mo na ne no pa pe po ra re ri ro sa se si so ta te ti to va ve vi vo".split(
    " ",
  );
const TRADES = [
  "Bouw",
  "Consulting",
  "Bakkerij",
  "Services",
  "Group",
  "Design",
  "Logistics",
  "Studio",
  "Media",
];
const FORMS = ["NV", "BV", "BVBA", "SRL", "SA", "VOF", ""];

/** A Belgian VAT number with a valid mod-97 check: `BE` + 0/1 + 7 digits + 2 check digits. */
function belgianVat(serial: number): string {
  const front = String(10_000_000 + (serial % 90_000_000)).padStart(8, "0");
  return `BE${front}${String(97 - (Number(front) % 97)).padStart(2, "0")}`;
}

function guid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface LargeDivision {
  tenantId: string;
  division: number;
  accountIds: string[];
  /** Customers linked to an account (their number is the account's SearchCode). */
  linkedCustomers: string[];
  accounts: number;
  customers: number;
}

/** The division the lookup and overview benches serve: 100,000 accounts, 20,000 customers, 15,000 of them linked. */
export const STANDARD_DIVISION = { accounts: 100_000, customers: 20_000, linked: 15_000 } as const;

/** Writes the standard division, saying so on the bench's progress line. */
export function writeStandardDivision(
  db: Db,
  input: { tenantId: string; division: number },
  progress: (text: string) => void,
): Promise<LargeDivision> {
  const { accounts, customers, linked } = STANDARD_DIVISION;
  progress(
    `writing a ${accounts.toLocaleString("en")}-account mirror, ${customers.toLocaleString("en")} customers, ${linked.toLocaleString("en")} links`,
  );
  return writeLargeDivision(db, { ...input, ...STANDARD_DIVISION, now: systemClock.now() });
}

export async function writeLargeDivision(
  db: Db,
  input: {
    tenantId: string;
    division: number;
    accounts: number;
    customers: number;
    linked: number;
    now: number;
  },
): Promise<LargeDivision> {
  const random = seededRandom(20_261_125);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const { tenantId, division, now } = input;
  const scope = { tenantId, division };

  await insertConnectedDivision(db, {
    tenantId,
    division,
    name: "Bench B.V.",
    host: "start.exactonline.be",
    now,
  });

  const accountIds: string[] = [];
  const customerNumbers: string[] = [];
  await db.transaction(async (tx) => {
    const page: ReturnType<typeof accountRow>[] = [];
    for (let i = 0; i < input.accounts; i++) {
      const id = guid(random);
      accountIds.push(id);
      const name = [pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES), pick(TRADES), pick(FORMS)]
        .join(" ")
        .trim();
      const number = i < input.customers ? String(100_000 + i) : null;
      if (number) customerNumbers.push(number);
      const status = i < input.customers || random() < 0.7 ? "C" : pick(["P", "S", "A"]);
      const account: ExactAccount = {
        ID: id,
        Code: String(i + 1).padStart(18, " "),
        SearchCode: number,
        Name: name.charAt(0).toUpperCase() + name.slice(1),
        VATNumber: random() < 0.6 ? belgianVat(i * 7919) : null,
        ChamberOfCommerce: null,
        Status: status,
        IsSupplier: status === "A",
        IsSales: status === "C",
        Blocked: false,
        Email: null,
        City: "Gent",
        Postcode: "9000",
        Country: "BE ",
        Modified: null,
      };
      page.push(accountRow(scope, account, now));
      if (page.length === 2_000) await upsertAccounts(tx, page.splice(0));
    }
    await upsertAccounts(tx, page);

    for (const [i, number] of customerNumbers.entries()) {
      await writeCustomer(tx, {
        ...customerRow(tenantId, number, { name: `Customer ${number}`, country: "BE" }, now),
        createdAt: now,
      });
      if (i < input.linked) {
        await insertLink(tx, scope, {
          customerNumber: number,
          exactId: accountIds[i]!,
          method: "searchCode",
          linkedBy: "bench",
          linkedAt: now,
        });
      }
    }
    await tx.insert(divisionSync).values({
      ...scope,
      status: "idle",
      accountsTimestamp: "1",
      deletedTimestamp: "1",
      lastFullAt: now,
      lastCompletedAt: now,
      lastKind: "full",
    });
  });
  return {
    tenantId,
    division,
    accountIds,
    linkedCustomers: customerNumbers.slice(0, input.linked),
    accounts: input.accounts,
    customers: customerNumbers.length,
  };
}
