// PII guard and Markdown rendering on maximum-length adversarial bodies: no rule may backtrack badly,
// since the client runs the guard on every keystroke and the server on every post.
import { limits } from '../shared/limits.js';
import { detectPii } from '../shared/pii/detectPii.js';
import { renderMarkdown } from '../server/content/render.js';
import type { BenchResult } from './run.js';

const adversarialBodies: Record<string, string> = {
  'one long number': '1'.repeat(limits.postBody.max),
  'dotted local parts without a domain': 'a.a@'.repeat(limits.postBody.max / 4),
  'capitalised words without an age': 'Ab Cd Ef, '.repeat(limits.postBody.max / 10),
  'house numbers without a street suffix': '12 Ab Cd Ef Gh Ij '.repeat(limits.postBody.max / 18),
  'cues without identifiers': 'case # born DOB '.repeat(limits.postBody.max / 16),
  'dense real details': 'Jane Doe, DOB 3/4/2008 at 12 Elm St, 555-212-4477. '.repeat(limits.postBody.max / 52),
};

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timeIt(fn: () => unknown, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return Math.round(median(times) * 100) / 100;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [shape, body] of Object.entries(adversarialBodies)) {
    const pii = timeIt(() => detectPii(body));
    results.push({ name: `detectPii, 20k chars of ${shape}`, value: pii, unit: 'ms', target: '< 100', pass: pii < 100 });
    const md = timeIt(() => renderMarkdown(body), 3);
    results.push({ name: `renderMarkdown, 20k chars of ${shape}`, value: md, unit: 'ms', target: '< 100', pass: md < 100 });
  }
  return results;
}
