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
  if (error instanceof AppError)
    return error.reason ? `${error.message} (${saidText(error)})` : error.message;
  if (error instanceof EnvError) return error.message;
  const described = describeError(error);
  if (storageErrorOf(error) || described === "database_error") return `The database failed (${described}).`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** An error's reason with the values it names, as the API gives them: `token_not_found, token=tok_1`. */
function saidText(error: AppError): string {
  const params = Object.entries(error.params ?? {}).map(([name, value]) => `${name}=${value}`);
  return [error.reason, ...params].join(", ");
}
