import {
  type AccountKeyValues,
  accountKeyValues,
  codeOfHeld,
  type ExactAccountSnapshot,
  type ExactAccountStatus,
  HeldAccountKeys,
  type HeldCode,
  heldCode,
  type IndexedAccount,
  normaliseCode,
  normaliseCountry,
  normaliseVat,
} from "@zapfloor-exact/shared/matching";
import type { ExactAccountView } from "@zapfloor-exact/shared/schemas/matching";
import type { MirrorRow } from "../../db/mirror-reads";
import { snapshotOfRow } from "../mirror/account-row";
import { oneCopy } from "./one-copy";

/** A mirror row as the matching core sees it, plus what the API shows about it. */
export interface MirroredAccount extends ExactAccountSnapshot {
  email: string | null;
  city: string | null;
  postcode: string | null;
  /** Exact's `Modified` as mirrored (epoch ms): the version a fix or link is checked against. */
  modifiedAt: number | null;
  mirroredAt: number;
  deletedAt: number | null;
}

const STATUSES = [null, "C", "P", "S", "A"] as const;
const SUPPLIER = 8;
const SALES = 16;
const BLOCKED = 32;
/** The packed integer's bits above the status and flags hold the milliseconds of the two times. */
const FLAG_SPAN = 64;

/** Times are kept as seconds since 2000 and their milliseconds: small integers, held in the record itself. */
const SINCE = Date.UTC(2000, 0, 1);
const secondOf = (time: number) => Math.floor((time - SINCE) / 1000);
const millisecondOf = (time: number) => time - SINCE - secondOf(time) * 1000;
const timeOf = (second: number, millisecond: number) => SINCE + second * 1000 + millisecond;

/**
 * A live account as a division's index keeps it, one per account: its status, three flags and the milliseconds
 * of its two times packed into one small integer, the times' seconds in two more (an epoch-milliseconds number
 * would be a boxed number of its own per account), its codes as `HeldCode`s, and no slot for `deletedAt`
 * (always null here). It carries its own matching keys (`IndexedAccount`, its `account` being itself), so that
 * the index holds one object per account, not the record and its keys apart. The values that repeat across a
 * division's accounts (country, city, postcode) are shared rather than each row's own copy.
 */
class KeptAccount extends HeldAccountKeys implements MirroredAccount, IndexedAccount {
  readonly #code: HeldCode | null;
  readonly #searchCode: HeldCode | null;
  readonly #packed: number;
  readonly #modifiedSecond: number | null;
  readonly #mirroredSecond: number;

  constructor(
    readonly id: string,
    code: string | null,
    searchCode: string | null,
    readonly name: string,
    readonly vatNumber: string | null,
    readonly chamberOfCommerce: string | null,
    flags: number,
    readonly country: string | null,
    readonly email: string | null,
    readonly city: string | null,
    readonly postcode: string | null,
    modifiedAt: number | null,
    mirroredAt: number,
    keys: AccountKeyValues,
  ) {
    super(keys);
    this.#code = heldCode(code);
    this.#searchCode = heldCode(searchCode);
    this.#modifiedSecond = modifiedAt === null ? null : secondOf(modifiedAt);
    this.#mirroredSecond = secondOf(mirroredAt);
    const modifiedMillisecond = modifiedAt === null ? 0 : millisecondOf(modifiedAt);
    this.#packed = flags + FLAG_SPAN * (millisecondOf(mirroredAt) + 1000 * modifiedMillisecond);
  }

  get account(): this {
    return this;
  }
  get code(): string | null {
    return codeOfHeld(this.#code);
  }
  get searchCode(): string | null {
    return codeOfHeld(this.#searchCode);
  }
  get status(): ExactAccountStatus | null {
    return STATUSES[this.#packed & 7] ?? null;
  }
  get isSupplier(): boolean {
    return (this.#packed & SUPPLIER) !== 0;
  }
  get isSales(): boolean {
    return (this.#packed & SALES) !== 0;
  }
  get blocked(): boolean {
    return (this.#packed & BLOCKED) !== 0;
  }
  get modifiedAt(): number | null {
    if (this.#modifiedSecond === null) return null;
    return timeOf(this.#modifiedSecond, Math.floor(this.#packed / FLAG_SPAN / 1000));
  }
  get mirroredAt(): number {
    return timeOf(this.#mirroredSecond, Math.floor(this.#packed / FLAG_SPAN) % 1000);
  }
  get deletedAt(): null {
    return null;
  }
}

const flagsOf = (snapshot: ExactAccountSnapshot) =>
  STATUSES.indexOf(snapshot.status) |
  (snapshot.isSupplier ? SUPPLIER : 0) |
  (snapshot.isSales ? SALES : 0) |
  (snapshot.blocked ? BLOCKED : 0);

/** Whether a time can be kept as seconds and milliseconds: whole milliseconds, as the clock and Exact give. */
const wholeMilliseconds = (time: number | null) => time === null || Number.isSafeInteger(time);

export function mirroredAccountOf(row: MirrorRow): MirroredAccount {
  const snapshot = snapshotOfRow(row);
  // Without Exact's padding (18 characters): the trimmed Code is the very string the index files it under,
  // where the padded one would be a second copy; every reader trims or normalises it anyway.
  const code = normaliseCode(snapshot.code) ?? null;
  if (row.deletedAt === null && wholeMilliseconds(row.exactModifiedAt) && wholeMilliseconds(row.mirroredAt)) {
    const keys = accountKeyValues({ ...snapshot, code });
    return new KeptAccount(
      keys.id,
      code,
      snapshot.searchCode,
      snapshot.name,
      snapshot.vatNumber,
      snapshot.chamberOfCommerce,
      flagsOf(snapshot),
      oneCopy(row.country),
      row.email,
      oneCopy(row.city),
      oneCopy(row.postcode),
      row.exactModifiedAt,
      row.mirroredAt,
      keys,
    );
  }
  return {
    ...snapshot,
    code,
    isSales: snapshot.isSales ?? false,
    email: row.email,
    city: row.city,
    postcode: row.postcode,
    modifiedAt: row.exactModifiedAt,
    mirroredAt: row.mirroredAt,
    deletedAt: row.deletedAt,
  };
}

const COMPARED: readonly (keyof MirroredAccount)[] = [
  "id",
  "code",
  "searchCode",
  "name",
  "vatNumber",
  "chamberOfCommerce",
  "status",
  "isSupplier",
  "isSales",
  "blocked",
  "country",
  "email",
  "city",
  "postcode",
  "modifiedAt",
  "mirroredAt",
  "deletedAt",
];

/** Whether two readings of an account say the same (a re-read recent row usually does). */
export function sameMirroredAccount(a: MirroredAccount, b: MirroredAccount): boolean {
  return COMPARED.every((key) => a[key] === b[key]);
}

const trimmed = (value: string | null | undefined) => value?.trim() || null;

/** The API's view of an account: Code and SearchCode without Exact's padding. */
export function exactAccountView(account: ExactAccountSnapshot): ExactAccountView {
  const mirrored = account as Partial<MirroredAccount>;
  return {
    id: account.id,
    code: trimmed(account.code),
    searchCode: trimmed(account.searchCode),
    name: account.name,
    vatNumber: trimmed(account.vatNumber),
    vatNumberNormalised:
      normaliseVat(account.vatNumber, { country: normaliseCountry(account.country) }).canonical ?? null,
    chamberOfCommerce: trimmed(account.chamberOfCommerce),
    status: account.status,
    isCustomer: account.status === "C",
    isSupplier: account.isSupplier,
    isSales: account.isSales ?? false,
    blocked: account.blocked,
    email: mirrored.email ?? null,
    city: mirrored.city ?? null,
    country: trimmed(account.country),
    deleted: mirrored.deletedAt !== undefined && mirrored.deletedAt !== null,
    mirroredAt: new Date(mirrored.mirroredAt ?? 0).toISOString(),
  };
}
