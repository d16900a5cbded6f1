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
echo "$summary"
[[ $code -eq 0 ]]
