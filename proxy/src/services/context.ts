import type { Clock } from "@zapfloor-exact/shared/clock";
import type { Db } from "../db/client";
import type { ExactRuntime } from "../exact/runtime";
import type { Logger } from "../logger";

/** What every service verb receives: the database, the clock and a logger. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/** Service verbs that reach Exact Online also get the Exact runtime. */
export interface ExactServiceContext extends ServiceContext {
  exact: ExactRuntime;
}
