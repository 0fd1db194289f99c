#!/usr/bin/env bash
# Deno smoke test: imports the BUILT packages (npm: specifiers resolved from the repo's node_modules,
# where npm workspaces link @medeval/* to packages/*/dist) and runs a small offline evaluation.
# Needs: `npm ci` (or install) and `npm run build`. Deno is found or installed as below. Apart from that
# install, it runs offline: --cached-only, nothing is fetched. Prints "deno-smoke: N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

who=deno-smoke
# shellcheck source=find-deno.sh
source "$root/scripts/find-deno.sh"

for pkg in core metrics datasets-cmexam datasets-huatuo datasets-cmmlu datasets-mcq datasets-cmb; do
  if [ ! -f "packages/$pkg/dist/index.js" ]; then
    echo "deno-smoke: packages/$pkg/dist/index.js is missing; run 'npm run build' first" >&2
    exit 1
  fi
done

echo "deno-smoke: $("$deno" --version | head -n 1)"

# 1. The static import graph of each main entry (what `import '@medeval/x'` loads before any dynamic
#    import()) must contain no Node built-in: Deno and browsers load these entries.
for pkg in core metrics datasets-cmexam datasets-huatuo datasets-cmmlu datasets-mcq datasets-cmb; do
  "$deno" info --json --config examples/deno.json "packages/$pkg/dist/index.js" |
    "$deno" eval --quiet --config examples/deno.json '
      const graph = JSON.parse(await new Response(Deno.stdin.readable).text());
      const modules = new Map(graph.modules.map((m) => [m.specifier, m]));
      const seen = new Set(graph.roots);
      const stack = [...graph.roots];
      const builtins = [];
      const unresolved = [];
      while (stack.length > 0) {
        const module = modules.get(stack.pop());
        if (!module) continue;
        if (module.kind === "node") { builtins.push(module.specifier); continue; }
        for (const dep of module.dependencies ?? []) {
          if (dep.isDynamic) continue;
          if (dep.code?.error) unresolved.push(`${dep.specifier} (${dep.code.error})`);
          const target = dep.code?.specifier;
          if (target && !seen.has(target)) { seen.add(target); stack.push(target); }
        }
      }
      const name = Deno.args[0];
      if (unresolved.length > 0) {
        console.error(`deno-smoke: @medeval/${name}: cannot resolve ${unresolved.join("; ")}`);
        Deno.exit(1);
      }
      if (builtins.length > 0) {
        console.error(`deno-smoke: @medeval/${name} main entry statically imports ${builtins.join(", ")}`);
        Deno.exit(1);
      }
      console.log(`ok - @medeval/${name}: no Node built-in in the static import graph (${seen.size} modules)`);
    ' "$pkg"
done

# 2. Type-check this script against the built packages' declarations (dist/*.d.ts), as a Deno user's
#    editor would. --unstable-sloppy-imports: the workspace packages resolve to their real paths outside
#    node_modules, where Deno does not map tsup's declaration-chunk imports ('./sink-….js') to the
#    sibling '.d.ts' files unless sloppy imports are on (installed packages do not need this).
"$deno" check --quiet --cached-only --unstable-sloppy-imports --config examples/deno.json scripts/deno-smoke.ts
echo "ok - scripts/deno-smoke.ts type-checks against the built declarations"

# 3. Import the built packages with npm: specifiers and run small evaluations, with NO permission:
#    no file, env, net or run access (module loading itself needs none).
# --config examples/deno.json: "nodeModulesDir": "manual" resolves npm: specifiers from node_modules;
# --cached-only: never download anything.
"$deno" run --cached-only --no-prompt --config examples/deno.json scripts/deno-smoke.ts

# 4. @medeval/core/node in Deno: a run folder and the response cache, with read/write access to a
#    temporary folder only (plus the uid/gid look-up that Deno's node:fs makes).
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$deno" run --cached-only --no-prompt --config examples/deno.json \
  --allow-read="$tmp" --allow-write="$tmp" --allow-sys=uid,gid scripts/deno-smoke.ts --files "$tmp"
