import { DivisionData, type DivisionProfile } from "./division";

/** All divisions the simulated Exact environment holds, and the user's current division. */
export class SimulatorState {
  readonly divisions = new Map<number, DivisionData>();
  /** `current/Me` → CurrentDivision; Exact's may lie outside the consent [I-picqer-470]. */
  currentDivision: number | undefined;

  division(code: number): DivisionData | undefined {
    return this.divisions.get(code);
  }

  /** The division, or an Error naming the known ones (for tests and the control API). */
  requireDivision(code: number): DivisionData {
    const division = this.divisions.get(code);
    if (!division)
      throw new Error(`unknown division ${code}; known: ${[...this.divisions.keys()].join(", ")}`);
    return division;
  }

  addDivision(profile: DivisionProfile, firstTimestamp?: number): DivisionData {
    const division = new DivisionData(profile, firstTimestamp);
    this.divisions.set(profile.code, division);
    this.currentDivision ??= profile.code;
    return division;
  }

  clear(): void {
    this.divisions.clear();
    this.currentDivision = undefined;
  }
}
