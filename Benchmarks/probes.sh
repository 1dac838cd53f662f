#!/usr/bin/env bash
# Scores probe sets of real passages (kept outside the repository: the text is third-party) with the
# test binary's RealDevTests, and prints one line of totals per set and test: TP FP FN precision recall,
# micro-averaged. Totals only: a clean set's errors are never printed (`--errors` prints them, for a
# development set).
#
#   Benchmarks/probes.sh [--errors] [--binary TEST_BINARY] FILE:SPLIT...
#   e.g. Benchmarks/probes.sh /work/labels/probe-g.jsonl:G1 /work/labels/probe-e-split.jsonl:E2
#
# FILE is a probe (`Tests/AgendaAuditTests/RealDevTests.swift` reads it from AGENDA_AUDIT_PROBE), SPLIT
# the value of its `split` field to score. The test binary defaults to the debug build's
# (.build/debug/agenda-auditPackageTests.xctest, made by `swift build --build-tests`); pass another
# one to score the code of another commit (built in a worktree) with the same probes.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/debug/agenda-auditPackageTests.xctest
errors=0
sets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --errors) errors=1; shift ;;
        --binary) binary=$2; shift 2 ;;
        -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) sets+=("$1"); shift ;;
    esac
done
[ ${#sets[@]} -gt 0 ] || { echo "usage: Benchmarks/probes.sh [--errors] [--binary B] FILE:SPLIT..." >&2; exit 2; }
[ -x "$binary" ] || { echo "no test binary at $binary: run swift build --build-tests first" >&2; exit 2; }
printf '%-28s %-8s %5s %5s %5s %9s %7s\n' "probe:split" "test" TP FP FN precision recall
for spec in "${sets[@]}"; do
    file=${spec%:*} split=${spec##*:}
    [ -f "$file" ] || { echo "$file: no such file" >&2; exit 2; }
    grep -q "\"split\": *\"$split\"" "$file" || { echo "$file: no passage with split \"$split\"" >&2; exit 2; }
    for test in cycleElements actionTypes; do
        out=$(AGENDA_AUDIT_PROBE="$file" AGENDA_AUDIT_PROBE_SPLIT="$split" "$binary" --testing-library swift-testing \
              --filter "RealDevTests/$test" 2>/dev/null | grep -a -v '^[◇✔↳✘]' || true)
        line=$(printf '%s\n' "$out" | grep -a 'overall (micro)' | head -1)
        [ -n "$line" ] || { echo "$file:$split: no figures from $test (is the split in the file?)" >&2; exit 1; }
        read -r tp fp fn p r <<< "$(printf '%s\n' "$line" | sed 's/.*overall (micro)//')"
        label="$(basename "$file"):$split"
        name=${test%Elements}; name=${name%Types}
        printf '%-28s %-8s %5s %5s %5s %9s %7s\n' "$label" "$name" "$tp" "$fp" "$fn" "$p" "$r"
        if [ "$errors" = 1 ]; then printf '%s\n' "$out" | grep -a -A1000 'errors:' | tail -n +2 | sed 's/^/    /'; fi
    done
done
