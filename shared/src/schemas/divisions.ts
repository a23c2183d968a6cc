import { z } from "zod";
import { errorSaidSchema } from "./error";

/**
 * Exact's division number as it appears in a path or query: plain decimal digits only, so `0x12D687`,
 * `1234567.0` or ` 1234567` are not read as a division.
 */
export const divisionNumberSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, "a division number: decimal digits only, e.g. 1234567")
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647, "a division number of at most 2147483647"));

export const divisionParamSchema = z.object({
  division: divisionNumberSchema.meta({ description: "Exact's numeric division", example: 1234567 }),
});

export const syncStateSchema = z
  .object({
    status: z.enum(["never", "idle", "running", "failed"]),
    runningKind: z.enum(["full", "incremental", "account"]).nullable(),
    progressRows: z.number(),
    lastKind: z.enum(["full", "incremental", "account"]).nullable(),
    lastStartedAt: z.string().nullable(),
    lastCompletedAt: z.string().nullable(),
    lastFullAt: z.string().nullable(),
    lastCalls: z.number().nullable(),
    lastChanged: z.number().nullable(),
    lastError: z.string().nullable(),
    lastErrorReason: errorSaidSchema.nullable().meta({
      description:
        "The last failure's `lastError` by reason and params, as the API's errors give them (translate by `reason`).",
    }),
    accounts: z.number(),
  })
  .meta({ id: "SyncState" });
export type SyncState = z.infer<typeof syncStateSchema>;

export const syncRequestSchema = z
  .object({
    kind: z.enum(["auto", "full", "incremental"]).default("auto").meta({
      description:
        "`full` reads every account again; `incremental` only what changed since the last sync; `auto` is a full load the first time and incremental after.",
      example: "auto",
    }),
  })
  .meta({ id: "SyncRequest" });

export const missingForBookingSchema = z.enum(["accounts", "salesJournal", "glMapping", "vatMapping"]);
export type MissingForBooking = z.infer<typeof missingForBookingSchema>;

export const bookingReadinessSchema = z
  .object({
    ready: z.boolean().meta({ description: "Whether the division can take zapfloor invoices." }),
    missing: z.array(missingForBookingSchema).meta({
      description:
        "What it still lacks: `accounts` (its accounts were never loaded), `salesJournal`, `glMapping`, `vatMapping` (settings).",
    }),
  })
  .meta({ id: "BookingReadiness" });
export type BookingReadiness = z.infer<typeof bookingReadinessSchema>;

export const divisionSchema = z
  .object({
    division: z.number(),
    name: z.string(),
    country: z.string().nullable(),
    current: z.boolean(),
    sync: syncStateSchema,
    bookings: bookingReadinessSchema,
  })
  .meta({ id: "Division" });
