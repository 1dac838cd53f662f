#!/usr/bin/env python3
"""Write lexicon/lexicon.index: a hash table over each sorted word list of lexicon/, so that a lookup
reads one or two slots and one line instead of binary-searching 11 MB of text (about 10 cache misses a
lookup, most of the lexicon's cost in a short run such as `agenda-audit check`).

Reads only the lists in lexicon/ (words.txt, nouns.txt, verbs.txt, noun-forms.tsv, verb-forms.tsv); no
network. Run it after scripts/make-lexicon.py, or whenever a list changes:

    python3 scripts/make-lexicon-index.py            # writes lexicon/lexicon.index
    python3 scripts/make-lexicon-index.py --check    # exit 1 if the committed index differs from its lists

The test suite (LexiconTests) checks that every line of every list is found through the committed index at
its first line, so a stale index fails `swift test`; agenda-audit refuses an index whose recorded list sizes
differ from the lists beside it, and works without an index (binary search) when there is none.

Format (little-endian):
  header   8 bytes  b"AALEXIX1"
           4 bytes  number of tables (5)
           4 bytes  0
  per table, 56 bytes:
           32 bytes the list's file name, ASCII, zero-padded
           8 bytes  the list's size in bytes
           4 bytes  slot count (a power of two)
           4 bytes  flags: bit 0 set for a key<TAB>value list (the key is the part of a line before its first tab);
                    bits 8-15 the number of low bits of a slot that hold the line's position (see below)
           8 bytes  offset of the table's slots from the start of the file (a multiple of 8)
  the slots: one UInt32 per slot, 0 for an empty slot, else (tag << B) | (1 + the byte offset of the FIRST line
  of the list with that key), where B is the smallest number of bits that holds the list's size and the tag is
  the top 32 - B bits of the key's hash (none when B is 32). A key with hash h = FNV-1a-32(key bytes) goes to
  slot h & (count - 1) and, if taken, the next slot (linear probing, wrapping round); a lookup compares a line
  only where the tag matches, so a word that is not in the list is mostly settled by its slots alone. Slot
  counts are the smallest power of two at least 4/3 of the keys (at most 3/4 full).
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.join(HERE, "..", "lexicon")
TABLES = [("words.txt", False), ("nouns.txt", False), ("verbs.txt", False),
          ("noun-forms.tsv", True), ("verb-forms.tsv", True)]


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def table(data: bytes, keyed: bool):
    first = {}  # key -> offset of its first line
    offset = 0
    for line in data.split(b"\n"):
        if line:
            key = line.split(b"\t", 1)[0] if keyed else line
            first.setdefault(key, offset)
        offset += len(line) + 1
    count = 1
    while count * 3 < len(first) * 4:
        count *= 2
    bits = max(1, len(data).bit_length())  # line_offset + 1 <= len(data) < 2 ** bits
    if bits > 32:
        raise SystemExit("a list of 4 GB or more does not fit the index")
    slots = [0] * count
    for key, line_offset in first.items():
        h = fnv1a(key)
        slot = h & (count - 1)
        while slots[slot]:
            slot = (slot + 1) & (count - 1)
        tag = h >> bits if bits < 32 else 0
        slots[slot] = ((tag << bits) & 0xFFFFFFFF) | (line_offset + 1)
    return count, bits, slots


def build(directory: str) -> bytes:
    header = bytearray(b"AALEXIX1" + struct.pack("<II", len(TABLES), 0))
    entries, bodies = [], []
    offset = len(header) + 56 * len(TABLES)
    for name, keyed in TABLES:
        with open(os.path.join(directory, name), "rb") as f:
            data = f.read()
        count, bits, slots = table(data, keyed)
        entries.append(struct.pack("<32sQIIQ", name.encode("ascii"), len(data), count, int(keyed) | bits << 8, offset))
        body = struct.pack("<%dI" % count, *slots)
        bodies.append(body)
        offset += len(body)  # 4 * a power of two >= 1: stays a multiple of 8 after the first table of >= 2 slots
    return bytes(header) + b"".join(entries) + b"".join(bodies)


def main() -> int:
    directory = os.path.normpath(LEXICON)
    path = os.path.join(directory, "lexicon.index")
    index = build(directory)
    if "--check" in sys.argv[1:]:
        try:
            with open(path, "rb") as f:
                same = f.read() == index
        except OSError:
            same = False
        print(f"{path}: {'matches its lists' if same else 'DIFFERS from its lists: run scripts/make-lexicon-index.py'}")
        return 0 if same else 1
    with open(path + ".tmp", "wb") as f:
        f.write(index)
    os.replace(path + ".tmp", path)
    print(f"{path}: {len(index):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
