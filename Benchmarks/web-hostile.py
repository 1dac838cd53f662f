#!/usr/bin/env python3
"""Hostile inputs against `agenda-audit check` and `serve`, measured on loopback.

Builds the small files that used to cost gigabytes (issue 14) in a temporary
folder and prints, for each: its size, `check`'s time and peak RSS, and the
server's answer (status, time, page size) and RSS after it. Then the
multipart part counts, and the start page's latency while two heavy uploads
run. Every request has a 120 s timeout.

    python3 Benchmarks/web-hostile.py [--binary .build/release/agenda-audit]
"""
import argparse
import http.client
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

from webtools import free_port, rss_kb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
TAIL = '<w:sectPr/></w:body></w:document>'
TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/></Types>')


def docx(path, body_parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        archive.writestr("word/document.xml", HEAD + "".join(body_parts) + TAIL)


def post(port, fields, timeout=120):
    boundary = "----hostile"
    chunks = []
    for name, filename, data in fields:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        chunks.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + data + b"\r\n")
    body = b"".join(chunks) + f"--{boundary}--\r\n".encode()
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/check", body=body,
                           headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        response = connection.getresponse()
        page = response.read()
        return response.status, time.monotonic() - started, len(page), page
    except Exception as error:
        return type(error).__name__, time.monotonic() - started, 0, b""
    finally:
        connection.close()


def get(port, timeout=120):
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    except Exception as error:
        return type(error).__name__, time.monotonic() - started
    finally:
        connection.close()


def notice(page):
    text = page.decode("utf-8", "replace")
    start = text.find('role="alert">')
    return text[start + 13:text.find("<", start + 13)][:160] if start >= 0 else ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "agenda-audit"))
    args = parser.parse_args()
    env = dict(os.environ, AGENDA_AUDIT_RUBRIC=os.path.join(ROOT, "rubric.json"))
    folder = tempfile.mkdtemp(prefix="agenda-audit-hostile-")
    sentences = open(os.path.join(ROOT, "drafts", "voorbeeld-goed.txt"), encoding="utf-8").read().split()
    files = {}
    files["empty-paragraphs-60MB.docx"] = lambda p: docx(p, ["<w:p/>"] * (60 * 1024 * 1024 // 6))
    files["empty-paragraphs-120MB.docx"] = lambda p: docx(p, ["<w:p/>"] * (120 * 1024 * 1024 // 6))
    files["short-paragraphs-20MB.docx"] = lambda p: docx(p, ["<w:p><w:r><w:t>Wij plaatsen 40 mensen.</w:t></w:r></w:p>"] * (20 * 1024 * 1024 // 61))
    real = []
    size = 0
    index = 0
    while size < 10 * 1024 * 1024 - 200:
        words = " ".join(sentences[(index * 7) % (len(sentences) - 40):][:30]) + f" (regel {index})."
        real.append(words)
        size += len(words.encode()) + 2
        index += 1
    files["real-text-10MB.txt"] = lambda p: open(p, "w", encoding="utf-8").write("\n\n".join(real))
    files["real-text-1MB.txt"] = lambda p: open(p, "w", encoding="utf-8").write("\n\n".join(real[:4900]))

    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env)
    try:
        server.stdout.readline()
        get(port)
        post(port, [("file", "a.txt", open(os.path.join(ROOT, "drafts", "voorbeeld-goed.txt"), "rb").read())])
        time.sleep(1)
        print(f"server RSS after start and one check: {rss_kb(server.pid)} KB")
        print("| input | file size | `check` time, peak RSS | server: status, time, page size | server RSS after |")
        print("|---|---|---|---|---|")
        for name, make in files.items():
            path = os.path.join(folder, name)
            make(path)
            measured = subprocess.run(["/usr/bin/time", "-f", "%e s %M KB", args.binary, "check", path],
                                      capture_output=True, text=True, env=env, timeout=600)
            cost = measured.stderr.strip().splitlines()[-1]
            status, seconds, length, page = post(port, [("lang", None, b"nl"), ("file", name, open(path, "rb").read())])
            time.sleep(1)
            print(f"| {name} | {os.path.getsize(path) // 1024} KB | {cost} | {status}, {seconds:.2f} s, "
                  f"{length / 1024:.0f} KB | {rss_kb(server.pid)} KB |")
            if status != 200:
                print(f"|  | | | {notice(page)} | |")
        for parts in [10_000, 40_000, 100_000]:
            fields = [(f"f{i}", None, b"x") for i in range(parts)]
            status, seconds, _, page = post(port, fields)
            print(f"multipart with {parts} parts: {status} in {seconds:.2f} s: {notice(page)}")
        # Two uploads the server accepts and checks (about 1.8 s each), not ones refused early.
        heavy = open(os.path.join(folder, "real-text-1MB.txt"), "rb").read()
        workers = [threading.Thread(target=post, args=(port, [("file", "h.txt", heavy)])) for _ in range(2)]
        for worker in workers:
            worker.start()
        time.sleep(0.3)
        status, seconds = get(port)
        for worker in workers:
            worker.join()
        print(f"GET / during two concurrent 1 MB real-text uploads: {status} in {seconds * 1000:.0f} ms")
        time.sleep(1)
        print(f"server RSS at the end: {rss_kb(server.pid)} KB")
        leftovers = [n for n in os.listdir(tempfile.gettempdir()) if n.startswith("agenda-audit-") and n.endswith(".docx")]
        print(f"temporary .docx files left: {len(leftovers)}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        for name in os.listdir(folder):  # the files are built again on each run
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)
    slowloris(args.binary, env)
    return 0


def slowloris_only():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "agenda-audit"))
    args, _ = parser.parse_known_args()
    slowloris(args.binary, dict(os.environ, AGENDA_AUDIT_RUBRIC=os.path.join(ROOT, "rubric.json")))


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def slowloris(binary, env, count=1030):
    """1,030 connections that never finish their head, against a server limited to 1,024 descriptors."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    port = free_port()
    limit = lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))
    server = subprocess.Popen([binary, "serve", "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env, preexec_fn=limit)
    hogs = []
    try:
        server.stdout.readline()
        for _ in range(count):
            hog = socket.socket()
            hog.setblocking(False)
            hog.connect_ex(("127.0.0.1", port))
            hogs.append(hog)
        time.sleep(3)  # let every handshake finish (or sit in the backlog)
        for hog in hogs:
            try:
                hog.send(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            except OSError:
                pass
        cpu = cpu_seconds(server.pid)
        started = time.monotonic()
        status, seconds = get(port, timeout=60)
        cpu = cpu_seconds(server.pid) - cpu
        wall = time.monotonic() - started
        print(f"slowloris: {count} stalled connections, server limited to 1024 descriptors: GET / {status} in {seconds:.2f} s; "
              f"server CPU {cpu:.2f} s over {wall:.2f} s; descriptors held {len(os.listdir(f'/proc/{server.pid}/fd'))}")
    finally:
        for hog in hogs:
            hog.close()
        server.terminate()
        server.wait(timeout=10)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


if __name__ == "__main__":
    if "--slowloris-only" in sys.argv:
        sys.argv.remove("--slowloris-only")
        sys.exit(slowloris_only())
    sys.exit(main())
