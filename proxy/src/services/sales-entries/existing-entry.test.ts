import { describe, expect, it } from "vitest";
import type { SalesEntry } from "../../exact/schemas";
import { outcomeOfExisting } from "./existing-entry";

const customer = "6c3b0d4e-0f5a-4c1b-9a3e-2d1f0b9c8a77";
const other = "11111111-2222-4333-8444-555555555555";
const entry = (overrides: Partial<SalesEntry>): SalesEntry => ({
  EntryID: "aaaaaaaa-0000-4000-8000-000000000001",
  EntryNumber: 26700001,
  YourRef: "2026-0153",
  Journal: "70",
  Customer: customer,
  AmountFC: 587.46,
  Type: 20,
  ...overrides,
});

describe("outcomeOfExisting", () => {
  it("posts when Exact has nothing with this YourRef (other refs in the batch do not count)", () => {
    expect(outcomeOfExisting([entry({ YourRef: "2026-0154" })], "2026-0153", customer)).toBe("post");
  });

  it("records the entry Exact already has on the customer's account instead of posting again", () => {
    expect(outcomeOfExisting([entry({ YourRef: "2026-0153  " })], "2026-0153", customer)).toEqual({
      state: "pushed",
      exactAccountId: customer,
      exactEntryId: "aaaaaaaa-0000-4000-8000-000000000001",
      exactEntryNumber: 26700001,
    });
  });

  it("parks the entry when the YourRef is taken on another account", () => {
    const outcome = outcomeOfExisting([entry({ Customer: other })], "2026-0153", customer);
    expect(outcome).toMatchObject({ state: "needs_review" });
    expect(outcome !== "post" && outcome.state === "needs_review" && outcome.error.message).toContain(
      "another account",
    );
  });

  it("parks the entry when Exact already has it twice", () => {
    const twice = [
      entry({}),
      entry({ EntryID: "aaaaaaaa-0000-4000-8000-000000000002", EntryNumber: 26700002 }),
    ];
    const outcome = outcomeOfExisting(twice, "2026-0153", customer);
    expect(outcome).toMatchObject({
      state: "needs_review",
      error: { message: expect.stringContaining("26700001, 26700002") },
    });
  });

  it("compares references exactly (a case variant is another invoice)", () => {
    expect(outcomeOfExisting([entry({ YourRef: "inv-1" })], "INV-1", customer)).toBe("post");
  });
});
