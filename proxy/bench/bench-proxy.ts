import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { createApp } from "../src/app";
import type { AppDeps } from "../src/context";
import { type Db, openDatabase, prepareDatabase } from "../src/db/client";
import { listen, type RunningServer } from "../src/server";
import { type CreatedTenant, createTenant } from "../src/services/tenants/create-tenant";
import { benchDeps } from "./bench-deps";

/** The lookup benchmarks' proxy: a libSQL file in a folder of its own, one tenant, the HTTP server once started. */
export interface BenchProxy {
  db: Db;
  deps: AppDeps;
  tenant: CreatedTenant;
  /** Starts the proxy's HTTP server on loopback (after the data is written, as a process started on it would). */
  listen(): Promise<RunningServer>;
}

/** Runs `work` on a fresh bench proxy, and removes everything it made afterwards. */
export async function withBenchProxy<T>(
  options: { folderPrefix: string; tenantName: string; before?: (db: Db) => void },
  work: (proxy: BenchProxy) => Promise<T>,
): Promise<T> {
  const folder = mkdtempSync(join(os.tmpdir(), options.folderPrefix));
  const database = openDatabase(`file:${join(folder, "proxy.db")}`);
  let server: RunningServer | undefined;
  let deps: AppDeps | undefined;
  try {
    await prepareDatabase(database);
    options.before?.(database.db);
    deps = benchDeps(database.db, { publicUrl: "http://127.0.0.1" });
    const tenant = await createTenant(deps, { name: options.tenantName });
    const started = deps;
    return await work({
      db: database.db,
      deps: started,
      tenant,
      listen: async () => {
        server = await listen(createApp(started), 0, "127.0.0.1");
        return server;
      },
    });
  } finally {
    await server?.close();
    await deps?.jobs.stop();
    database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A full collection, so that a heap figure is what is kept, not what building it left behind. */
export function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}
