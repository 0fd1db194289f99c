// Runs publint on every package as npm would pack it (publint packs each folder with npm and lints the
// tarball's file list), in strict mode so warnings fail too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const publint = new URL('../node_modules/publint/src/cli.js', import.meta.url).pathname;
let failed = 0;
for (const folder of root.workspaces) {
  try {
    const out = execFileSync(process.execPath, [publint, '--strict', '--pack', 'npm', folder], { encoding: 'utf8' });
    process.stdout.write(`${folder}: ${out.trim() || 'ok'}\n`);
  } catch (error) {
    failed += 1;
    process.stdout.write(`${folder}: FAILED\n${error.stdout ?? ''}${error.stderr ?? ''}\n`);
  }
}
if (failed > 0) {
  console.error(`publint: ${failed} package(s) failed`);
  process.exit(1);
}
console.log('publint: all packages ok');
