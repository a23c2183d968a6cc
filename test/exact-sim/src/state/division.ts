import { AccountStore } from "../entities/accounts/account-store";
import { FinancialData } from "../financial/financial-data";

/** Properties of a division as system/Divisions shows them. */
export interface DivisionProfile {
  code: number;
  name: string;
  /** Exact host where the division lives, e.g. `start.exactonline.nl` (informational: the simulator serves all). */
  host: string;
  /** ISO-2 country; also the division's legislation. */
  country: string;
  currency: string;
  /** Digits of zero-padded account codes (`0000011` → 7); 0 for plain codes (`25`). */
  accountCodeDigits: number;
  created: number;
}

/** Everything the simulator holds for one division. */
export class DivisionData {
  readonly profile: DivisionProfile;
  readonly accounts = new AccountStore();
  readonly financial = new FinancialData();
  /** Highest numeric account code ever stored; the next auto-assigned Code is one above it. */
  highestAccountCode = 0;
  /** system/Divisions `Status`: 1 for a division in use (the recording); any other value is not (UNCONFIRMED). */
  status = 1;
  /** system/Divisions `BlockingStatus`: 0 not blocked, 1 backup, 2–6 conversion or copy, 100–102 deletion. */
  blockingStatus = 0;
  #rowVersion: number;

  constructor(profile: DivisionProfile, firstTimestamp = 1_000_000) {
    this.profile = profile;
    this.#rowVersion = firstTimestamp;
  }

  get code(): number {
    return this.profile.code;
  }

  /** Next value of the division's row version (sync `Timestamp`), strictly increasing. */
  nextTimestamp(): number {
    this.#rowVersion += 1;
    return this.#rowVersion;
  }

  get lastTimestamp(): number {
    return this.#rowVersion;
  }

  /** Used by seeding after loading pre-numbered rows. */
  raiseTimestampTo(value: number): void {
    if (value > this.#rowVersion) this.#rowVersion = value;
  }

  /** What still refers to the account (blocks its deletion); undefined when nothing. */
  accountUsedIn(accountId: string): string | undefined {
    return this.financial.customerHasEntries(accountId) ? "Verkoopboekingen" : undefined;
  }

  noteAccountCode(paddedCode: string): void {
    const trimmed = paddedCode.trim();
    // Codes beyond 15 digits (the SDK's random test codes) cannot drive a numeric sequence.
    if (/^\d{1,15}$/.test(trimmed))
      this.highestAccountCode = Math.max(this.highestAccountCode, Number(trimmed));
  }
}
