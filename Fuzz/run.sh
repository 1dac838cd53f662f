#!/usr/bin/env bash
# Fuzzes ingest, coding and the cycle check with libFuzzer (see README, "Fuzzing").
#
#   Fuzz/run.sh [SECONDS] [LIBFUZZER FLAGS...]     default 60 seconds
#
# Builds agenda-audit-fuzz with -sanitize=fuzzer,address (libFuzzer ships with
# the Swift toolchain on Linux) and runs it on a seed corpus: the bundled
# agendas and drafts, Fuzz/seeds/ and the regression inputs in
# Tests/Fixtures/fuzz/. Everything it writes (the growing corpus, crash,
# timeout, leak and OOM inputs) goes to $FUZZ_OUT, outside git
# (default /tmp/agenda-audit-fuzz). The build goes to $FUZZ_SCRATCH
# (default .build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# Let libFuzzer and ASan report a Swift trap; the Swift backtracer gets in their way.
export SWIFT_BACKTRACE=enable=no
# A leak in a dependency we cannot fix here (see the file).
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

seconds="${1:-60}"
[ "$#" -gt 0 ] && shift
scratch="${FUZZ_SCRATCH:-.build-fuzz}"
out="${FUZZ_OUT:-/tmp/agenda-audit-fuzz}"

# -parse-as-library: no Swift main; AGENDA_FUZZ: the libFuzzer entry instead of the replay driver.
swift build -c release --scratch-path "$scratch" --product agenda-audit-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -D -Xswiftc AGENDA_FUZZ
fuzzer="$scratch/release/agenda-audit-fuzz"

mkdir -p "$out/corpus" "$out/seeds" "$out/crashes"
cp agendas/*.txt agendas/*.xhtml drafts/*.txt Fuzz/seeds/* "$out/seeds/"
cp Tests/Fixtures/fuzz/* "$out/seeds/" 2>/dev/null || true

echo "fuzzing for ${seconds}s; corpus $out/corpus, findings $out/crashes/"
# New inputs go to the first folder (kept between runs); the seeds are read only.
"$fuzzer" "$out/corpus" "$out/seeds" \
  -dict=Fuzz/agenda.dict \
  -max_len=65536 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -max_total_time="$seconds" \
  -artifact_prefix="$out/crashes/" \
  -print_final_stats=1 \
  "$@"
