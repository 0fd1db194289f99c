// Every function on the main entry of every package carries a JSDoc `@example` (Hono's style: the hover
// shows how to call it). Read with the TypeScript compiler from the sources; classes (the
// error types) are not held to it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = readdirSync(join(root, 'packages')).filter((d) => existsSync(join(root, 'packages', d, 'src', 'index.ts'))).sort();

const entry = (pkg: string) => join(root, 'packages', pkg, 'src', 'index.ts');
let program: ts.Program | undefined;

function functionsWithoutExample(pkg: string): string[] {
  const src = entry(pkg);
  if (!program) {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    program = ts.createProgram(PACKAGES.map(entry), config.options); // one program for every package
  }
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
    expect(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')).toContain(`"name": "@medeval/${pkg}"`);
    expect(functionsWithoutExample(pkg)).toEqual([]);
  }, 60_000);
});
