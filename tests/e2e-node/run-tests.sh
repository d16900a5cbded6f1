#!/usr/bin/env bash
# End-to-end tests of `newslsp serve` with an independent client (vscode-languageserver-protocol over stdio).
# Last line of output is always "N passed, M failed" (the top-level test script sums these lines).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

fail() { echo "e2e-node: $1" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v node >/dev/null || fail "node is not installed"
if [ ! -d node_modules/vscode-languageserver-protocol ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts >&2 || fail "npm ci failed"
fi

# The suite runs the built CLI; build it (Release) unless a server was given explicitly.
if [ -z "${NEWSLSP_SERVER:-}" ] && [ ! -f "$repo/src/NewsLsp.Cli/bin/Release/net10.0/newslsp.dll" ]; then
  dotnet build "$repo/src/NewsLsp.Cli" -c Release -nologo -v quiet >&2 || fail "could not build src/NewsLsp.Cli"
fi

out="$(mktemp)"
node --test --test-reporter=tap test/ 2>&1 | tee "$out" >&2
status=${PIPESTATUS[0]}
passed=$(grep -E '^# pass ' "$out" | tail -1 | awk '{print $3}')
failed=$(grep -E '^# fail ' "$out" | tail -1 | awk '{print $3}')
rm -f "$out"
passed=${passed:-0}
failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
