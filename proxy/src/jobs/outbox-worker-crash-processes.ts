import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import type { ExactSimulator } from "@zapfloor-exact/exact-sim";

const proxyDir = fileURLToPath(new URL("../..", import.meta.url));

export type KillReason = "random" | "beforeAnswer" | "afterAnswer";

export interface ProxySlot {
  name: string;
  port: number;
  /** Where this slot's proxy reaches Exact: a front to the simulator that can kill the proxy mid-call. */
  exactUrl: string;
  ready: boolean;
  child: ChildProcess | undefined;
  generation: number;
}

export interface ProxyFleetOptions {
  sim: ExactSimulator;
  division: number;
  env: Record<string, string>;
  random: () => number;
  /** After becoming ready, a proxy lives a random time up to this long before it is killed. */
  maxLifeMs: number;
  /** Chance that a proxy is killed after Exact booked its POST but before the answer reaches it. */
  killBeforeAnswer: number;
  /** Chance that a proxy is killed just after Exact's answer reached it, before or while it commits. */
  killAfterAnswer: number;
}

/**
 * Real proxy processes (`node --import tsx src/index.ts`) on one database file, each reaching the simulator
 * through its own front. The fleet kills them with SIGKILL at random moments and in the window around Exact's
 * answer to a sales-entry POST, and starts them again, until told to stop.
 */
export async function startProxyFleet(names: string[], ports: number[], options: ProxyFleetOptions) {
  const kills: Record<KillReason, number> = { random: 0, beforeAnswer: 0, afterAnswer: 0 };
  const unexpectedExits: string[] = [];
  let killing = true;
  let closing = false;
  const fronts: ServerType[] = [];
  const slots: ProxySlot[] = [];

  const kill = (slot: ProxySlot, reason: KillReason, generation = slot.generation) => {
    if (!killing || !slot.child || slot.generation !== generation || slot.child.exitCode !== null)
      return false;
    if (!slot.child.kill("SIGKILL")) return false;
    kills[reason]++;
    return true;
  };

  const exited = (slot: ProxySlot) =>
    new Promise<void>((resolve) => {
      if (!slot.child || slot.child.exitCode !== null || slot.child.signalCode !== null) resolve();
      else slot.child.once("exit", () => resolve());
    });

  for (const [index, name] of names.entries()) {
    const slot: ProxySlot = {
      name,
      port: ports[index]!,
      exactUrl: "",
      ready: false,
      child: undefined,
      generation: 0,
    };
    const front = await new Promise<ServerType>((resolve) => {
      const server = serve(
        {
          fetch: async (request) => {
            const response = await options.sim.app.fetch(request);
            const isEntryPost =
              request.method === "POST" && new URL(request.url).pathname.endsWith("/salesentry/SalesEntries");
            if (isEntryPost && response.ok) {
              const roll = options.random();
              if (roll < options.killBeforeAnswer) {
                if (kill(slot, "beforeAnswer")) await exited(slot);
              } else if (roll < options.killBeforeAnswer + options.killAfterAnswer) {
                const generation = slot.generation;
                setTimeout(() => kill(slot, "afterAnswer", generation), Math.floor(options.random() * 8));
              }
            }
            return response;
          },
          port: 0,
          hostname: "127.0.0.1",
        },
        () => resolve(server),
      );
    });
    const address = front.address();
    slot.exactUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    fronts.push(front);
    slots.push(slot);
  }

  const start = (slot: ProxySlot) => {
    slot.generation++;
    const generation = slot.generation;
    slot.ready = false;
    let stderr = "";
    const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: proxyDir,
      env: { ...process.env, ...options.env, PORT: String(slot.port), EXACT_BASE_URL: slot.exactUrl },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    slot.child = child;
    child.once("exit", (code, signal) => {
      if (slot.generation !== generation) return;
      slot.ready = false;
      slot.child = undefined;
      if (signal !== "SIGKILL" && !closing)
        unexpectedExits.push(`${slot.name} exited (${code ?? signal}): ${stderr}`);
      if (!closing) start(slot);
    });
    void waitUntilReady(slot, generation).then((ready) => {
      if (!ready) return;
      slot.ready = true;
      const life = Math.floor(options.random() * options.maxLifeMs);
      setTimeout(() => kill(slot, "random", generation), life);
    });
  };

  const waitUntilReady = async (slot: ProxySlot, generation: number) => {
    while (slot.generation === generation && !closing) {
      try {
        const health = await fetch(`http://127.0.0.1:${slot.port}/health`, {
          signal: AbortSignal.timeout(500),
        });
        if (health.ok) return slot.generation === generation;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    return false;
  };

  for (const slot of slots) start(slot);

  return {
    slots,
    kills,
    totalKills: () => kills.random + kills.beforeAnswer + kills.afterAnswer,
    unexpectedExits,
    readySlots: () => slots.filter((slot) => slot.ready),
    /** No more kills; the proxies keep running (and restart once more if one was just killed). */
    stopKilling() {
      killing = false;
    },
    async close() {
      closing = true;
      killing = false;
      for (const slot of slots) {
        slot.child?.kill("SIGKILL");
        await exited(slot);
      }
      await Promise.all(fronts.map((front) => new Promise<void>((resolve) => front.close(() => resolve()))));
    },
  };
}

export type ProxyFleet = Awaited<ReturnType<typeof startProxyFleet>>;
