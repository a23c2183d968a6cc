import type { SalesEntryStateName, SalesEntryView } from "@zapfloor-exact/shared/schemas/sales-entries";
import { validationError } from "../../errors";
import type { ServiceContext } from "../context";
import { requireDivision } from "../divisions/require-division";
import { entryView } from "./entry-view";
import { listEntries as listRows } from "./outbox-store";

export interface ListEntriesInput {
  tenantId: string;
  division: number;
  state?: SalesEntryStateName;
  limit: number;
  cursor?: string;
}

/** A division's entries in invoice-number order, a page at a time; the cursor is opaque to callers. */
export async function listEntries(
  ctx: ServiceContext,
  input: ListEntriesInput,
): Promise<{ entries: SalesEntryView[]; nextCursor: string | null }> {
  await requireDivision(ctx, input.tenantId, input.division);
  const after = input.cursor === undefined ? undefined : readCursor(input.cursor);
  const rows = await listRows(ctx.db, input, {
    ...(input.state ? { state: input.state } : {}),
    ...(after === undefined ? {} : { after }),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => entryView(row)),
    nextCursor: rows.length > input.limit && last ? writeCursor(last.invoiceNumber) : null,
  };
}

const writeCursor = (after: string) => Buffer.from(JSON.stringify({ after }), "utf8").toString("base64url");

function readCursor(cursor: string): string {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof after === "string") return after;
  } catch {
    // falls through to the validation error
  }
  throw validationError([
    {
      path: "query.cursor",
      message: "is not a cursor this API gave out",
      code: "field_invalid",
      params: { field: "query.cursor" },
    },
  ]);
}
