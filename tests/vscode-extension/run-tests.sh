#!/usr/bin/env bash
# The VS Code extension (editors/vscode): type-check, bundle and package the .vsix, then run its tests with node's
# test runner (the real bundle with a fake `vscode` module; the protocol tests start the real `newslsp serve`).
# Prints "N passed, M failed" last.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ext="$root/editors/vscode"
cd "$ext"

if [[ ! -d node_modules/vscode-languageclient ]]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
# The protocol tests run the repository's Release build of the server (test.sh has built it; build it when run alone).
if [[ ! -f "$root/src/NewsLsp.Cli/bin/Release/net10.0/newslsp.dll" ]]; then
  dotnet build "$root/src/NewsLsp.Cli/NewsLsp.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "server build failed"; echo "0 passed, 1 failed"; exit 1; }
fi

rm -f newslsp.vsix
if ! npm run --silent package > "${TMPDIR:-/tmp}/newslsp-vsce.log" 2>&1; then
  cat "${TMPDIR:-/tmp}/newslsp-vsce.log"
  echo "packaging the .vsix failed"
  echo "0 passed, 1 failed"
  exit 1
fi
grep -E 'DONE|Packaged' "${TMPDIR:-/tmp}/newslsp-vsce.log"

output=$(node --test --test-reporter=tap test/*.test.cjs 2>&1); code=$?
grep -E '^(not )?ok |^# Subtest|^    (not )?ok ' <<<"$output" | grep -vE '^# Subtest'
if [[ $code -ne 0 ]]; then grep -A30 '^not ok' <<<"$output" | head -120; fi
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' <<<"$output" | tail -1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' <<<"$output" | tail -1)
if [[ -z "$passed" || -z "$failed" ]]; then echo "$output" | tail -40; echo "0 passed, 1 failed"; exit 1; fi
[[ $code -ne 0 && $failed -eq 0 ]] && failed=1
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
