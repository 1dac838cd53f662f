#!/usr/bin/env python3
"""Times `agenda-audit check FILE` as a whole process (start-up, rubric, lexicon, the check, the report, exit):
RUNS runs after one that is not counted; prints mean, median, fastest and slowest in ms. With --vs OTHER_BINARY
the two binaries run in turn (A B A B ...), so that a machine whose speed drifts affects both alike, and the
ratio of the medians is printed too.

    python3 Benchmarks/check-time.py [--runs 50] [--file agendas/rijk.xhtml] [--vs OTHER_BINARY] [BINARY]

BINARY defaults to .build/release/agenda-audit (build it first: swift build -c release).
"""
import argparse
import statistics
import subprocess
import time


def run(binary: str, file: str) -> float:
    start = time.perf_counter()
    subprocess.run([binary, "check", file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def summary(name: str, times: list) -> str:
    return (f"{name}: mean {statistics.mean(times):.1f} ms, median {statistics.median(times):.1f} ms, "
            f"fastest {min(times):.1f} ms, slowest {max(times):.1f} ms ({len(times)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=".build/release/agenda-audit")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--file", default="agendas/rijk.xhtml")
    parser.add_argument("--vs")
    args = parser.parse_args()
    binaries = [args.binary] + ([args.vs] if args.vs else [])
    times = {binary: [] for binary in binaries}
    for binary in binaries:
        run(binary, args.file)  # not counted: the page cache, the first start
    for _ in range(args.runs):
        for binary in binaries:
            times[binary].append(run(binary, args.file))
    print(f"check {args.file}, whole process")
    for binary in binaries:
        print(summary(binary, times[binary]))
    if args.vs:
        ratio = statistics.median(times[args.binary]) / statistics.median(times[args.vs])
        print(f"median {args.binary} / median {args.vs}: {ratio:.2f}")


if __name__ == "__main__":
    main()
