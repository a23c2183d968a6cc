#!/usr/bin/env node
// The front door behind `npm start`, `npm test` and `npm bench` (and their pnpm twins): on a fresh machine
// with only Node.js and npm it brings the pinned pnpm, installs the workspace, and then does the one job.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pnpmVersion = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];
const job = process.argv[2];
const started = Date.now();

const say = (text) => process.stdout.write(`\n▶ ${text}\n`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  return result.status === 0;
}

function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ["pnpm"];
  say(`Installing pnpm ${pnpmVersion} (npm i -g pnpm@${pnpmVersion})`);
  if (
    run("npm", ["install", "--global", `pnpm@${pnpmVersion}`], { stdio: ["ignore", "ignore", "inherit"] })
  ) {
    return ["pnpm"];
  }
  console.log(`  No permission for a global install; using npx pnpm@${pnpmVersion} instead.`);
  return ["npx", "--yes", `pnpm@${pnpmVersion}`];
}

// Every Exact simulator started by the tests (in process, in children, behind the e2e proxy) appends the client
// errors no test asked for to this file: they count toward Exact's error block, and a run should cause none.
const clientErrorLedger = join(tmpdir(), `zfx-sim-client-errors-${process.pid}.jsonl`);

function reportClientErrors() {
  if (job !== "test") return;
  const lines = existsSync(clientErrorLedger)
    ? readFileSync(clientErrorLedger, "utf8").split("\n").filter(Boolean)
    : [];
  rmSync(clientErrorLedger, { force: true });
  const counts = new Map();
  for (const line of lines) {
    const { method, endpoint, status } = JSON.parse(line);
    const key = `${method} ${endpoint} → ${status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  console.log(`\n${lines.length ? "✖" : "✔"} Unexpected 4xx answers at the Exact simulator: ${lines.length}`);
  for (const [key, n] of counts) console.log(`    ${n} × ${key}`);
}

function step(pnpm, title, args, env) {
  const since = Date.now();
  say(title);
  const [command, ...prefix] = pnpm;
  const ledger = job === "test" ? { EXACT_SIM_CLIENT_ERROR_LEDGER: clientErrorLedger } : {};
  if (!run(command, [...prefix, ...args], { env: { ...process.env, ...ledger, ...env } })) {
    console.error(`\n✖ ${title} failed after ${seconds(since)}.`);
    reportClientErrors();
    process.exit(1);
  }
  console.log(`✔ ${title} (${seconds(since)})`);
}

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `✖ Chromium is needed for the end-to-end tests and was not found at ${chromiumPath}.\n` +
        "  Install Debian's package as root (apt-get install chromium), or point CHROMIUM_PATH at a Chromium binary.",
    );
    process.exit(1);
  }
  say("Installing Debian's Chromium for the end-to-end tests (apt-get install chromium)");
  const apt = { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } };
  if (!run("apt-get", ["update", "-qq"], apt) || !run("apt-get", ["install", "-y", "-qq", "chromium"], apt)) {
    console.error("✖ apt-get could not install chromium.");
    process.exit(1);
  }
}

// The built proxy runs as this script's own child, not under `pnpm run` (which does not pass a SIGTERM on):
// stopping `npm start` then stops the proxy, and a service manager can restart it.
function startProxy() {
  const child = spawn(process.execPath, ["dist/index.js"], { cwd: join(root, "proxy"), stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const pnpm = pnpmCommand();
step(pnpm, "Installing dependencies", ["install", "--frozen-lockfile", "--prefer-offline"]);

switch (job) {
  case "start":
    step(pnpm, "Building the proxy", ["--filter", "@zapfloor-exact/proxy", "run", "build"]);
    startProxy();
    break;
  case "test":
    ensureChromium();
    step(pnpm, "Typecheck and lint", ["run", "check"]);
    step(pnpm, "Schema and migrations agree", ["--filter", "@zapfloor-exact/proxy", "run", "db:check"]);
    step(pnpm, "Unit and integration tests", ["run", "test:unit"]);
    step(pnpm, "Replicas under faults (SIGKILLs, Exact failures)", ["run", "test:resilience"]);
    step(pnpm, "Building the extension", ["--filter", "@zapfloor-exact/extension", "run", "build"]);
    step(pnpm, "Content script within its size budget", [
      "--filter",
      "@zapfloor-exact/extension",
      "run",
      "check:size",
    ]);
    step(pnpm, "End-to-end tests in Chromium", ["run", "test:e2e"], { CHROMIUM_PATH: chromiumPath });
    reportClientErrors();
    console.log(`\n✔ Every test passed in ${seconds(started)}.`);
    break;
  case "bench":
    step(pnpm, "Benchmarks", ["run", "bench:all"]);
    break;
  default:
    console.error(`usage: bootstrap.mjs start|test|bench (got ${job ?? "nothing"})`);
    process.exit(2);
}
