import type { Clock } from "@zapfloor-exact/shared/clock";

const HOUR = 3_600_000;
const COUNTED = new Set([400, 401, 403, 404]);

export interface ErrorBudgetEntry {
  clientId: string;
  division: number;
  endpoint: string;
  errorsLastHour: number;
  overThreshold: boolean;
}

/**
 * Exact blocks an app temporarily after more than 10 error responses (400/401/403/404) per app, user, division and
 * endpoint within an hour [exact-online-api.md §6, S12a]. The simulator always counts; blocking is an option.
 */
export class ErrorBudget {
  readonly #errors = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly threshold: number,
  ) {}

  record(clientId: string, division: number, endpoint: string, status: number): void {
    if (!COUNTED.has(status)) return;
    const key = `${clientId}|${division}|${endpoint}`;
    const list = this.#errors.get(key) ?? [];
    list.push(this.clock.now());
    this.#errors.set(key, list);
  }

  isOverThreshold(clientId: string, division: number, endpoint: string): boolean {
    return this.#recent(`${clientId}|${division}|${endpoint}`) > this.threshold;
  }

  entries(): ErrorBudgetEntry[] {
    return [...this.#errors.keys()].map((key) => {
      const [clientId, division, endpoint] = key.split("|") as [string, string, string];
      const errorsLastHour = this.#recent(key);
      return {
        clientId,
        division: Number(division),
        endpoint,
        errorsLastHour,
        overThreshold: errorsLastHour > this.threshold,
      };
    });
  }

  reset(): void {
    this.#errors.clear();
  }

  #recent(key: string): number {
    const cutoff = this.clock.now() - HOUR;
    const list = (this.#errors.get(key) ?? []).filter((t) => t > cutoff);
    this.#errors.set(key, list);
    return list.length;
  }
}
