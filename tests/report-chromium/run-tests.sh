#!/usr/bin/env bash
# Renders `newslsp report seeds` in headless Chromium: the DOM must hold the expected elements and the screenshot
# must not be blank. Prints "N passed, M failed" as its last line. Without Chromium the suite fails (it cannot pass
# without checking anything).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
passed=0; failed=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "chromium is not installed (apt-get install -y chromium): cannot render the report"
  echo "0 passed, 1 failed"
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
report="$work/report.html"

if ! "$root/newslsp" report "$root/seeds" -o "$report" >"$work/stdout" 2>"$work/stderr"; then
  cat "$work/stderr"; fail "newslsp report exits 0"
  echo "$passed passed, $failed failed"; exit 1
fi
pass "newslsp report exits 0"

check "the page is self-contained (no scripts, no external resources)" \
  "! grep -Eqi '<script|<link|src=\"https?:|url\\(' '$report'"

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync
       --no-first-run --user-data-dir="$work/profile" --window-size=1200,2000)
timeout 90 "$browser" "${flags[@]}" --dump-dom "file://$report" >"$work/dom.html" 2>"$work/chromium-dom.log"
check "chromium renders the DOM" "[[ -s '$work/dom.html' ]]"
count() { grep -o "$1" "$work/dom.html" | wc -l; }
check "two events with several sources are shown" "[[ \$(count '<section class=\"event\"') -ge 2 ]]"
check "an entity × source coverage matrix per event" "[[ \$(count '<table class=\"coverage\"') -ge 2 ]]"
check "quote variants side by side (11 shared quotes)" "[[ \$(count 'class=\"quote-group\"') -eq 11 ]]"
check "differing words are marked" "grep -q '<mark>fruttuoso</mark>' '$work/dom.html'"
check "number agreement tables" "[[ \$(count '<table class=\"numbers\"') -ge 2 && \$(count 'class=\"number-fact\"') -ge 25 ]]"

timeout 90 "$browser" "${flags[@]}" --screenshot="$work/shot.png" "file://$report" >/dev/null 2>"$work/chromium-shot.log"
check "chromium writes a screenshot" "[[ -s '$work/shot.png' ]]"
if [[ -s "$work/shot.png" ]]; then
  variance=$(python3 "$root/tests/report-chromium/png_variance.py" "$work/shot.png" 2>&1)
  echo "     screenshot luminance variance: $variance"
  check "the screenshot is not blank (luminance variance > 100)" "awk 'BEGIN{exit !($variance > 100)}'"
else
  fail "the screenshot is not blank"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
