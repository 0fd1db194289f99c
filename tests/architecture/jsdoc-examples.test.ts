// Every function on the main entries of @medeval/core and @medeval/metrics carries a JSDoc `@example` (Hono's
// style: the hover shows how to call it). Read with the TypeScript compiler from the sources; classes (the
// error types) are not held to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = ['core', 'metrics'];

function functionsWithoutExample(pkg: string): string[] {
  const src = join(root, 'packages', pkg, 'src', 'index.ts');
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram([src], config.options);
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(src)!)!;
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Function)) continue;
    const declaration = symbol.declarations?.[0];
    if (!declaration || !ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example')) missing.push(exported.getName());
  }
  return missing;
}

describe('JSDoc examples on the public functions', () => {
  it.each(PACKAGES)('@medeval/%s: every exported function has an @example', (pkg) => {
    expect(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')).toContain(`"@medeval/${pkg}"`);
    expect(functionsWithoutExample(pkg)).toEqual([]);
  }, 60_000);
});
