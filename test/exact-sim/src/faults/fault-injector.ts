import type { Prng } from "../util/prng";
import type { ActiveFault, FaultRule } from "./fault-rules";

export interface FaultDecision {
  latencyMs: number;
  /** The rule whose action applies (at most one per request: the first that matches and fires). */
  failure?: ActiveFault;
}

/** Holds the faults a test switched on and decides, per request, which of them fire. */
export class FaultInjector {
  #rules: ActiveFault[] = [];
  #counter = 0;

  constructor(private readonly prng: Prng) {}

  add(rule: FaultRule): ActiveFault {
    const active: ActiveFault = { ...rule, id: rule.id ?? `fault-${++this.#counter}`, fired: 0 };
    this.#rules = [...this.#rules.filter((r) => r.id !== active.id), active];
    return active;
  }

  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((r) => r.id !== id);
    return this.#rules.length !== before;
  }

  clear(): void {
    this.#rules = [];
  }

  list(): ActiveFault[] {
    return this.#rules.map((r) => ({ ...r }));
  }

  decide(method: string, path: string, division: number | null): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const rule of this.#rules) {
      if (!this.#matches(rule, method, path, division)) continue;
      if (rule.times !== undefined && rule.fired >= rule.times) continue;
      if (rule.probability !== undefined && !this.prng.chance(rule.probability)) continue;
      if (rule.action === undefined) {
        decision.latencyMs += rule.latencyMs ?? 0;
        rule.fired++;
        continue;
      }
      if (decision.failure) continue;
      if ((rule.action === "statusAfterWrite" || rule.action === "dropAfterWrite") && method === "GET")
        continue;
      decision.latencyMs += rule.latencyMs ?? 0;
      decision.failure = rule;
      rule.fired++;
    }
    this.#rules = this.#rules.filter((r) => r.times === undefined || r.fired < r.times);
    return decision;
  }

  #matches(rule: FaultRule, method: string, path: string, division: number | null): boolean {
    if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
    if (rule.division !== undefined && rule.division !== division) return false;
    return globToRegExp(rule.path).test(decodeSafe(path));
  }
}

const cache = new Map<string, RegExp>();
function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    const anchored = glob.startsWith("/") ? glob : `*/${glob}`;
    const body = anchored
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    re = new RegExp(`^${body}$`);
    cache.set(glob, re);
  }
  return re;
}

function decodeSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
