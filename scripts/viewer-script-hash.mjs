// Prints the base64 sha256 of the sample viewer's script, for viewer-script-hash.ts (a test checks it).
// Usage: node scripts/viewer-script-hash.mjs [--write]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const source = new URL('../packages/core/src/report/viewer-script.ts', import.meta.url).pathname;
const out = await build({ entryPoints: [source], bundle: false, write: false, format: 'esm', platform: 'neutral' });
const module = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const hash = createHash('sha256').update(module.VIEWER_SCRIPT, 'utf8').digest('base64');
if (process.argv.includes('--write')) {
  const target = new URL('../packages/core/src/report/viewer-script-hash.ts', import.meta.url).pathname;
  writeFileSync(target, `// base64 sha256 of VIEWER_SCRIPT, pinned in report.html's Content-Security-Policy.\n// Regenerate with \`node scripts/viewer-script-hash.mjs --write\` after editing viewer-script.ts (a test checks it).\nexport const VIEWER_SCRIPT_SHA256 = '${hash}';\n`);
}
console.log(hash);
