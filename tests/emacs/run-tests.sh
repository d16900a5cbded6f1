#!/usr/bin/env bash
# Emacs (Debian's emacs-nox 28 + elpa-eglot, installed by .ci/run) in batch mode with the README's eglot block,
# against the real `newslsp serve`. Prints "N passed, M failed" last.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if ! command -v emacs >/dev/null 2>&1; then echo "emacs is not installed (.ci/run installs emacs-nox and elpa-eglot)"; echo "0 passed, 1 failed"; exit 1; fi
emacs --version | head -1
dll="$root/src/NewsLsp.Cli/bin/Release/net10.0/newslsp.dll"
if [[ ! -f "$dll" ]]; then
  dotnet build "$root/src/NewsLsp.Cli/NewsLsp.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "server build failed"; echo "0 passed, 1 failed"; exit 1; }
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mkdir -p "$work/articles" "$work/bin"
cp "$root"/seeds/*.txt "$work/articles/"
# `newslsp` on PATH, as the dotnet tool would be: the snippet runs ("newslsp" "serve").
printf '#!/bin/sh\nexec dotnet "%s" "$@"\n' "$dll" > "$work/bin/newslsp"; chmod +x "$work/bin/newslsp"
# The elisp block that follows the emacs-eglot marker in the README: what a user copies is what runs here.
awk '/<!-- emacs-eglot/{m=1} m&&/^```elisp/{c=1;next} c&&/^```/{exit} c{print}' "$root/README.md" > "$work/snippet.el"
if [[ ! -s "$work/snippet.el" ]]; then echo "no elisp block after <!-- emacs-eglot --> in README.md"; echo "0 passed, 1 failed"; exit 1; fi
export NEWSLSP_SNIPPET="$work/snippet.el" NEWSLSP_WORK="$work" PATH="$work/bin:$PATH" HOME="$work"
output=$(cd "$work" && timeout 240 emacs --batch -Q -l "$root/tests/emacs/test.el" 2>"$work/stderr" </dev/null); code=$?
echo "$output"
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' <<<"$output" | tail -1)
if [[ -z "$summary" || $code -ne 0 ]]; then tail -20 "$work/stderr"; fi
if [[ -z "$summary" ]]; then
  p=$(grep -c '^ok - ' <<<"$output"); f=$(grep -c '^not ok - ' <<<"$output")
  echo "emacs exited with $code before finishing"; echo "$p passed, $((f + 1)) failed"; exit 1
fi
echo "$summary"
[[ $code -eq 0 ]]
