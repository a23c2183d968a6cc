import { systemClock } from "@zapfloor-exact/shared/clock";
import type { AppDeps } from "../src/context";
import { createExactRuntime } from "../src/exact/runtime";
import { type BackgroundJobsOptions, createBackgroundJobs } from "../src/jobs/background-jobs";
import { silentLogger } from "../src/logger";

/**
 * The proxy's dependencies for a benchmark on `db`: the system clock, no logging, and an Exact app pointing where
 * nothing listens, so that a benchmark that must never reach Exact fails loudly if it does.
 */
export function benchDeps(
  db: AppDeps["db"],
  options: { publicUrl: string; jobs?: Partial<BackgroundJobsOptions> },
): AppDeps {
  const exact = createExactRuntime({
    db,
    clock: systemClock,
    logger: silentLogger,
    secretKey: Buffer.alloc(32, 7),
    app: {
      clientId: "bench",
      clientSecret: "bench",
      redirectUri: "http://127.0.0.1:9/cb",
      baseUrl: "http://127.0.0.1:9",
      sandbox: false,
    },
  });
  const { publicUrl } = options;
  const jobs = createBackgroundJobs(
    { db, clock: systemClock, logger: silentLogger, exact, publicUrl },
    { syncIntervalMs: 3_600_000, ...options.jobs },
  );
  return { db, clock: systemClock, logger: silentLogger, version: "bench", exact, publicUrl, jobs };
}
