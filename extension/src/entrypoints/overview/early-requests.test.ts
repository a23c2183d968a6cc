import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "#imports";
import { askBackgroundOrEarly, askEarly } from "./early-requests";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("early requests", () => {
  it("answers the first ask for the same request from the one sent early, once; others go to the background", async () => {
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      asked.push((message as { data: unknown }).data);
      return { ok: true, value: { ok: true, value: { accounts: [], nextCursor: null, counts: null } } };
    });
    const first = { division: 1234567, state: "all" as const, limit: 100 };
    askEarly("listAccounts", first);
    expect(asked).toEqual([first]);

    const other = { division: 7654321, state: "all" as const, limit: 100 };
    await askBackgroundOrEarly("listAccounts", other);
    expect(asked).toEqual([first, other]);
    expect(await askBackgroundOrEarly("listAccounts", { ...first })).toEqual({
      ok: true,
      value: { accounts: [], nextCursor: null, counts: null },
    });
    expect(asked).toEqual([first, other]);
    // Taken: asked again, it goes to the background.
    await askBackgroundOrEarly("listAccounts", first);
    expect(asked).toEqual([first, other, first]);
  });
});
