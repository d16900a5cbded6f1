#!/usr/bin/env bash
# Runs every test suite: the .NET tests, then each tests/*/run-tests.sh (Node end-to-end, Neovim, …), and
# prints one summary line "N passed, M failed" that CI reads. Exit code 0 only when everything passed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

passed=0; failed=0; skipped=0; status=0

if ! dotnet build NewsLsp.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test NewsLsp.sln -c Release --no-build -nologo --logger trx --results-directory "$results" || status=1
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if ! ls "$results"/*.trx >/dev/null 2>&1; then failed=$((failed + 1)); status=1; fi

for suite in tests/*/run-tests.sh; do
  [[ -f "$suite" ]] || continue
  echo "== $suite"
  output=$(bash "$suite" 2>&1); code=$?
  echo "$output"
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' <<<"$output" | tail -1)
  if [[ -z "$summary" ]]; then
    echo "$suite printed no summary line"; failed=$((failed + 1)); status=1; continue
  fi
  p=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$summary"); f=$(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f))
  [[ $code -ne 0 || $f -ne 0 ]] && status=1
done

[[ $failed -gt 0 ]] && status=1
if [[ $skipped -gt 0 ]]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $status
