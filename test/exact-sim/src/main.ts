import { DEFAULT_SEED } from "./options";
import { startExactSimulator } from "./server";

/** `pnpm sim`: the simulator with demo data on SIM_PORT (default 8788). */
const port = Number(process.env.SIM_PORT ?? 8788);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`SIM_PORT must be a port number, got "${process.env.SIM_PORT}"`);
  process.exit(1);
}

const running = await startExactSimulator({
  port,
  hostname: process.env.SIM_HOST ?? "127.0.0.1",
  seed: DEFAULT_SEED,
});
const { sim, url } = running;
const app = sim.options.apps[0]!;
const lines = [
  `Exact Online simulator listening on ${url}`,
  `  OAuth authorize  ${url}/api/oauth2/auth   token ${url}/api/oauth2/token`,
  `  client_id        ${app.clientId}`,
  `  client_secret    ${app.clientSecret}`,
  `  webhook secret   ${app.webhookSecret}`,
  `  control API      ${url}/__sim/   (e.g. GET /__sim/calls/summary)`,
  "  divisions:",
  ...sim.control
    .divisions()
    .map(
      (d) => `    ${String(d.code).padEnd(8)} ${d.name} (${d.country}, ${d.host}) – ${d.accounts} accounts`,
    ),
];
console.log(lines.join("\n"));

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: stopping the simulator`);
  await running.close();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
