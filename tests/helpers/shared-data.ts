// Where the real data sets live: `../shared` beside the repository (as on developers' machines and in CI),
// or MEDEVAL_SHARED. Tests that need them skip with a message when they are absent; they are never committed.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const SHARED_DIR = process.env['MEDEVAL_SHARED'] ?? join(root, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** Whether a shared data file exists; when it does not, says so once, so a skipped test never goes unexplained. */
export function sharedAvailable(path: string): boolean {
  if (existsSync(path)) return true;
  if (!warned.has(path)) {
    warned.add(path);
    console.warn(`skipped: ${path} is absent (the real data sets live in ../shared/data beside the repository)`);
  }
  return false;
}
const warned = new Set<string>();
