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

serve_run() {
  # The editors start `newslsp serve`: initialize, shutdown and exit over stdio with the installed tool.
  node -e '
    const { spawn } = require("child_process");
    const child = spawn(process.argv[1], ["serve"], { stdio: ["pipe", "pipe", "inherit"] });
    const send = m => { const b = Buffer.from(JSON.stringify(m)); child.stdin.write(`Content-Length: ${b.length}\r\n\r\n`); child.stdin.write(b); };
    let out = Buffer.alloc(0);
    child.stdout.on("data", d => {
      out = Buffer.concat([out, d]);
      const text = out.toString();
      if (text.includes("\"id\":1") && !text.includes("\"id\":2")) { send({ jsonrpc: "2.0", id: 2, method: "shutdown" }); }
      if (text.includes("\"id\":2")) send({ jsonrpc: "2.0", method: "exit" });
    });
    const timer = setTimeout(() => { console.error("no answer in 30 s"); child.kill(); process.exit(1); }, 30000);
    child.on("exit", code => {
      clearTimeout(timer);
      const text = out.toString();
      if (code !== 0 || !text.includes("\"serverInfo\"") || !text.includes("\"textDocumentSync\"")) { console.error(`exit ${code}: ${text}`); process.exit(1); }
    });
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } });
  ' "$work/tools/newslsp"
}
check "the installed newslsp serve answers initialize and exits 0 after shutdown/exit" serve_run

workflow_commands() {
  # Every `run: newslsp ...` step of the example workflow, run with the installed tool on a folder of articles.
  # seeds/002 has warnings and no error: each step must succeed and the SARIF must be valid JSON with results.
  mkdir -p "$work/ci/articles"; cp seeds/*.txt "$work/ci/articles/"
  local commands; commands=$(sed -n 's/^ *run: \(newslsp .*\)$/\1/p' docs/ci/newslsp.yml)
  [[ $(wc -l <<<"$commands") -ge 3 ]] || { echo "expected 3 newslsp steps, found: $commands"; return 1; }
  local line
  while IFS= read -r line; do
    echo "+ $line"
    (cd "$work/ci" && ARTICLES=articles PATH="$work/tools:$PATH" bash -c "$line") > "$work/ci/out" 2>&1 || { echo "failed: $line"; cat "$work/ci/out"; return 1; }
  done <<<"$commands"
  grep -q '^::warning file=articles/002_a8f9b7003806acf8.txt,line=1' <(cd "$work/ci" && PATH="$work/tools:$PATH" newslsp lint articles --format github --fail-on none) \
    || { echo "no GitHub annotation for 002 line 1"; return 1; }
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["version"] == "2.1.0" and d["runs"][0]["results"], "no results"' "$work/ci/newslsp.sarif"
}
check "every newslsp step of docs/ci/newslsp.yml runs with the installed tool" workflow_commands

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
