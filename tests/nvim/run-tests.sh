#!/usr/bin/env bash
# Headless Neovim (Debian's 0.7.2 in CI, any later release too) with editors/nvim against the real server.
# Prints "N passed, M failed" last.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if ! command -v nvim >/dev/null 2>&1; then echo "nvim is not installed (.ci/run installs Debian's neovim)"; echo "0 passed, 1 failed"; exit 1; fi
nvim --version | head -1
if [[ ! -f "$root/src/NewsLsp.Cli/bin/Release/net10.0/newslsp.dll" ]]; then
  dotnet build "$root/src/NewsLsp.Cli/NewsLsp.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "server build failed"; echo "0 passed, 1 failed"; exit 1; }
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp "$root"/seeds/*.txt "$work/"
echo '{ "rules": {} }' > "$work/newslsp.json"
export NEWSLSP_REPO="$root" NEWSLSP_WORK="$work" XDG_STATE_HOME="$work/.state" XDG_DATA_HOME="$work/.data" XDG_CONFIG_HOME="$work/.config"
# -u NONE: no user config; the test adds editors/nvim to the runtime path itself. A hard timeout guards a hung editor.
output=$(cd "$work" && timeout 300 nvim --headless -u NONE -i NONE -n -c "luafile $root/tests/nvim/test.lua" 2>&1 </dev/null | tr -d '\r'); code=$?
echo "$output"
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' <<<"$output" | tail -1)
if [[ -z "$summary" ]]; then
  # The editor died or hung: count what it printed, plus one failure for not finishing.
  p=$(grep -c '^ok - ' <<<"$output"); f=$(grep -c '^not ok - ' <<<"$output")
  echo "nvim exited with $code before finishing"
  echo "$p passed, $((f + 1)) failed"
  exit 1
fi
p1=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$summary"); f1=$(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$summary")

# The README's plain vim.lsp setup for 0.7, with `newslsp` on PATH as the dotnet tool would be.
plain="$work/plain"; mkdir -p "$plain/articles" "$plain/bin"
cp "$root"/seeds/*.txt "$plain/articles/"
printf '#!/bin/sh\nexec dotnet "%s" "$@"\n' "$root/src/NewsLsp.Cli/bin/Release/net10.0/newslsp.dll" > "$plain/bin/newslsp"; chmod +x "$plain/bin/newslsp"
awk '/<!-- nvim-plain-0.7/{m=1} m&&/^```lua/{c=1;next} c&&/^```/{exit} c{print}' "$root/editors/nvim/README.md" > "$plain/snippet.lua"
if [[ -s "$plain/snippet.lua" ]]; then
  output2=$(cd "$plain" && PATH="$plain/bin:$PATH" timeout 180 nvim --headless -u NONE -i NONE -n -c "luafile $plain/snippet.lua" -c "luafile $root/tests/nvim/test-plain.lua" 2>&1 </dev/null | tr -d '\r'); code2=$?
else
  output2="no lua block after <!-- nvim-plain-0.7 --> in editors/nvim/README.md"; code2=1
fi
echo "$output2"
summary2=$(grep -E '^[0-9]+ passed, [0-9]+ failed' <<<"$output2" | tail -1)
if [[ -n "$summary2" ]]; then
  p2=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$summary2"); f2=$(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$summary2")
else
  p2=$(grep -c '^ok - ' <<<"$output2"); f2=$(( $(grep -c '^not ok - ' <<<"$output2") + 1 ))
fi
[[ $code2 -ne 0 && $f2 -eq 0 ]] && f2=1
echo "$((p1 + p2)) passed, $((f1 + f2)) failed"
[[ $code -eq 0 && $((f1 + f2)) -eq 0 ]]
