#!/usr/bin/env bash
# Helix is not in Debian 12 and cannot be downloaded here, so the README's languages.toml is checked statically:
# it parses as TOML (Python's tomllib), declares `newslsp serve` as a language server, a news-article language
# that uses it for files under articles/ only, and settings whose severities are the ones the server accepts.
# The same severities and rule ids are read from schemas/newslsp.schema.json. Prints "N passed, M failed" last.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
block=$(awk '/<!-- helix-languages/{m=1} m&&/^```toml/{c=1;next} c&&/^```/{exit} c{print}' "$root/README.md")
if [[ -z "$block" ]]; then echo "no toml block after <!-- helix-languages --> in README.md"; echo "0 passed, 1 failed"; exit 1; fi
HELIX_BLOCK="$block" python3 - "$root/schemas/newslsp.schema.json" <<'PY'
import json, os, sys, tomllib
checks = []
def check(name, fn):
    try:
        fn(); checks.append(True); print("ok - " + name)
    except Exception as e:
        checks.append(False); print("not ok - " + name); print("    " + repr(e))
block = os.environ["HELIX_BLOCK"]
schema = json.load(open(sys.argv[1]))
config = {}
def parse():
    config.update(tomllib.loads(block))
check("the README's languages.toml block is valid TOML", parse)
def server():
    s = config["language-server"]["newslsp"]
    assert s["command"] == "newslsp" and s["args"] == ["serve"], s
check("it declares the language server newslsp serve", server)
def language():
    [lang] = [l for l in config["language"] if l["name"] == "news-article"]
    assert lang["language-servers"] == ["newslsp"], lang
    globs = [f["glob"] for f in lang["file-types"]]
    assert globs and all(g.startswith("articles/") and g.endswith((".txt", ".md")) for g in globs), globs
    assert "newslsp.json" in lang["roots"], lang["roots"]
check("a news-article language for articles/ .txt and .md files only, rooted at newslsp.json", language)
def settings():
    rules = config["language-server"]["newslsp"]["config"]["newslsp"]["rules"]
    severities = schema["definitions"]["severity"]["enum"]
    known = schema["properties"]["rules"]["properties"]
    assert rules and all(k in known and v in severities for k, v in rules.items()), rules
check("its config is the newslsp section with known rules and severities", settings)
print(f"{sum(checks)} passed, {len(checks) - sum(checks)} failed")
sys.exit(0 if all(checks) else 1)
PY
