import type { AccountRecord } from "../entities/accounts/account-record";
import type { DivisionSeed, SeedOptions } from "../options";
import type { SimRuntime } from "../runtime";
import type { DivisionData, DivisionProfile } from "../state/division";
import { createPrng } from "../util/prng";
import { FIXTURE_DIVISIONS, fixtureAccounts } from "./fixture-divisions";
import { loadFixtureLedger } from "./fixture-ledger";
import { fixturesAvailable } from "./fixtures-dir";
import { generateAccounts } from "./generate-accounts";
import { seedLedger } from "./seed-ledger";

/** Separate PRNG stream for ledger IDs, so adding ledger data never changes the generated accounts. */
const LEDGER_STREAM = 0x1ed9e7;

const HOSTS: Record<string, string> = {
  NL: "start.exactonline.nl",
  BE: "start.exactonline.be",
  FR: "start.exactonline.fr",
  DE: "start.exactonline.de",
  GB: "start.exactonline.co.uk",
  ES: "start.exactonline.es",
};

export function defaultHost(country: string): string {
  return HOSTS[country] ?? "start.exactonline.com";
}

/** Replaces all division data with the seed: fixture divisions (if asked and available) and generated ones. */
export function seedState(runtime: SimRuntime, seed: SeedOptions): void {
  runtime.state.clear();
  runtime.webhooks.clear();
  if (seed.fixtureDivisions && fixturesAvailable()) {
    for (const fixture of FIXTURE_DIVISIONS) {
      const division = runtime.state.addDivision(fixture.profile);
      loadAccounts(division, fixtureAccounts(fixture));
      loadFixtureLedger(division, runtime.ctx.clock.now());
      seedLedger(
        division,
        createPrng(Math.imul(seed.seed, 31) + division.code + LEDGER_STREAM),
        runtime.ctx.user,
        runtime.ctx.clock.now(),
      );
    }
  }
  for (const divisionSeed of seed.divisions) addGeneratedDivision(runtime, seed.seed, divisionSeed);
  const firstGenerated = seed.divisions[0]?.code;
  if (firstGenerated !== undefined) runtime.state.currentDivision = firstGenerated;
}

export function addGeneratedDivision(
  runtime: SimRuntime,
  seed: number,
  divisionSeed: DivisionSeed,
): DivisionData {
  const country = (divisionSeed.country ?? "NL").toUpperCase();
  const now = runtime.ctx.clock.now();
  const profile: DivisionProfile = {
    code: divisionSeed.code,
    name: divisionSeed.name,
    host: divisionSeed.host ?? defaultHost(country),
    country,
    currency: country === "GB" ? "GBP" : "EUR",
    accountCodeDigits: divisionSeed.accountCodeDigits ?? (country === "NL" ? 0 : 7),
    created: now - 9 * 365 * 86_400_000,
  };
  const prng = createPrng(Math.imul(seed, 31) + divisionSeed.code);
  const division = runtime.state.addDivision(profile);
  loadAccounts(division, generateAccounts(prng, profile, divisionSeed.accounts, now));
  seedLedger(
    division,
    createPrng(Math.imul(seed, 31) + divisionSeed.code + LEDGER_STREAM),
    runtime.ctx.user,
    now,
  );
  return division;
}

/** Gives the accounts row versions in the order they were last modified, then stores them. */
function loadAccounts(division: DivisionData, accounts: AccountRecord[]): void {
  accounts.sort((a, b) => a.Modified - b.Modified);
  for (const account of accounts) {
    account.Timestamp = division.nextTimestamp();
    division.noteAccountCode(account.Code);
  }
  division.accounts.load(accounts);
}
