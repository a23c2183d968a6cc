import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, prepareDatabase } from "../db/client";
import { silentLogger } from "../logger";
import type { ServiceContext } from "../services/context";
import { createManualClock } from "./manual-clock";

/**
 * Two processes' views of one migrated database file, on one manual clock: each has its own in-memory indexes
 * and caches, as two replicas would. `close` closes both and removes the file.
 */
export async function twoReplicas(start: number, folderPrefix: string) {
  const folder = mkdtempSync(join(tmpdir(), folderPrefix));
  const url = `file:${join(folder, "proxy.db")}`;
  const first = openDatabase(url);
  await prepareDatabase(first);
  const second = openDatabase(url);
  const clock = createManualClock(start);
  const context = (db: typeof first.db): ServiceContext => ({ db, clock, logger: silentLogger });
  return {
    clock,
    writer: context(first.db),
    reader: context(second.db),
    close: () => {
      first.close();
      second.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
