import {
  type ApiValidationProblem,
  type ErrorReason,
  errorParamsSchema,
  errorReasonSchema,
  validationProblemSchema,
} from "@zapfloor-exact/shared/schemas/error";
import { type ApiReason, reasonCodeSchema, reasonSchema } from "@zapfloor-exact/shared/schemas/matching";
import { RECORDED_KINDS, type RecordedKind } from "@zapfloor-exact/shared/schemas/problem-codes";
import { z } from "zod";
import type { MirrorRow } from "../../db/mirror-reads";
import { saidOfExactAnswer } from "../../exact/errors";
import { withParams } from "../matching/reason-params";
import type { SalesEntryRow } from "../sales-entries/outbox-store";

type Details = Record<string, unknown> | null | undefined;

/** The problems a parked entry's last attempt recorded, as far as they have the API's shape. */
export function problemsOf(details: Details): ApiValidationProblem[] {
  const parsed = z.array(validationProblemSchema).safeParse(details?.problems);
  return parsed.success ? parsed.data : [];
}

const saidSchema = z.object({ reason: errorReasonSchema, params: errorParamsSchema });

/**
 * What stopped an entry's last attempt, by reason and params. Attempts recorded before reasons were kept name
 * only Exact's answer (its status and words), or only the kind of error the match or the attempt threw, or
 * nothing but a storage code or an unexpected error's text: the reason is told from those, as the proxy words
 * them now. No stored row is rewritten.
 */
export function errorOf(
  details: Details,
  recorded?: string | null,
): { reason: ErrorReason; params: Record<string, string> } | null {
  const said = saidSchema.safeParse(details?.said);
  if (said.success) return said.data;
  const status = details?.exactStatus;
  const exactMessage = typeof details?.exactMessage === "string" ? details.exactMessage : undefined;
  if (status === "no_answer") return { reason: "exact_no_answer", params: {} };
  if (typeof status === "number") {
    const answer = saidOfExactAnswer(status, exactMessage ? { exactMessage } : {});
    return { reason: answer.reason, params: answer.params ?? {} };
  }
  // A match that threw parked the entry with the error's kind; an attempt that threw ours kept its code.
  if (isRecordedKind(details?.error)) return { reason: "match_failed", params: { kind: details.error } };
  if (isRecordedKind(details?.code)) return { reason: "attempt_failed", params: { kind: details.code } };
  if (details || !recorded) return null;
  // Nothing but a message: a storage code (perhaps after "Gave up after n attempts: "), or an unexpected error's.
  const storage = /(?:^|: )(storage_full|storage_busy|storage_unavailable)$/.exec(recorded)?.[1] as
    | ErrorReason
    | undefined;
  return storage ? { reason: storage, params: {} } : { reason: "internal", params: {} };
}

const isRecordedKind = (kind: unknown): kind is RecordedKind =>
  typeof kind === "string" && (RECORDED_KINDS as readonly string[]).includes(kind);

/**
 * Why a parked entry's customer needs a person, as its last attempt recorded the match's reasons. Entries parked
 * before the reasons were kept whole have only their codes: they get the values their sentences name from the
 * candidate account (its status, its VAT number) and the invoice's customer, as a match would give them now.
 */
export function reasonsOf(row: SalesEntryRow, accounts: ReadonlyMap<string, MirrorRow>): ApiReason[] {
  const details = row.lastErrorDetails;
  const explained = z.array(reasonSchema).safeParse(details?.explained);
  if (explained.success) return explained.data;
  const codes = z.array(reasonCodeSchema).safeParse(details?.reasons);
  if (!codes.success) return [];
  const candidates = z.array(z.string()).safeParse(details?.candidates);
  const only =
    candidates.success && candidates.data.length === 1 ? accounts.get(candidates.data[0]!) : undefined;
  const customerVat = (row.body as { customer?: { vatNumber?: string | null } }).customer?.vatNumber;
  const account = only && { status: only.status, vat: only.vatNumber };
  // The English of all of them together, as it was recorded: the codes are what a reader translates.
  return codes.data.map((code) => withParams({ code, message: row.lastError ?? "" }, account, customerVat));
}
