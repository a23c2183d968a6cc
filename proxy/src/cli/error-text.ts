import { describeError, storageErrorOf } from "../db/storage-error";
import { EnvError } from "../env";
import { AppError } from "../errors";
import { UsageError } from "./runtime";

/**
 * What the CLI prints for an error that ends a command. A failed query names only its storage code: its message
 * carries the SQL and the values bound to it (names, e-mail addresses), which stay out of the operator's terminal
 * and whatever collects it. Anything else unexpected keeps its stack, for a bug report.
 */
export function cliErrorText(error: unknown, usage: string): string {
  if (error instanceof UsageError) return `${error.message}\n\n${usage}`;
  if (error instanceof EnvError || error instanceof AppError) return error.message;
  const described = describeError(error);
  if (storageErrorOf(error) || described === "database_error") return `The database failed (${described}).`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
