import { parseArgs } from "node:util";
import { checkSecretKey } from "../../services/secret-key/check-secret-key";
import { rotateSecretKey } from "../../services/secret-key/rotate-secret-key";
import { type CliRuntime, UsageError } from "../runtime";

export const secretUsage = `  secret status [--json]           the key id of SECRET_KEY and whether it opens every encrypted value
  secret rotate [--json]           with the new key in SECRET_KEY and the old one in SECRET_KEY_PREVIOUS:
                                  encrypts every Exact token and webhook secret again under the new key`;

export async function secretCommand(runtime: CliRuntime, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" } },
  });
  const [verb] = positionals;
  const { cipher } = runtime.exact;
  if (verb === "status") {
    const check = await checkSecretKey(runtime, cipher);
    if (values.json) runtime.out(JSON.stringify({ keyId: cipher.keyId, ...check }));
    else
      runtime.out(
        `Key ${cipher.keyId}: opens ${check.stored - check.unreadable} of ${check.stored} encrypted values.`,
      );
    return;
  }
  if (verb === "rotate") {
    if (!runtime.env.SECRET_KEY_PREVIOUS) {
      runtime.note("SECRET_KEY_PREVIOUS is not set: values sealed under another key cannot be opened.");
    }
    const result = await rotateSecretKey(runtime, cipher);
    if (values.json) runtime.out(JSON.stringify({ keyId: cipher.keyId, ...result }));
    else
      runtime.out(
        `Encrypted again under key ${cipher.keyId}: ${result.resealed}; already under it: ${result.current}; ` +
          `replaced meanwhile by a refresh: ${result.changedMeanwhile}; opened by no configured key: ${result.unreadable}.`,
      );
    return;
  }
  throw new UsageError(`Unknown secret command: ${verb ?? "(none)"}`);
}
