/**
 * How much memory a process may give the divisions' in-memory account indexes (`INDEX_MEMORY_MB`), per
 * database handle. Beyond it, the least recently used divisions are evicted and built again when next asked
 * for (answered from the database meanwhile).
 */
const budgets = new WeakMap<object, number>();

export const DEFAULT_INDEX_MEMORY_MB = 512;

/**
 * Heap one indexed account holds (its record with its matching keys, its entries in the key and name indexes),
 * from the heap of a process serving one 100,000-account division (`pnpm bench`, "Account-link lookup"), which
 * measured about 660 bytes per account with the tenant's customers and the division's links included; rounded up.
 */
export const BYTES_PER_INDEXED_ACCOUNT = 700;

export function setIndexMemoryBudget(db: object, megabytes: number): void {
  budgets.set(db, megabytes * 2 ** 20);
}

export function indexMemoryBudget(db: object): number {
  return budgets.get(db) ?? DEFAULT_INDEX_MEMORY_MB * 2 ** 20;
}
