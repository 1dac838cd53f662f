#!/usr/bin/env python3
"""Self-check of lexicon/: loads every file, verifies format and byte order, prints sizes and
sample lookups. Exit status 1 on any error.  Run:  python3 scripts/check-lexicon.py [lexicon-dir]"""
import bisect
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "lexicon")
errors = []
WORD = re.compile(r"^[a-z](?:[a-z'-]*[a-z])?$")      # folded form (see make-lexicon.py)
CLASSES = {"article", "pronoun-subject", "pronoun-object", "possessive", "demonstrative",
           "preposition", "conj-sub", "conj-coord", "relative", "adverb", "negation",
           "aux-tense", "modal", "numeral"}


def err(f, msg):
    errors.append("%s: %s" % (f, msg))


def read(name):
    path = os.path.join(LEX, name)
    with open(path, "rb") as fh:
        raw = fh.read()
    if raw and not raw.endswith(b"\n"):
        err(name, "no final newline")
    if b"\r" in raw:
        err(name, "CR characters")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(name, "not UTF-8: %s" % e)
        text = raw.decode("utf-8", "replace")
    return raw, text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def check_sorted(name, lines, keyed):
    enc = [l.encode("utf-8") for l in lines]
    for i in range(1, len(enc)):
        if not enc[i - 1] < enc[i]:
            err(name, "line %d not strictly after line %d in byte order: %r, %r"
                % (i + 1, i, lines[i - 1], lines[i]))
            break
    if keyed:   # keys must be in byte order too (TAB sorts below every letter)
        keys = [e.split(b"\t")[0] for e in enc]
        if keys != sorted(keys):
            err(name, "keys not in byte order")
    return enc


def sizes(name, raw, lines):
    print("%-26s %9d lines %11d bytes (%.1f MB)" % (name, len(lines), len(raw), len(raw) / 1e6))
    if len(raw) > 15e6:
        err(name, "larger than 15 MB")


lists = {}
for name in ("words.txt", "nouns.txt", "verbs.txt"):
    raw, lines = read(name)
    sizes(name, raw, lines)
    for i, l in enumerate(lines):
        if not WORD.match(l) or not 2 <= len(l) <= 40:
            err(name, "line %d bad word %r" % (i + 1, l))
            break
    lists[name] = check_sorted(name, lines, False)

tables = {}
for name in ("noun-forms.tsv", "verb-forms.tsv"):
    raw, lines = read(name)
    sizes(name, raw, lines)
    for i, l in enumerate(lines):
        f = l.split("\t")
        if len(f) != 2 or not all(WORD.match(x) for x in f) or f[0] == f[1]:
            err(name, "line %d bad row %r" % (i + 1, l))
            break
    tables[name] = check_sorted(name, lines, True)

# hand-curated files
raw, lines = read("irregular-verbs.tsv")
sizes("irregular-verbs.tsv", raw, lines)
HEAD = "infinitive\tpresent-stem\tpast-singular\tpast-plural\tparticiple\tauxiliary\tpresent-3sg"
if lines[0] != HEAD:
    err("irregular-verbs.tsv", "header is %r" % lines[0])
irregular = {}
for i, l in enumerate(lines[1:], 2):
    f = l.split("\t")
    if len(f) != 7:
        err("irregular-verbs.tsv", "line %d: %d columns" % (i, len(f)))
        continue
    if f[5] not in ("hebben", "zijn", "hebben/zijn"):
        err("irregular-verbs.tsv", "line %d: auxiliary %r" % (i, f[5]))
    if not f[0].endswith("n") or any(not c for i, c in enumerate(f) if i != 4) or \
            (not f[4] and f[0] != "zullen"):           # zullen has no participle
        err("irregular-verbs.tsv", "line %d: %r" % (i, l))
    if f[0] in irregular:
        err("irregular-verbs.tsv", "duplicate %s" % f[0])
    irregular[f[0]] = f
check_sorted("irregular-verbs.tsv", lines[1:], True)
print("  %d irregular verbs" % len(irregular))

raw, lines = read("separable-particles.txt")
sizes("separable-particles.txt", raw, lines)
if not lines or not lines[0].startswith("#"):
    err("separable-particles.txt", "no # comment line on top")
parts = [l for l in lines if not l.startswith("#")]
check_sorted("separable-particles.txt", parts, False)
for p in parts:
    if not re.match("^[a-z]+$", p):
        err("separable-particles.txt", "bad particle %r" % p)
print("  %d particles" % len(parts))

raw, lines = read("function-words.tsv")
sizes("function-words.tsv", raw, lines)
fw = {}
rows = [l for l in lines if not l.startswith("#")]
for l in rows:
    f = l.split("\t")
    if len(f) != 2 or f[1] not in CLASSES:
        err("function-words.tsv", "bad row %r" % l)
        continue
    fw.setdefault(f[0], []).append(f[1])
check_sorted("function-words.tsv", rows, False)
print("  %d words, %d rows; per class: %s" % (len(fw), len(rows), ", ".join(
    "%s %d" % (c, sum(1 for r in rows if r.endswith("\t" + c))) for c in sorted(CLASSES))))


# ---- lookups (binary search on bytes, like the Swift side) --------------------------------
def contains(enc, w):
    w = w if isinstance(w, bytes) else w.encode()
    i = bisect.bisect_left(enc, w)
    return i < len(enc) and enc[i] == w


def values(enc, w):
    k = w.encode() + b"\t"
    i = bisect.bisect_left(enc, k)
    out = []
    while i < len(enc) and enc[i].startswith(k):
        out.append(enc[i][len(k):].decode())
        i += 1
    return out


def expect(cond, what):
    if not cond:
        err("lookup", what)
    return "ok" if cond else "MISSING"


print("\nlookups:")
for w in "werkgever baan werkplek begeleider agenda doelgroep plaatsing bijeenkomst instroom".split():
    print("  noun %-14s %s" % (w, expect(contains(lists["nouns.txt"], w), "noun " + w)))
for w in ("realiseren achterblijven inrichten werken blijven ontmoeten losknippen creeren "
          "gaan zijn").split():
    print("  verb %-14s %s" % (w, expect(contains(lists["verbs.txt"], w), "verb " + w)))
for f, l in [("banen", "baan"), ("werkplekken", "werkplek"), ("kinderen", "kind"),
             ("agendas", "agenda"), ("baantje", "baan"), ("bijeenkomsten", "bijeenkomst")]:
    v = values(tables["noun-forms.tsv"], f)
    print("  noun-form %-14s -> %-18s %s" % (f, ",".join(v), expect(l in v, f + "->" + l)))
for f, l in [("realiseert", "realiseren"), ("gerealiseerd", "realiseren"),
             ("achterblijft", "achterblijven"), ("achtergebleven", "achterblijven"),
             ("ingericht", "inrichten"), ("creeerde", "creeren"), ("ging", "gaan"),
             ("is", "zijn"), ("plaatsvond", "plaatsvinden"), ("ontmoette", "ontmoeten"),
             ("begreep", "begrijpen"), ("vergeleken", "vergelijken"), ("werkte", "werken")]:
    v = values(tables["verb-forms.tsv"], f)
    print("  verb-form %-14s -> %-26s %s" % (f, ",".join(v), expect(l in v, f + "->" + l)))
for w in ("het", "die", "dat", "zijn", "of", "niet"):
    print("  function %-6s %s" % (w, ",".join(fw.get(w, []))))
both = sum(1 for w in lists["nouns.txt"] if contains(lists["verbs.txt"], w))
notword = sum(1 for w in lists["nouns.txt"] if not contains(lists["words.txt"], w))
print("\nnouns that are also verbs: %d; nouns not in words.txt: %d" % (both, notword))

if errors:
    print("\nERRORS:")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nall checks passed")
