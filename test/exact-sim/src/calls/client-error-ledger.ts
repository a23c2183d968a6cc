import { appendFileSync } from "node:fs";
import type { CallRecord } from "./call-log";

/** Environment variable naming the file in which a test run collects the client errors no test asked for. */
export const CLIENT_ERROR_LEDGER_ENV = "EXACT_SIM_CLIENT_ERROR_LEDGER";

/**
 * Appends one JSON line per unexpected client error to `path`, so that a whole test run (many processes, many
 * simulators) can print their number at the end. Without a path nothing is written.
 */
export function clientErrorLedger(path: string | undefined): ((entry: CallRecord) => void) | undefined {
  if (!path) return undefined;
  return (entry) => {
    const line = {
      method: entry.method,
      endpoint: entry.endpoint,
      status: entry.status,
      where: process.env.SIM_LEDGER_LABEL ?? "",
    };
    appendFileSync(path, `${JSON.stringify(line)}\n`);
  };
}
