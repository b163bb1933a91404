const KB = 1024;
const MB = 1024 * KB;

/** A limit as people read it in an error message: "25 MB", "10.2 KB"; never "0 MB" for a small configured limit. */
export function describeBytes(bytes: number): string {
  const round = (value: number) => String(Math.round(value * 10) / 10);
  if (bytes >= MB) return `${round(bytes / MB)} MB`;
  if (bytes >= KB) return `${round(bytes / KB)} KB`;
  return `${bytes} bytes`;
}
