#!/usr/bin/env bash
# Keeps the performance harness from rotting: runs `bench/NewsLsp.Bench -- all --quick` (small corpora, a few
# repetitions; tens of seconds with the build) and checks that every section produced its figures. It asserts that
# the harness works, not the targets: timings on a shared CI machine are not a pass/fail signal.
# Prints "N passed, M failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
passed=0; failed=0
check() { # name, condition (grep -E pattern that must appear in the output)
  if grep -Eq -- "$2" <<<"$output"; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1 (no line matching: $2)"; fi
}

output=$(timeout 900 dotnet run -c Release --project bench/NewsLsp.Bench -- all --quick 2>&1); code=$?
echo "$output" | tail -40
if [[ $code -eq 0 ]]; then passed=$((passed + 1)); echo "ok   harness exited 0"; else failed=$((failed + 1)); echo "FAIL harness exited $code"; fi
check "cold analysis table, 10 articles" '^ +10 \| .* MB = '
check "cold analysis table, 100 articles" '^ +100 \| .* MB = '
check "lint seeds wall time" 'lint seeds, [0-9]+ runs: p50 [0-9.]+ ms'
check "server start to initialize" '[0-9]+ starts: p50 [0-9.]+ ms'
check "keystroke latency at 10 articles" '^ +10 articles \(.*edits in plain words: p50 [0-9.]+ ms.*p99'
check "keystroke latency at 100 articles" '^ +100 articles \(.*edits in plain words: p50 [0-9.]+ ms.*p99'
check "NER throughput" 'one thread: [0-9,]+ tokens/s'
check "competitors side by side (or a note saying why not)" '(cspell lint .*= [0-9.]+× NewsLsp|NOTE could not install the competitors)'
check "summary line" '^SUMMARY '

# The in-process sections are not part of `all` (they replay what the server sections measure); one of them here.
output=$(timeout 600 dotnet run -c Release --project bench/NewsLsp.Bench -- parts --quick 2>&1); code=$?
echo "$output" | tail -8
if [[ $code -eq 0 ]]; then passed=$((passed + 1)); echo "ok   parts exited 0"; else failed=$((failed + 1)); echo "FAIL parts exited $code"; fi
check "keystroke parts, plain words" 'edits in plain words, whole pull: p50 [0-9.]+ ms'
check "keystroke parts, first quote keystroke" 'first keystroke [0-9.]+ ms \(facts [0-9.]+ ms, agreement'
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
