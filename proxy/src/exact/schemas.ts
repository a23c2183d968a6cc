import { z } from "zod";
import { normaliseGuid } from "./odata";

/**
 * What the proxy reads from Exact, validated. Rows carry many more fields (`__metadata`, deferred navigation
 * properties…); objects are loose so that only the fields we select are checked.
 */
const guidField = z.string().transform((value, ctx) => {
  try {
    return normaliseGuid(value);
  } catch {
    ctx.addIssue({ code: "custom", message: "not a GUID" });
    return z.NEVER;
  }
});
const text = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value ?? null);
const flag = z
  .boolean()
  .nullable()
  .optional()
  .transform((value) => value ?? false);
const exactDate = z
  .string()
  .regex(/^\/Date\(-?\d+\)\/$/)
  .nullable()
  .optional()
  .transform((value) => value ?? null);
/** Int64 values such as sync Timestamps arrive as numbers or strings; kept as exact decimal text. */
const int64 = z
  .union([z.number().int(), z.string().regex(/^\d+$/)])
  .transform((value) => BigInt(value).toString());

export const accountFields = [
  "ID",
  "Code",
  "SearchCode",
  "Name",
  "VATNumber",
  "ChamberOfCommerce",
  "Status",
  "IsSupplier",
  "IsSales",
  "Blocked",
  "Email",
  "City",
  "Postcode",
  "Country",
  "Modified",
] as const;

export const exactAccount = z.looseObject({
  ID: guidField,
  Code: text,
  SearchCode: text,
  Name: z
    .string()
    .nullable()
    .transform((value) => value ?? ""),
  VATNumber: text,
  ChamberOfCommerce: text,
  Status: text,
  IsSupplier: flag,
  IsSales: flag,
  Blocked: flag,
  Email: text,
  City: text,
  Postcode: text,
  Country: text,
  Modified: exactDate,
});
export type ExactAccount = z.output<typeof exactAccount>;

export const syncedAccount = exactAccount.extend({ Timestamp: int64 });
export type SyncedAccount = z.output<typeof syncedAccount>;

export const deletedRecord = z.looseObject({
  EntityKey: guidField,
  EntityType: z.number().int(),
  Timestamp: int64,
});
export type DeletedRecord = z.output<typeof deletedRecord>;

export const me = z.looseObject({
  CurrentDivision: z.number().int(),
  UserID: guidField
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  FullName: text,
  Email: text,
  LanguageCode: text,
});
export type Me = z.output<typeof me>;

export const division = z.looseObject({
  Code: z.number().int(),
  Description: text,
  Country: text,
  Current: flag,
  /** 1 for a division in use; other values (archived, inactive) are not usable. */
  Status: z.number().int().nullable().optional(),
  /** 0 not blocked; 1 backup, 2–6 conversion or copy, 100–102 deletion. [picqer `Division.php`] */
  BlockingStatus: z.number().int().nullable().optional(),
});

/**
 * Whether calls to a division can succeed: one that is archived or blocked (a backup, a conversion, a deletion)
 * only answers 403 `DivisionBlocked`, and those count toward Exact's error block. [§6, §8]
 */
export function isUsableDivision(row: { Status?: number | null; BlockingStatus?: number | null }): boolean {
  return (row.Status ?? 1) === 1 && (row.BlockingStatus ?? 0) === 0;
}
export type Division = z.output<typeof division>;

export const journal = z.looseObject({
  ID: guidField,
  Code: z.string().transform((value) => value.trim()),
  Description: text,
  Type: z.number().int().nullable().optional(),
});
export type Journal = z.output<typeof journal>;

export const glAccount = z.looseObject({
  ID: guidField,
  Code: z.string().transform((value) => value.trim()),
  Description: text,
  /** `W` profit and loss, `B` balance sheet: sales lines need a profit-and-loss account. [§5, I-picqer-121] */
  BalanceType: text,
  /** Exact's G/L account type: 110 revenue, 140 exceptional income, 160 interest income; costs are 111–130. */
  Type: z.number().int().nullable().optional(),
});
export type GlAccount = z.output<typeof glAccount>;

export const vatCode = z.looseObject({
  ID: guidField,
  /** Space-padded three characters, e.g. `"2  "`: sent back to Exact as is. [§2] */
  Code: z.string(),
  Description: text,
  Percentage: z.number().nullable().optional(),
  IsBlocked: flag,
});
export type VatCode = z.output<typeof vatCode>;

export const salesEntry = z.looseObject({
  EntryID: guidField,
  EntryNumber: z.number().int().nullable().optional(),
  YourRef: text,
  Journal: text,
  Customer: guidField.nullable().optional(),
  AmountFC: z.number().nullable().optional(),
  VATAmountFC: z.number().nullable().optional(),
  Type: z.number().int().nullable().optional(),
});
export type SalesEntry = z.output<typeof salesEntry>;

export const receivable = z.looseObject({
  EntryNumber: z.number().int().nullable().optional(),
  YourRef: text,
  Amount: z.number(),
  AccountId: guidField.nullable().optional(),
});
export type Receivable = z.output<typeof receivable>;

/** A row of `cashflow/Receivables`: paid or not, linked to its sales entry by `TransactionEntryID`. */
export const cashflowReceivable = z.looseObject({
  TransactionEntryID: guidField,
  IsFullyPaid: z.boolean(),
  AmountFC: z.number(),
  Status: z.number().int().nullable().optional(),
});
export type CashflowReceivable = z.output<typeof cashflowReceivable>;

export const webhookSubscription = z.looseObject({
  ID: guidField,
  CallbackURL: z.string(),
  Topic: z.string(),
});
export type WebhookSubscription = z.output<typeof webhookSubscription>;
