# Sourced by the Deno scripts: sets $deno to $DENO, else the repository's node_modules/.bin/deno, else
# `deno` on PATH, else installs the npm package `deno` (the official binary, from the npm registry) without
# touching package.json or the lockfile. Expects $root (the repository) and $who (for messages).
DENO_VERSION="${DENO_VERSION:-2.9.6}"
deno="${DENO:-}"
if [ -z "$deno" ]; then
  if [ -x "$root/node_modules/.bin/deno" ]; then deno="$root/node_modules/.bin/deno"
  elif command -v deno >/dev/null 2>&1; then deno="$(command -v deno)"
  else
    echo "$who: Deno not found; installing it: npm install --no-save deno@$DENO_VERSION" >&2
    (cd "$root" && npm install --no-save --no-audit --no-fund "deno@$DENO_VERSION" >&2)
    deno="$root/node_modules/.bin/deno"
  fi
fi
