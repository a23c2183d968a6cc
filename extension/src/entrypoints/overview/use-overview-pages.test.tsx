// @vitest-environment happy-dom
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "#imports";
import { show } from "../../testing/render";
import { COUNTS_AGAIN_MS, useOverviewPages } from "./use-overview-pages";

const COUNTS = { all: 3, linked: 1, unlinked: 1, suggested: 1, conflict: 0 };

function Counts() {
  const { counts, rows } = useOverviewPages(1234567, "all", "");
  return <p>{counts ? `${rows.length} rows, ${counts.all} in all` : `${rows.length} rows, no counts`}</p>;
}

/** Lets the clock run `ms`, with what the hook does meanwhile rendered. */
const wait = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("useOverviewPages", () => {
  it("asks for the counts again while the proxy is still indexing, until they come", async () => {
    vi.useFakeTimers();
    const asked: unknown[] = [];
    let indexed = false;
    vi.spyOn(fakeBrowser.runtime, "sendMessage").mockImplementation(async (message: unknown) => {
      asked.push((message as { data: unknown }).data);
      return {
        ok: true,
        value: { ok: true, value: { accounts: [], nextCursor: null, counts: indexed ? COUNTS : null } },
      };
    });
    const container = show(<Counts />);
    await wait(0);
    expect(container.textContent).toBe("0 rows, no counts");
    expect(asked).toHaveLength(1);

    await wait(COUNTS_AGAIN_MS);
    expect(asked).toHaveLength(2);
    expect(container.textContent).toBe("0 rows, no counts");

    indexed = true;
    await wait(COUNTS_AGAIN_MS);
    expect(container.textContent).toBe("0 rows, 3 in all");
    expect(asked.at(-1)).toEqual({ division: 1234567, state: "all", limit: 1 });
    // Then no more.
    await wait(5 * COUNTS_AGAIN_MS);
    expect(asked).toHaveLength(3);
  });
});
