#!/usr/bin/env bash
# The `newslsp` dotnet tool package: `dotnet pack` produces it with the rule pages inside, `dotnet tool install`
# installs it from the local folder, and the installed command runs (rules, explain, lint with a rule page link).
# Prints "N passed, M failed" last.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
passed=0; failed=0
check() { # check NAME COMMAND...: runs the command, counts it
  local name="$1"; shift
  local out
  if out=$("$@" 2>&1); then echo "ok - $name"; passed=$((passed + 1)); else echo "not ok - $name"; echo "$out" | tail -20 | sed 's/^/    /'; failed=$((failed + 1)); fi
}
list_zip() { unzip -Z1 "$1" 2>/dev/null || python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
cat_zip() { unzip -p "$1" "$2" 2>/dev/null || python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; }

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
out="$root/artifacts/nupkg"
rm -rf "$out"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/NewsLsp.Cli/NewsLsp.Cli.csproj)
nupkg="$out/newslsp.$version.nupkg"

check "dotnet pack src/NewsLsp.Cli -c Release -o artifacts/nupkg makes newslsp.$version.nupkg" \
  bash -c "dotnet pack src/NewsLsp.Cli -c Release -o '$out' -nologo -v quiet -clp:ErrorsOnly && test -f '$nupkg'"

tool_settings() { cat_zip "$nupkg" "tools/net10.0/any/DotnetToolSettings.xml" | grep -q 'Name="newslsp"' && cat_zip "$nupkg" "tools/net10.0/any/DotnetToolSettings.xml" | grep -q 'EntryPoint="newslsp.dll"'; }
check "the package is a dotnet tool with the command newslsp" tool_settings

rule_pages() {
  local missing=0
  local listing; listing=$(list_zip "$nupkg") || return 1
  for page in docs/rules/*.md; do
    if ! grep -qx "tools/net10.0/any/docs/rules/$(basename "$page")" <<<"$listing"; then echo "missing in package: $page"; missing=1; fi
  done
  [[ $(ls docs/rules/*.md | wc -l) -ge 5 ]] || { echo "too few rule pages"; missing=1; }
  return $missing
}
check "the package holds every rule page of docs/rules under tools/net10.0/any/docs/rules" rule_pages

check "dotnet tool install --tool-path <tmp> --add-source artifacts/nupkg newslsp" \
  dotnet tool install --tool-path "$work/tools" --add-source "$out" newslsp --version "$version"

rules_run() {
  local text; text=$("$work/tools/newslsp" rules) || return 1
  echo "$text"
  for page in docs/rules/*.md; do grep -q "^$(basename "$page" .md) " <<<"$text" || { echo "rules does not list $(basename "$page" .md)"; return 1; }; done
}
check "the installed newslsp rules lists every rule" rules_run

explain_run() {
  # From an unrelated folder, so the page can only come from the installed package.
  (cd "$work" && "$work/tools/newslsp" explain NEWS004) > "$work/explain.md" || return 1
  diff "$work/explain.md" docs/rules/NEWS004.md
}
check "the installed newslsp explain prints a rule page shipped in the package" explain_run

lint_run() {
  mkdir -p "$work/articles"
  cp seeds/004_e53c9e50c8586f4d.txt "$work/articles/"
  local sarif; sarif=$(cd "$work" && "$work/tools/newslsp" lint articles --format sarif --fail-on none) || return 1
  grep -q '"NEWS004"' <<<"$sarif" || { echo "no NEWS004 result"; return 1; }
  # Help links point at the rule page installed with the tool (a file that exists), not at a repository path.
  local uri; uri=$(grep -o '"helpUri": *"[^"]*NEWS004.md"' <<<"$sarif" | head -1 | sed 's/.*"\(file:[^"]*\)"/\1/')
  [[ "$uri" == file://* ]] || { echo "help uri: $uri"; return 1; }
  local file; file=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(urllib.parse.urlparse(sys.argv[1]).path))' "$uri" 2>/dev/null || sed 's#^file://##' <<<"$uri")
  [[ -f "$file" && "$file" == "$work/tools/"* ]] || { echo "help page not installed with the tool: $file"; return 1; }
}
check "the installed newslsp lints articles and links rule help to its own installed pages" lint_run

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
