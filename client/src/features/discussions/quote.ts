/** A Markdown blockquote of `body` introduced by "Name wrote:", ready to answer below. */
export function quoteOf(name: string, body: string): string {
  const quoted = body
    .trim()
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  return `${name} wrote:\n${quoted}\n\n`;
}
