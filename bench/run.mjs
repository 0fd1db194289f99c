// Runs every bench/*/run.mjs in sequence (npm run bench). Each writes bench/results/<name>.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const suites = readdirSync(benchDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'results' && existsSync(join(benchDir, e.name, 'run.mjs')))
  .map((e) => e.name)
  .sort();
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== bench/${suite}`);
  const run = spawnSync(process.execPath, [join(benchDir, suite, 'run.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`bench/${suite} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed ? 1 : 0);
