import { entriesCommand, entriesUsage } from "./commands/entries";
import { eventsCommand, eventsUsage } from "./commands/events";
import { exactCommand, exactUsage } from "./commands/exact";
import { reportCommand, reportUsage } from "./commands/report";
import { secretCommand, secretUsage } from "./commands/secret";
import { syncCommand, syncUsage } from "./commands/sync";
import { tenantCommand, tenantUsage } from "./commands/tenant";
import { tokenCommand, tokenUsage } from "./commands/token";
import { cliErrorText } from "./error-text";
import { type CliRuntime, openCliRuntime, UsageError } from "./runtime";

type Command = (runtime: CliRuntime, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  tenant: tenantCommand,
  token: tokenCommand,
  exact: exactCommand,
  sync: syncCommand,
  entries: entriesCommand,
  events: eventsCommand,
  report: reportCommand,
  secret: secretCommand,
};

const usage = [
  "usage: pnpm cli <command>",
  "",
  tenantUsage,
  tokenUsage,
  exactUsage,
  syncUsage,
  entriesUsage,
  eventsUsage,
  reportUsage,
  secretUsage,
].join("\n");

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${usage}\n`);
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  const runtime = await openCliRuntime();
  try {
    await command(runtime, args);
    return 0;
  } finally {
    await runtime.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${cliErrorText(error, usage)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
