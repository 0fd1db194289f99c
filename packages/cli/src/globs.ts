// Paths on the command line may be glob patterns (fast-glob): several data shards, several run folders,
// several metric plugins. A literal path that exists is taken as is, even if it contains glob characters;
// a pattern (or path) that matches nothing is a usage error that names it.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import fg from 'fast-glob';
import { UsageError } from './errors.js';

export type PathKind = 'file' | 'directory' | 'any';

export interface ExpandOptions {
  cwd: string;
  kind: PathKind;
  /** How the argument was given, for messages: `--data`, `DIR`... */
  label: string;
  command: string;
}

/**
 * Expands each argument in order; matches of one pattern are sorted, duplicates dropped.
 *
 * @example
 * await expandPaths(['runs/*'], { cwd: process.cwd(), kind: 'directory', label: 'DIR', command: 'compare' }); // sorted matches, or a usage error naming the pattern
 */
export async function expandPaths(args: readonly string[], options: ExpandOptions): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    for (const path of await expandOne(arg, options)) {
      const key = resolve(options.cwd, path);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(path);
      }
    }
  }
  return out;
}

async function expandOne(arg: string, options: ExpandOptions): Promise<string[]> {
  const literal = await kindOf(resolve(options.cwd, arg));
  if (literal !== null) {
    if (options.kind !== 'any' && literal !== options.kind) {
      throw new UsageError(`${options.label} ${arg}: expected a ${options.kind}, found a ${literal}`, options.command);
    }
    return [arg];
  }
  if (!fg.isDynamicPattern(arg)) {
    throw new UsageError(`${options.label} ${arg}: no such ${options.kind === 'any' ? 'file or directory' : options.kind}`, options.command);
  }
  // A relative pattern is taken from cwd and yields relative paths; an absolute one yields absolute paths.
  const matches = await fg(arg, {
    cwd: options.cwd,
    onlyFiles: options.kind === 'file',
    onlyDirectories: options.kind === 'directory',
    dot: false,
    followSymbolicLinks: true,
    unique: true,
  });
  if (matches.length === 0) {
    throw new UsageError(`${options.label} ${arg}: the pattern matches no ${options.kind === 'any' ? 'path' : options.kind}`, options.command);
  }
  matches.sort(naturalCompare);
  return matches;
}

async function kindOf(path: string): Promise<'file' | 'directory' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return null;
  }
}

// shard-2 before shard-10: numbers inside names compare by value.
const collator = new Intl.Collator('en', { numeric: true });
function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}
