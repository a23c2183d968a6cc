import type { MatchSignal } from "./types";

/** Signals in the order they are listed on a candidate. */
export const SIGNAL_ORDER: readonly MatchSignal[] = ["code", "searchCode", "vat", "companyNumber", "name"];

/** How much each signal alone says; name evidence is scaled by the similarity. */
const SIGNAL_WEIGHT: Readonly<Record<Exclude<MatchSignal, "name">, number>> = {
  code: 0.9,
  searchCode: 0.9,
  vat: 0.9,
  companyNumber: 0.8,
};
const NAME_WEIGHT = 0.5;

/**
 * 0..1, combining independent signals as 1 − Π(1 − weight): one identifier gives 0.9, two give 0.99,
 * a name alone at most 0.5.
 */
export function evidenceScore(signals: ReadonlySet<MatchSignal>, nameSimilarity: number): number {
  let doubt = 1;
  for (const signal of signals) {
    doubt *= 1 - (signal === "name" ? NAME_WEIGHT * nameSimilarity : SIGNAL_WEIGHT[signal]);
  }
  return Math.round((1 - doubt) * 1000) / 1000;
}

export function orderedSignals(signals: ReadonlySet<MatchSignal>): MatchSignal[] {
  return SIGNAL_ORDER.filter((signal) => signals.has(signal));
}

/** Collects, per record, which signals connect it to the one being matched. */
export class EvidenceCollector<T> {
  readonly #signals = new Map<T, Set<MatchSignal>>();

  add(items: Iterable<T>, signal: MatchSignal): void {
    for (const item of items) this.signalsOf(item).add(signal);
  }

  /** Registers the record with no signal yet (e.g. a linked account that no longer matches). */
  include(item: T): void {
    this.signalsOf(item);
  }

  signalsOf(item: T): Set<MatchSignal> {
    let signals = this.#signals.get(item);
    if (!signals) {
      signals = new Set();
      this.#signals.set(item, signals);
    }
    return signals;
  }

  entries(): IterableIterator<[T, Set<MatchSignal>]> {
    return this.#signals.entries();
  }
}
