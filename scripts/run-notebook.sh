#!/usr/bin/env bash
# Executes examples/notebook.ipynb headless on the Deno Jupyter kernel with Debian's nbconvert, and fails
# (exit 1) if any cell fails. The executed copy (with outputs) is written to $NOTEBOOK_OUT
# (default: test-artifacts/notebook.executed.ipynb).
# Needs: Debian's `apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient` (which
# bring jupyter-core and python3-jupyter-client; ipykernel is not needed) and `npm run build`. Deno is
# found or installed as below. The kernel imports only what node_modules holds: nothing is fetched.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

notebook="${1:-examples/notebook.ipynb}"
out="${NOTEBOOK_OUT:-test-artifacts/notebook.executed.ipynb}"

who=run-notebook
# shellcheck source=find-deno.sh
source "$root/scripts/find-deno.sh"
# Debian's Jupyter lives under /usr/bin and imports Debian's python3 modules; a pyenv/venv python3 earlier
# on PATH would not see them, so prefer /usr/bin/jupyter when it exists.
jupyter="${JUPYTER:-}"
if [ -z "$jupyter" ]; then
  if [ -x /usr/bin/jupyter ]; then jupyter=/usr/bin/jupyter
  elif command -v jupyter >/dev/null 2>&1; then jupyter="$(command -v jupyter)"
  else
    echo "run-notebook: jupyter not found. Install: apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient" >&2
    exit 1
  fi
fi
if [ ! -f packages/core/dist/index.js ]; then
  echo "run-notebook: packages/core/dist is missing; run 'npm run build' first" >&2
  exit 1
fi

# A kernelspec of our own name, re-registered on every run so it points at THIS deno binary, and leaves a
# user's own "deno" kernel alone. (deno jupyter --install writes to ~/.local/share/jupyter/kernels.)
kernel=medeval-deno
"$deno" jupyter --install --force --name "$kernel" --display "Deno (medeval)" >/dev/null 2>&1 || {
  echo "run-notebook: 'deno jupyter --install' failed" >&2
  "$deno" jupyter --install --force --name "$kernel" --display "Deno (medeval)" >&2 || true
  exit 1
}

# Type-check the notebook's code (its code cells in order, as one module) against the built packages'
# declarations, so an API change that breaks the notebook is named precisely. The file sits beside the
# notebook so that its relative imports resolve; --unstable-sloppy-imports: see scripts/deno-smoke.sh.
check_file="$(mktemp -p "$(dirname "$notebook")" .notebook-check-XXXXXX.ts)"
trap 'rm -f "$check_file"' EXIT
/usr/bin/env python3 - "$notebook" "$check_file" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(code) + "\n")
PY
"$deno" check --quiet --cached-only --unstable-sloppy-imports --config "$root/examples/deno.json" "$check_file"
echo "run-notebook: the notebook's code type-checks"

mkdir -p "$(dirname "$out")"

# Checks the executed copy. Exit 1: a cell recorded an error. Exit 3: a cell that calls
# Deno.jupyter.display() shows nothing (results must really render through Jupyter.display).
check_outputs() {
  /usr/bin/env python3 - "$out" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1], encoding="utf-8"))
errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"
          for o in c.get("outputs", []) if o.get("output_type") == "error"]
if errors:
    for i, name, value in errors:
        print(f"run-notebook: cell {i} failed: {name}: {value}", file=sys.stderr)
    sys.exit(1)
silent = [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code" and "Deno.jupyter.display(" in "".join(c["source"])
          and not any(o.get("output_type") in ("display_data", "execute_result") and o.get("data") for o in c.get("outputs", []))]
if silent:
    print(f"run-notebook: cells {silent} call Deno.jupyter.display() but show nothing", file=sys.stderr)
    sys.exit(3)
cells = sum(1 for c in nb["cells"] if c["cell_type"] == "code")
print(f"run-notebook: {cells} code cells executed, 0 failed")
PY
}

# A failing cell fails at once (nbconvert exits non-zero on the first failing cell; allow_errors is false
# by default). A missing display is retried, up to 3 runs: Deno 2.9's kernel now and then reports a cell
# idle before its last display message has gone out, and nbconvert then drops that message (see
# docs/notebooks.md); a display that never appears fails all three runs.
# The kernel starts in the notebook's folder, where examples/deno.json sets "nodeModulesDir": "manual".
for attempt in 1 2 3; do
  echo "run-notebook: executing $notebook on kernel $kernel ($("$deno" --version | head -n 1)), run $attempt"
  "$jupyter" nbconvert --to notebook --execute \
    --ExecutePreprocessor.kernel_name="$kernel" \
    --ExecutePreprocessor.timeout=300 \
    --output-dir "$(dirname "$out")" --output "$(basename "$out")" \
    "$notebook"
  status=0
  check_outputs || status=$?
  if [ "$status" -ne 3 ]; then exit "$status"; fi
done
exit 1
