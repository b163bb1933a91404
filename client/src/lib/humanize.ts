/** Turns a stored code such as "law_enforcement" into "Law enforcement" for display. */
export function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}
