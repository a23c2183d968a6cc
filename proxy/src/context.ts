import type { Clock } from "@zapfloor-exact/shared/clock";
import type { Db } from "./db/client";
import type { ExactRuntime } from "./exact/runtime";
import type { BackgroundJobs } from "./jobs/background-jobs";
import type { Logger } from "./logger";
import type { ApiRateLimit } from "./middleware/rate-limit";
import type { Caller } from "./services/tenants/authenticate";

/** Everything the app needs from the outside world; `index.ts` builds it once, tests build their own. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  version: string;
  exact: ExactRuntime;
  /** The proxy's public URL: OAuth redirects and webhook callbacks point here. */
  publicUrl: string;
  jobs: BackgroundJobs;
  /** Requests a minute per API token; none: unlimited (tests and benchmarks that build their own app). */
  apiRateLimit?: ApiRateLimit;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by `requireRole` on authenticated routes. */
    caller: Caller;
  };
}
