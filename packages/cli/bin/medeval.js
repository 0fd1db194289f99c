#!/usr/bin/env node
// The `medeval` command as npm links it. This file is committed (dist/ is built), so the link exists right
// after `npm ci` in a fresh clone, before `npm run build` has produced dist/bin.js.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.js')) {
    process.stderr.write('medeval: the command is not built yet; run `npm run build` in the repository first\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}
