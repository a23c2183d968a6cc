import { describe, expect, it } from "vitest";
import { linkedDetail, sampleDetail } from "../testing/sample-data";
import { indexedDbAccountCache } from "./account-cache";

const GUID = "5f2b4d3e-8c1a-4b7e-9d20-3a6f1c0e7b42";

describe("the panel's account cache", () => {
  it("gives back the last answer per account, whatever the id's case, for the settings it was read with", async () => {
    const cache = indexedDbAccountCache();
    const ref = { division: 1234567, accountId: GUID };
    expect(await cache.get(ref, 1)).toBeNull();
    await cache.put(ref, 1, sampleDetail());
    await cache.put(ref, 1, linkedDetail());
    expect((await cache.get({ ...ref, accountId: GUID.toUpperCase() }, 1))?.detail).toEqual(linkedDetail());
    expect(await cache.get({ ...ref, division: 7654321 }, 1)).toBeNull();
    expect(await cache.get(ref, 2)).toBeNull();
  });

  it("keeps the most recently read accounts only", async () => {
    const cache = indexedDbAccountCache(3);
    const ref = (n: number) => ({ division: 1, accountId: `${n}` });
    for (let n = 1; n <= 5; n++) {
      await cache.put(ref(n), 1, sampleDetail());
      // Distinct times, so that the order of reading is the order of age.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const kept = await Promise.all([1, 2, 3, 4, 5].map(async (n) => (await cache.get(ref(n), 1)) !== null));
    expect(kept).toEqual([false, false, true, true, true]);
  });

  it("lets its database be deleted while it is open, and starts afresh", async () => {
    const cache = indexedDbAccountCache();
    const ref = { division: 1, accountId: GUID };
    await cache.put(ref, 1, sampleDetail());
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase("zapfloor-link-accounts");
      request.onsuccess = resolve;
      request.onerror = reject;
      request.onblocked = () => reject(new Error("blocked by the open cache"));
    });
    expect(await cache.get(ref, 1)).toBeNull();
    await cache.put(ref, 1, linkedDetail());
    expect((await cache.get(ref, 1))?.detail).toEqual(linkedDetail());
  });
});
