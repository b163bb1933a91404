/** Small statistics helpers shared by the discussion benchmarks. */

/** The middle value; the mean of the two middle values for an even count (a median of two runs is their mean). */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
