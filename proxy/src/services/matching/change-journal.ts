/** Changes one state kept in memory keeps for what is derived from it, at most this many (the oldest go first). */
const MAX_CHANGES = 4_096;

/** What changed since a version, and the version that brings the state to. */
export interface ChangesSince<T> {
  changes: T[];
  to: number;
}

/**
 * The changes applied to a state kept in step with the database (`keptInStep`), each under the version it
 * produced: something derived from the state at an earlier version (the overview's counts per state) can bring
 * itself up to date by the changes alone instead of working everything out again. It remembers the latest
 * `MAX_CHANGES`; further back, and before the state was built, what changed is unknown.
 */
export class ChangeJournal<T> {
  #entries: { version: number; changes: T[] }[] = [];
  /** Every change after this version is remembered. */
  #from: number;
  #to: number;
  #size = 0;

  /** `version`: the version the state was built at. */
  constructor(version: number) {
    this.#from = version;
    this.#to = version;
  }

  /** The version the state is at: the last one recorded. */
  get latest(): number {
    return this.#to;
  }

  /** Notes the changes that took the state to `version`; none, and the version stays. */
  record(version: number, changes: T[]): void {
    if (changes.length === 0) return;
    this.#entries.push({ version, changes });
    this.#to = version;
    this.#size += changes.length;
    while (this.#size > MAX_CHANGES && this.#entries.length > 0) {
      const oldest = this.#entries.shift()!;
      this.#size -= oldest.changes.length;
      this.#from = oldest.version;
    }
  }

  /** The changes after `version`, oldest first, or undefined when they are no longer (or never were) known. */
  since(version: number): ChangesSince<T> | undefined {
    if (version < this.#from || version > this.#to) return undefined;
    const changes: T[] = [];
    for (const entry of this.#entries) if (entry.version > version) changes.push(...entry.changes);
    return { changes, to: this.#to };
  }
}
