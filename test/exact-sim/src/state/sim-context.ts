import type { Clock } from "@zapfloor-exact/shared/clock";
import type { ResolvedOptions } from "../options";
import type { Prng } from "../util/prng";
import type { SimEvents } from "./events";
import type { SimUser } from "./user";

/** What services need besides the division they work on. */
export interface SimContext {
  clock: Clock;
  /** Source of runtime GUIDs and tokens (seeded, so runs are reproducible). */
  ids: Prng;
  options: ResolvedOptions;
  user: SimUser;
  events: SimEvents;
}
