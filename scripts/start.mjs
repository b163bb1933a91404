// `npm start`: builds whatever is missing or older than its sources, then runs the server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const newest = (dir) => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
};
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const run = (script) => {
  console.log(`npm start: npm run ${script}`);
  if (spawnSync('npm', ['run', script], { stdio: 'inherit' }).status !== 0) process.exit(1);
};

if (builtAt('dist/server/main.js') < Math.max(newest('server'), newest('shared'))) run('build:server');
if (builtAt('client/dist/index.html') < Math.max(newest('client/src'), newest('shared'))) run('build:client');

const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
