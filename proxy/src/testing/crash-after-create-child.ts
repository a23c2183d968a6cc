// A proxy process that dies the moment Exact Online has answered its POST of a new customer, before it can
// commit anything: the crash that exactly-once creation must survive. Run by `linking-over-http.test.ts`.
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "@zapfloor-exact/exact-sim";
import { systemClock } from "@zapfloor-exact/shared/clock";
import { openDatabase } from "../db/client";
import { createExactHttp, type ExactHttp } from "../exact/http";
import { createExactRuntime } from "../exact/runtime";
import { createLogger } from "../logger";
import { matchCustomer } from "../services/matching/match-customer";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const http = createExactHttp();
const dyingAfterCreate: ExactHttp = {
  async send(request) {
    const response = await http.send(request);
    if (
      request.method === "POST" &&
      /\/crm\/Accounts$/.test(new URL(request.url).pathname) &&
      response.status < 300
    ) {
      process.kill(process.pid, "SIGKILL");
    }
    return response;
  },
};

const database = openDatabase(env("DATABASE_URL"));
const logger = createLogger("silent");
const exact = createExactRuntime({
  db: database.db,
  clock: systemClock,
  logger,
  http: dyingAfterCreate,
  secretKey: Buffer.from(env("SECRET_KEY"), "base64"),
  app: {
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    redirectUri: "http://proxy.test/exact/callback",
    baseUrl: env("SIM_URL"),
    sandbox: false,
  },
});

await matchCustomer(
  { db: database.db, clock: systemClock, logger, exact },
  {
    tenantId: env("TENANT_ID"),
    division: Number(env("DIVISION")),
    customerNumber: env("CUSTOMER"),
    create: true,
    actor: "zapfloor",
  },
);
// Reaching this line means the process did not die after Exact's answer: the test fails on the exit code.
process.exit(3);
