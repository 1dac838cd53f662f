#!/usr/bin/env python3
"""A bounded load test of `agenda-audit serve` on loopback.

Starts the server on a free 127.0.0.1 port, then CLIENTS threads each upload
a draft ROUNDS times (multipart, as the browser sends it) while one more
thread asks for the start page every 0.2 s. Every request has a 60 s
timeout and the whole run a 600 s limit. Prints how many requests were
answered (by status) or failed, latencies, and the server's resident memory
(VmRSS) before, at its peak, and after the run.

    python3 Benchmarks/web-load.py [--clients 64] [--rounds 4] [--file drafts/voorbeeld-goed.txt]
                                   [--binary .build/release/agenda-audit] [--workers N]
"""
import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid

from webtools import free_port, rss_kb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def multipart(filename, data):
    boundary = "----agenda" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nnl\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def request(port, method, path, body=None, content_type=None):
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Content-Type": content_type} if content_type else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    except Exception as error:  # counted as failed
        return type(error).__name__, time.monotonic() - started
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--file", default=os.path.join(ROOT, "drafts", "voorbeeld-goed.txt"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "agenda-audit"))
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()

    with open(args.file, "rb") as handle:
        data = handle.read()
    content_type, body = multipart(os.path.basename(args.file), data)
    port = free_port()
    command = [args.binary, "serve", "--port", str(port)]
    if args.workers:
        command += ["--workers", str(args.workers)]
    env = dict(os.environ, AGENDA_AUDIT_RUBRIC=os.path.join(ROOT, "rubric.json"))
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    try:
        server.stdout.readline()
        for _ in range(3):  # warm up: the first check loads the lexicon
            request(port, "POST", "/check", body, content_type)
        time.sleep(1)
        before = rss_kb(server.pid)
        peak = [before]
        results, page_results = [], []
        lock = threading.Lock()
        stop = threading.Event()

        def client():
            for _ in range(args.rounds):
                outcome = request(port, "POST", "/check", body, content_type)
                with lock:
                    results.append(outcome)

        def pages():
            while not stop.is_set():
                outcome = request(port, "GET", "/")
                with lock:
                    page_results.append(outcome)
                time.sleep(0.2)

        def sampler():
            while not stop.is_set():
                peak[0] = max(peak[0], rss_kb(server.pid))
                time.sleep(0.1)

        started = time.monotonic()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        helpers = [threading.Thread(target=pages), threading.Thread(target=sampler)]
        for thread in threads + helpers:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1, 600 - (time.monotonic() - started)))
        stop.set()
        for thread in helpers:
            thread.join(timeout=70)
        elapsed = time.monotonic() - started
        time.sleep(2)
        after = rss_kb(server.pid)

        def summary(outcomes):
            counts = {}
            for status, _ in outcomes:
                counts[status] = counts.get(status, 0) + 1
            times = sorted(seconds for _, seconds in outcomes)
            answered = sum(n for status, n in counts.items() if isinstance(status, int))
            p50 = statistics.median(times) if times else 0
            p95 = times[int(0.95 * (len(times) - 1))] if times else 0
            return answered, len(outcomes) - answered, counts, p50, p95

        answered, failed, counts, p50, p95 = summary(results)
        print(f"uploads: {len(results)} sent by {args.clients} clients x {args.rounds} ({len(data)} bytes each) in {elapsed:.1f} s")
        print(f"  answered {answered}, failed {failed}; by status {dict(sorted(counts.items(), key=str))}")
        print(f"  latency p50 {p50:.2f} s, p95 {p95:.2f} s")
        answered, failed, counts, p50, p95 = summary(page_results)
        print(f"start page during the run: {len(page_results)} requests, answered {answered}, failed {failed}, "
              f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
        print(f"server RSS: before {before} KB, peak {peak[0]} KB, after {after} KB")
        return 0 if failed == 0 else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
