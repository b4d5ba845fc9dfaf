#!/usr/bin/env bash
# Runs every check of the project — type check, unit tests (`npm test`), and the tests against real programs
# (`npm run test:clients`: jing, LibreOffice, openpyxl, Chromium) — and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test/.tmp
passed=0; failed=0
count() { # name, exit code: add the counts of a vitest JSON report
  local json="test/.tmp/$1.json" rc=$2
  if [ -f "$json" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTests||0))' "$PWD/$json")
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "$1: exited $rc"; fi
  else
    failed=$((failed + 1)); echo "$1: no report"
  fi
}
echo "== type check =="
if npx tsc --noEmit -p tsconfig.json; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
for suite in unit clients; do
  echo "== $suite tests =="
  rm -f "test/.tmp/$suite.json"
  if [ "$suite" = unit ]; then cfg=vitest.config.ts; else cfg=vitest.clients.config.ts; fi
  npx vitest run --config "$cfg" --reporter=default --reporter=json --outputFile.json="test/.tmp/$suite.json"
  count "$suite" $?
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
