/**
 * At most `limit` callers inside at once; the rest wait in order. Keeps CPU- and memory-heavy upload work (image
 * decoding, PDF text extraction) from piling up on one instance when many members upload at the same moment.
 */
export function concurrencyGate(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    // A finishing caller hands its slot straight to the next waiter, so `running` never passes the limit.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
