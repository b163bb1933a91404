// `npm run bench [-- name ...]`: runs the named benchmarks (all when none is named), prints a table of
// medians and writes the raw results as JSON to bench/results/.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
}

type Bench = () => Promise<BenchResult[]>;

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

const results: BenchResult[] = [];
for (const name of wanted.length ? wanted : available) {
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { run: Bench };
  console.log(`\n== ${name}`);
  results.push(...(await mod.run()));
}

console.table(results.map((r) => ({ benchmark: r.name, median: `${r.value} ${r.unit}`, target: r.target ?? '', pass: r.pass ?? '' })));
mkdirSync(path.join(here, 'results'), { recursive: true });
const file = path.join(here, 'results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
console.log(`results written to ${path.relative(process.cwd(), file)}`);
process.exit(0);
