import type { Clock } from "@zapfloor-exact/shared/clock";
import type { Db } from "../db/client";
import type { Logger } from "../logger";

/** What every service verb receives: the database, the clock and a logger. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  logger: Logger;
}
