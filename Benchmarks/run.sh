#!/usr/bin/env bash
# Benchmark (not part of `swift test`): agenda-audit against ripgrep's raw
# multi-pattern scan of the rubric's own terms, on generated agenda-like
# Dutch text. Prints MB/s, the ratio, peak memory and the growth from the
# small to the large corpus.
#   Benchmarks/run.sh [SMALL_MB] [LARGE_MB]     (default 10 and 100)
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-10}
large=${2:-100}
work=${TMPDIR:-/tmp}/agenda-audit-bench
mkdir -p "$work"
command -v rg >/dev/null || { echo "needs ripgrep: apt-get install ripgrep" >&2; exit 2; }
swift build -c release --product agenda-audit >/dev/null
bin=.build/release/agenda-audit

# The rubric's terms as ripgrep patterns: globs become \w*, phrases keep their spaces.
python3 - "$work/terms.txt" <<'PY'
import json, re, sys
rubric = json.load(open("rubric.json"))
terms = set()
def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("terms",) and isinstance(value, list): terms.update(value)
            elif key == "near": [terms.update(side) for side in value]
            else: walk(value)
    elif isinstance(node, list):
        for item in node: walk(item)
walk(rubric["codes"])
with open(sys.argv[1], "w") as out:
    for term in sorted(terms):
        out.write(re.escape(term).replace(r"\*", r"\w*").replace(r"\ ", r"[\s-]?") + "\n")
PY

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || true
  read -r seconds kb < "$work/time.txt"
  echo "$label $seconds $kb"
}

for size in "$small" "$large"; do
  corpus="$work/corpus-$size"
  [ -d "$corpus" ] || python3 Benchmarks/generate.py "$corpus" "$size" >/dev/null
  mb=$(du -sb "$corpus" | awk '{printf "%.1f", $1/1048576}')
  read -r _ a_s a_kb < <(measure audit "$bin" audit "$corpus" --format json --out "$work/out-$size.json")
  read -r _ r_s r_kb < <(measure rg rg -i -c -f "$work/terms.txt" "$corpus")
  python3 - "$size" "$mb" "$a_s" "$a_kb" "$r_s" "$r_kb" <<'PY'
import sys
size, mb, a_s, a_kb, r_s, r_kb = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
print(f"{size} MB corpus ({mb:.1f} MB): agenda-audit {a_s:.2f} s = {mb/a_s:.1f} MB/s, peak {a_kb/1024:.0f} MB | "
      f"ripgrep {r_s:.2f} s = {mb/r_s:.1f} MB/s, peak {r_kb/1024:.0f} MB | audit/rg throughput {r_s/a_s:.3f}")
PY
  echo "$a_s" >> "$work/audit-times.txt"
done
python3 - "$work/audit-times.txt" "$small" "$large" <<'PY'
import sys
times = [float(line) for line in open(sys.argv[1]).read().split()][-2:]
print(f"growth {sys.argv[2]} MB -> {sys.argv[3]} MB: audit time x{times[1]/times[0]:.1f} (linear would be x{int(sys.argv[3])/int(sys.argv[2]):.0f})")
PY
