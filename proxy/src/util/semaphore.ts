/** At most `limit` holders at once; the rest wait in arrival order. */
export function createSemaphore(limit: number) {
  let held = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else held--;
  };
  return async function withPermit<T>(work: () => Promise<T>): Promise<T> {
    if (held < limit) held++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      release();
    }
  };
}

/** One semaphore per key, created on first use. */
export function keyedSemaphores(limit: number) {
  const byKey = new Map<string, ReturnType<typeof createSemaphore>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    let semaphore = byKey.get(key);
    if (!semaphore) {
      semaphore = createSemaphore(limit);
      byKey.set(key, semaphore);
    }
    return semaphore(work);
  };
}
