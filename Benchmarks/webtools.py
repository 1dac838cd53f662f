"""Helpers shared by the web benchmarks (web-load.py, web-hostile.py): a free
loopback port and a process's resident memory."""
import socket


def rss_kb(pid):
    """The resident set of process `pid` in kB (VmRSS), or -1."""
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def free_port():
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
