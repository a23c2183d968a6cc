// A second (and third) proxy process for the refresh-race test: opens the shared database file, waits for the
// agreed moment, fires its calls at once, and prints what happened as one JSON line.
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "@zapfloor-exact/exact-sim";
import { systemClock } from "@zapfloor-exact/shared/clock";
import { openDatabase } from "../db/client";
import { createExactRuntime } from "../exact/runtime";
import { me } from "../exact/schemas";
import { createLogger } from "../logger";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const database = openDatabase(env("DATABASE_URL"));
const exact = createExactRuntime({
  db: database.db,
  clock: systemClock,
  logger: createLogger("silent"),
  secretKey: Buffer.from(env("SECRET_KEY"), "base64"),
  app: {
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    redirectUri: "http://proxy.test/exact/callback",
    baseUrl: env("SIM_URL"),
    sandbox: false,
  },
});

await systemClock.sleep(Math.max(0, Number(env("START_AT")) - Date.now()));
const results = await Promise.allSettled(
  Array.from({ length: Number(env("CALLS")) }, () => exact.client.me(env("TENANT_ID"), me)),
);
const errors = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
process.stdout.write(`${JSON.stringify({ ok: results.length - errors.length, errors })}\n`);
database.close();
