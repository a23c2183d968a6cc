import type { SalesEntry } from "../../exact/schemas";
import type { Outcome } from "./outbox-store";

/**
 * What Exact's entries with this `YourRef` mean for an entry about to be posted: none → post it; one on the
 * customer's account → it is already booked (an earlier attempt's answer was lost); anything else → a person looks.
 */
export function outcomeOfExisting(
  existing: readonly SalesEntry[],
  invoiceNumber: string,
  accountId: string,
): Outcome | "post" {
  const matches = existing.filter((entry) => entry.YourRef?.trim() === invoiceNumber);
  if (matches.length === 0) return "post";
  const ours = matches.filter((entry) => entry.Customer === accountId);
  const numbers = matches.map((entry) => entry.EntryNumber ?? "?").join(", ");
  const details = {
    existing: matches.map((entry) => ({
      entryId: entry.EntryID,
      entryNumber: entry.EntryNumber ?? null,
      customer: entry.Customer ?? null,
      journal: entry.Journal,
    })),
  };
  if (ours.length === 1) {
    const [entry] = ours;
    return {
      state: "pushed",
      exactAccountId: accountId,
      exactEntryId: entry!.EntryID,
      exactEntryNumber: entry!.EntryNumber ?? null,
    };
  }
  if (ours.length > 1) {
    return {
      state: "needs_review",
      exactAccountId: accountId,
      error: {
        message: `Exact already has ${ours.length} entries with YourRef ${invoiceNumber} (entries ${numbers}).`,
        details,
      },
    };
  }
  return {
    state: "needs_review",
    exactAccountId: accountId,
    error: {
      message: `Exact already has an entry with YourRef ${invoiceNumber} on another account (entry ${numbers}).`,
      details,
    },
  };
}
