#!/usr/bin/env bash
# Compares agenda-audit's language layer (`analyze FILE --format tsv`) with Frog's
# analysis in Tests/Fixtures/frog (made by Benchmarks/frog-run.sh), per file and
# overall: tense, participles, verb and noun lemmas (Benchmarks/frog-compare.py).
# Not part of `swift test`; it does not build the tool.
#
#   Benchmarks/frog-compare.sh [--stdout] [--top N] [NAME...]   NAME: a fixture (rijk, 002_2b25...); default all
#   Benchmarks/frog-compare.sh --tool-dir DIR [--stdout]        the tool's TSVs already made, DIR/NAME.tsv
#   Benchmarks/frog-compare.sh --self-test                      checks the comparison itself
# The disagreement lists go to Benchmarks/frog-disagreements.txt (--stdout: to stdout).
# Environment: AGENDA_AUDIT (the binary; default .build/release/agenda-audit, then
# .build/debug/agenda-audit), AGENDA_SHARED (shared/; default ../shared beside the repo, then /work/shared).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
fixtures=Tests/Fixtures/frog
pass=() names=() tooldir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --self-test) exec python3 Benchmarks/frog-compare.py --self-test --fixtures "$fixtures" ;;
        --tool-dir) tooldir=$2; shift 2 ;;
        --stdout) pass+=(--stdout); shift ;;
        --top) pass+=(--top "$2"); shift 2 ;;
        -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) names+=("$1"); shift ;;
    esac
done
[ -f "$fixtures/MANIFEST.tsv" ] || { echo "no $fixtures/MANIFEST.tsv: run Benchmarks/frog-run.sh first" >&2; exit 2; }

if [ -n "$tooldir" ]; then
    exec python3 Benchmarks/frog-compare.py --fixtures "$fixtures" --tool-dir "$tooldir" "${pass[@]}"
fi

bin=${AGENDA_AUDIT:-}
if [ -z "$bin" ]; then
    for b in .build/release/agenda-audit .build/debug/agenda-audit; do
        [ -x "$b" ] && { bin=$b; break; }
    done
fi
if [ -z "$bin" ] || ! "$bin" --help 2>/dev/null | grep -qE '^ +analyze( |$)'; then
    echo "${bin:-no agenda-audit binary (.build/release or .build/debug)}: no 'analyze' command; build the tool first" >&2
    exit 2
fi
shared=${AGENDA_SHARED:-}
if [ -z "$shared" ]; then
    if [ -d "$repo/../shared" ]; then shared=$repo/../shared; else shared=/work/shared; fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/frog-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
stale=()
while IFS=$'\t' read -r name source input tokens sentences sha frog; do
    [ "$name" = name ] && continue
    if [ ${#names[@]} -gt 0 ] && ! printf '%s\n' "${names[@]}" | grep -qxF "$name"; then continue; fi
    case "$source" in shared/*) path=$shared/${source#shared/} ;; /*) path=$source ;; *) path=$repo/$source ;; esac
    [ -f "$path" ] || { echo "$name: source $path not found; skipped" >&2; continue; }
    "$bin" analyze "$path" --format tsv > "$work/$name.tsv"
    # Frog read this text? If not, the fixture is stale (or was made from frog-run.sh's own extraction).
    now=$("$bin" analyze "$path" --format text | sha256sum | cut -d' ' -f1)
    [ "$now" = "$sha" ] || stale+=("$name")
done < "$fixtures/MANIFEST.tsv"
ls "$work"/*.tsv >/dev/null 2>&1 || { echo "nothing to compare" >&2; exit 2; }
if [ ${#stale[@]} -gt 0 ]; then
    echo "note: Frog read other text than 'analyze --format text' prints now for: ${stale[*]}" >&2
    echo "      (alignment absorbs the differences; Benchmarks/frog-run.sh --input tool brings the fixtures level)" >&2
fi
python3 Benchmarks/frog-compare.py --fixtures "$fixtures" --tool-dir "$work" "${pass[@]}"
