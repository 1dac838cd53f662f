#!/usr/bin/env python3
"""A whole file as one paragraph, for the hostile-input figures in README.

one-paragraph.py OUT MEGABYTES: the sentences of the bundled agendas
(agendas/*.txt, paragraphs of 60 characters or more), drawn at random with a
fixed seed, years varied, joined by single spaces into one line without a
newline until the file reaches MEGABYTES (MiB). The same arguments give the
same bytes.
"""
import glob
import os
import random
import re
import sys

out, megabytes = sys.argv[1], float(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sentences = []
for path in sorted(glob.glob(os.path.join(root, "agendas", "*.txt"))):
    with open(path, encoding="utf-8") as handle:
        for paragraph in handle.read().split("\n\n"):
            paragraph = " ".join(paragraph.split())
            if len(paragraph) < 60:
                continue
            paragraph = re.sub(r"^[-•*] ", "", paragraph)
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if len(s) > 20]
rng = random.Random(42)
size = int(megabytes * 1024 * 1024)
parts, total = [], 0
while total < size:
    sentence = re.sub(r"\b20(2[0-9])\b", lambda _: str(2020 + rng.randrange(10)), rng.choice(sentences))
    parts.append(sentence)
    total += len(sentence.encode("utf-8")) + 1
with open(out, "w", encoding="utf-8") as handle:
    handle.write(" ".join(parts))
