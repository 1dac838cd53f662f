#!/usr/bin/env python3
"""Compares agenda-audit's language layer with Frog (not part of `swift test`).

  frog-compare.py [--fixtures DIR] --tool-dir DIR         NAME.frog.tsv in DIR (default
                                                          Tests/Fixtures/frog) against DIR/NAME.tsv
  frog-compare.py FROG.tsv TOOL.tsv [FROG.tsv TOOL.tsv...]  explicit pairs
  frog-compare.py --self-test [--fixtures DIR]            checks this script (exit 1 on failure)
  options: --disagreements FILE (default Benchmarks/frog-disagreements.txt),
           --stdout (the disagreement lists to stdout instead), --top N (default 40)

Frog's fixture (Benchmarks/frog-run.sh): token<TAB>lemma<TAB>cgn-tag, a blank line
between sentences. The tool's TSV (`agenda-audit analyze FILE --format tsv`):
passage<TAB>sentence<TAB>clause<TAB>token<TAB>lemma<TAB>pos<TAB>tense, a blank
line between sentences; pos VERB-FIN, VERB-PART, VERB-INF, NOUN or OTHER (any
other value counts as OTHER), tense present, past or -.

The two token sequences of a file are aligned with difflib.SequenceMatcher on
lowercased tokens (curly quotes and apostrophes read as straight ones): a
first pass over the whole file, then a second pass without the junk heuristic
inside each stretch that did not match. Only aligned tokens are counted; the
number aligned is reported. Measures, per file and overall:
  tense       of Frog's finite verbs WW(pv,tgw,..) (present) and WW(pv,verl,..)
              (past), the share the tool marks VERB-FIN with the same tense;
              false finite: the tool's VERB-FIN on tokens Frog does not tag WW(pv,..)
  participle  of Frog's WW(vd,..), the share the tool marks VERB-PART;
              false participle: the tool's VERB-PART on tokens Frog does not tag WW(vd,..)
  lemma       for Frog's verbs (WW..) and common nouns (N(soort..)): the share where the
              tool's lemma equals Frog's, case-insensitively (Frog does not rejoin separable
              verbs: "bleef ... achter" has lemma "blijven"); the same share ignoring
              diacritics too (creëren = creeren) is printed for information
Targets: tense >= 95 %, lemmas (verbs and nouns together) >= 90 %. Exit status 0
(2 on a usage or input error).
"""
import argparse
import collections
import difflib
import os
import random
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POS_VALUES = {"VERB-FIN", "VERB-PART", "VERB-INF", "NOUN", "OTHER"}
TENSE_TARGET, LEMMA_TARGET = 95.0, 90.0
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201a": "'", "\u00b4": "'", "`": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"'})


# --- reading -----------------------------------------------------------------

class Token:
    __slots__ = ("token", "lemma", "tag", "pos", "tense", "where")

    def __init__(self, token, lemma, tag="", pos="OTHER", tense="-", where=""):
        self.token, self.lemma, self.tag, self.pos, self.tense, self.where = token, lemma, tag, pos, tense, where


def lines_of(path_or_text, is_text=False):
    text = path_or_text if is_text else open(path_or_text, encoding="utf-8", errors="replace").read()
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_frog(source, is_text=False):
    tokens = []
    for number, line in enumerate(lines_of(source, is_text), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise ValueError(f"{'<text>' if is_text else source}:{number}: expected token, lemma, tag")
        tokens.append(Token(cols[0], cols[1], tag=cols[2].strip()))
    return tokens


def read_tool(source, is_text=False):
    tokens = []
    for number, line in enumerate(lines_of(source, is_text), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            raise ValueError(f"{'<text>' if is_text else source}:{number}: expected passage, sentence, clause, token, ...")
        if cols[0].strip().lower() == "passage" and cols[3].strip().lower() == "token":
            continue  # a header line
        pos = cols[5].strip().upper() if len(cols) > 5 else "OTHER"
        tense = cols[6].strip().lower() if len(cols) > 6 else "-"
        tokens.append(Token(cols[3], cols[4] if len(cols) > 4 else "",
                            pos=pos if pos in POS_VALUES else "OTHER",
                            tense=tense if tense in ("present", "past") else "-",
                            where=f"{cols[0]}.{cols[1]}.{cols[2]}"))
    return tokens


# --- alignment ---------------------------------------------------------------

def key(token):
    return token.translate(QUOTES).lower()


def align(a, b):
    """Pairs (i, j) of equal tokens, in order: a whole-file pass, then each unmatched stretch again."""
    pairs = []
    first = difflib.SequenceMatcher(None, a, b)
    for op, i1, i2, j1, j2 in first.get_opcodes():
        if op == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2)))
        elif op == "replace":
            second = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
            for block in second.get_matching_blocks():
                pairs.extend((i1 + block.a + k, j1 + block.b + k) for k in range(block.size))
    return pairs


# --- measuring ---------------------------------------------------------------

def fold(lemma):
    """Lowercased, without diacritics (creëren -> creeren): for the informative folded lemma figure."""
    return "".join(c for c in unicodedata.normalize("NFD", lemma.strip().lower()) if not unicodedata.combining(c))


def frog_tense(tag):
    if tag.startswith("WW(pv,tgw"):
        return "present"
    if tag.startswith("WW(pv,verl"):
        return "past"
    return None


def tool_label(t):
    return f"{t.pos}/{t.tense}" if t.pos == "VERB-FIN" else t.pos


KINDS = [
    ("tense", "Frog finite verb, tool not VERB-FIN with the same tense", "tool pos/tense", "Frog tag"),
    ("false-finite", "tool VERB-FIN, Frog not WW(pv,..)", "tool pos/tense", "Frog tag"),
    ("participle", "Frog WW(vd,..), tool not VERB-PART", "tool pos", "Frog tag"),
    ("false-participle", "tool VERB-PART, Frog not WW(vd,..)", "tool pos", "Frog tag"),
    ("verb-lemma", "Frog WW.., lemmas differ", "tool lemma", "Frog lemma"),
    ("noun-lemma", "Frog N(soort..), lemmas differ", "tool lemma", "Frog lemma"),
]


class Stats:
    FIELDS = ["frog_tokens", "tool_tokens", "aligned",
              "fin", "fin_ok", "fin_present", "fin_present_ok", "fin_past", "fin_past_ok", "fin_wrong_tense",
              "tool_fin", "false_fin", "vd", "vd_ok", "tool_part", "false_part",
              "verb", "verb_ok", "noun", "noun_ok", "lemma_folded_ok", "frog_words", "aligned_words"]

    def __init__(self):
        for f in self.FIELDS:
            setattr(self, f, 0)
        self.disagree = {kind: collections.Counter() for kind, *_ in KINDS}
        self.example = {}

    def add(self, other):
        for f in self.FIELDS:
            setattr(self, f, getattr(self, f) + getattr(other, f))
        for kind in self.disagree:
            self.disagree[kind].update(other.disagree[kind])
        for k, v in other.example.items():
            self.example.setdefault(k, v)

    def note(self, kind, item, example):
        self.disagree[kind][item] += 1
        self.example.setdefault((kind, item), example)

    # shares in percent (None when there is nothing to count)
    @staticmethod
    def pct(num, den):
        return 100.0 * num / den if den else None

    def tense(self): return self.pct(self.fin_ok, self.fin)
    def participle(self): return self.pct(self.vd_ok, self.vd)
    def verb_lemma(self): return self.pct(self.verb_ok, self.verb)
    def noun_lemma(self): return self.pct(self.noun_ok, self.noun)
    def lemma(self): return self.pct(self.verb_ok + self.noun_ok, self.verb + self.noun)


def compare(name, frog, tool):
    s = Stats()
    s.frog_tokens, s.tool_tokens = len(frog), len(tool)
    pairs = align([key(t.token) for t in frog], [key(t.token) for t in tool])
    s.aligned = len(pairs)
    s.frog_words = sum(not f.tag.startswith("LET") for f in frog)
    for i, j in pairs:
        f, t = frog[i], tool[j]
        tok = key(f.token)
        s.aligned_words += not f.tag.startswith("LET")
        context = " ".join(x.token for x in frog[max(0, i - 5):i]) + f" [{f.token}] " + \
                  " ".join(x.token for x in frog[i + 1:i + 6])
        example = f"{name} {t.where}: {context.strip()}"  # t.where: the tool's passage.sentence.clause
        tense = frog_tense(f.tag)
        if tense:
            s.fin += 1
            ok = t.pos == "VERB-FIN" and t.tense == tense
            s.fin_ok += ok
            if tense == "present":
                s.fin_present += 1; s.fin_present_ok += ok
            else:
                s.fin_past += 1; s.fin_past_ok += ok
            if t.pos == "VERB-FIN" and not ok:
                s.fin_wrong_tense += 1
            if not ok:
                s.note("tense", (tok, tool_label(t), f.tag), example)
        if t.pos == "VERB-FIN":
            s.tool_fin += 1
            if not f.tag.startswith("WW(pv"):
                s.false_fin += 1
                s.note("false-finite", (tok, tool_label(t), f.tag), example)
        if f.tag.startswith("WW(vd"):
            s.vd += 1
            if t.pos == "VERB-PART":
                s.vd_ok += 1
            else:
                s.note("participle", (tok, tool_label(t), f.tag), example)
        if t.pos == "VERB-PART":
            s.tool_part += 1
            if not f.tag.startswith("WW(vd"):
                s.false_part += 1
                s.note("false-participle", (tok, t.pos, f.tag), example)
        same = t.lemma.strip().lower() == f.lemma.strip().lower()
        if f.tag.startswith("WW(") or f.tag.startswith("N(soort"):
            s.lemma_folded_ok += fold(t.lemma) == fold(f.lemma)
        if f.tag.startswith("WW("):
            s.verb += 1; s.verb_ok += same
            if not same:
                s.note("verb-lemma", (tok, t.lemma, f.lemma), example)
        elif f.tag.startswith("N(soort"):
            s.noun += 1; s.noun_ok += same
            if not same:
                s.note("noun-lemma", (tok, t.lemma, f.lemma), example)
    return s


# --- printing ----------------------------------------------------------------

def fmt(p, width=6):
    return "-".rjust(width) if p is None else f"{p:{width - 1}.1f}%"


def frac(num, den):
    return f"{num}/{den}"


def table(rows, out):
    head = ["file", "aligned", "tense", "fin-tool", "false-fin", "part", "false-part",
            "lemma-V", "lemma-N", "lemma-V+N"]
    lines = [head]
    for name, s in rows:
        lines.append([name,
                      f"{s.aligned}/{s.frog_tokens} {fmt(Stats.pct(s.aligned, s.frog_tokens))}",
                      f"{frac(s.fin_ok, s.fin)} {fmt(s.tense())}",
                      str(s.tool_fin), str(s.false_fin),
                      f"{frac(s.vd_ok, s.vd)} {fmt(s.participle())}",
                      str(s.false_part),
                      f"{frac(s.verb_ok, s.verb)} {fmt(s.verb_lemma())}",
                      f"{frac(s.noun_ok, s.noun)} {fmt(s.noun_lemma())}",
                      fmt(s.lemma())])
    widths = [max(len(r[k]) for r in lines) for k in range(len(head))]
    for n, r in enumerate(lines):
        if n == len(lines) - 1 and len(lines) > 2:
            print("  ".join("-" * w for w in widths), file=out)
        print("  ".join(c.ljust(w) if k == 0 else c.rjust(w) for k, (c, w) in enumerate(zip(r, widths))), file=out)


def summary(total, out):
    s = total
    print(f"\naligned tokens: {s.aligned} of Frog's {s.frog_tokens} ({fmt(Stats.pct(s.aligned, s.frog_tokens)).strip()}),"
          f" of the tool's {s.tool_tokens} ({fmt(Stats.pct(s.aligned, s.tool_tokens)).strip()});"
          f" of Frog's {s.frog_words} non-punctuation tokens (not LET) {s.aligned_words}"
          f" ({fmt(Stats.pct(s.aligned_words, s.frog_words)).strip()})", file=out)
    print(f"tense:      {frac(s.fin_ok, s.fin)} Frog finite verbs agree ({fmt(s.tense()).strip()}):"
          f" present {frac(s.fin_present_ok, s.fin_present)} ({fmt(Stats.pct(s.fin_present_ok, s.fin_present)).strip()}),"
          f" past {frac(s.fin_past_ok, s.fin_past)} ({fmt(Stats.pct(s.fin_past_ok, s.fin_past)).strip()});"
          f" {s.fin_wrong_tense} VERB-FIN with the other tense, {s.fin - s.fin_ok - s.fin_wrong_tense} not VERB-FIN;"
          f" tool VERB-FIN {s.tool_fin}, of which false finite {s.false_fin}"
          f" (precision {fmt(Stats.pct(s.tool_fin - s.false_fin, s.tool_fin)).strip()})", file=out)
    print(f"participle: {frac(s.vd_ok, s.vd)} Frog WW(vd) marked VERB-PART ({fmt(s.participle()).strip()});"
          f" tool VERB-PART {s.tool_part}, of which on non-vd {s.false_part}", file=out)
    print(f"lemma:      verbs {frac(s.verb_ok, s.verb)} ({fmt(s.verb_lemma()).strip()}),"
          f" nouns {frac(s.noun_ok, s.noun)} ({fmt(s.noun_lemma()).strip()}),"
          f" together {fmt(s.lemma()).strip()}"
          f" (ignoring diacritics as well as case: {fmt(Stats.pct(s.lemma_folded_ok, s.verb + s.noun)).strip()})", file=out)
    for label, value, target in (("tense", s.tense(), TENSE_TARGET), ("lemmas", s.lemma(), LEMMA_TARGET)):
        verdict = "MISSED" if value is None or value < target else "ok"
        print(f"target {label} >= {target:.0f}%: {fmt(value).strip()} {verdict}", file=out)


def disagreements(total, top, out):
    print("Most frequent disagreements between agenda-audit and Frog (aligned tokens only).", file=out)
    print("token: lowercased; example: the first occurrence (file, the tool's passage.sentence.clause),", file=out)
    print("the token in [brackets] among Frog's tokens.", file=out)
    for kind, title, tool_col, frog_col in KINDS:
        counter = total.disagree[kind]
        print(f"\n== {kind}: {title} ({sum(counter.values())} tokens, {len(counter)} distinct; top {top}) ==", file=out)
        if not counter:
            continue
        print(f"{'count':>5}  {'token':<22} {tool_col:<22} {frog_col:<26} example", file=out)
        for item, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
            tok, tool_value, frog_value = item
            print(f"{count:>5}  {tok:<22} {tool_value or '(empty)':<22} {frog_value:<26} {total.example[(kind, item)]}", file=out)


def run(pairs, args):
    rows, total = [], Stats()
    for name, frog_path, tool_path in pairs:
        try:
            s = compare(name, read_frog(frog_path), read_tool(tool_path))
        except (OSError, ValueError) as error:
            print(f"frog-compare: {error}", file=sys.stderr)
            return 2
        rows.append((name, s))
        total.add(s)
    rows.append(("overall", total))
    table(rows, sys.stdout)
    summary(total, sys.stdout)
    if args.stdout:
        print()
        disagreements(total, args.top, sys.stdout)
    else:
        with open(args.disagreements, "w", encoding="utf-8") as out:
            disagreements(total, args.top, out)
        print(f"disagreements: {os.path.relpath(args.disagreements)}")
    return 0


# --- self-test ---------------------------------------------------------------

SAMPLE = """De\tde\tLID(bep,stan,rest)
werkagenda's\twerkagenda\tN(soort,mv,basis)
van\tvan\tVZ(init)
2019\t2019\tTW(hoofd,vrij)
bevatten\tbevatten\tWW(pv,tgw,mv)
5.144\t5.144\tTW(hoofd,prenom,stan)
banen\tbaan\tN(soort,mv,basis)
.\t.\tLET()

Het\thet\tLID(bep,stan,evon)
ministerie\tministerie\tN(soort,ev,basis,onz,stan)
bleef\tblijven\tWW(pv,verl,ev)
achter\tachter\tVZ(fin)
bij\tbij\tVZ(init)
de\tde\tLID(bep,stan,rest)
doelstelling\tdoelstelling\tN(soort,ev,basis,zijd,stan)
en\ten\tVG(neven)
heeft\thebben\tWW(pv,tgw,met-t)
in\tin\tVZ(init)
2020\t2020\tTW(hoofd,vrij)
extra\textra\tADJ(prenom,basis,zonder)
maatregelen\tmaatregel\tN(soort,mv,basis)
genomen\tnemen\tWW(vd,vrij,zonder)
.\t.\tLET()

We\twe\tVNW(pers,pron,nomin,red,1,mv)
realiseren\trealiseren\tWW(pv,tgw,mv)
in\tin\tVZ(init)
de\tde\tLID(bep,stan,rest)
komende\tkomen\tWW(od,prenom,met-e)
jaren\tjaar\tN(soort,mv,basis)
200\t200\tTW(hoofd,prenom,stan)
banen\tbaan\tN(soort,mv,basis)
om\tom\tVZ(init)
mensen\tmens\tN(soort,mv,basis)
te\tte\tVZ(init)
plaatsen\tplaatsen\tWW(inf,vrij,zonder)
.\t.\tLET()

Daarnaast\tdaarnaast\tBW()
werd\tworden\tWW(pv,verl,ev)
er\ter\tVNW(aanw,adv-pron,stan,red,3,getal)
veel\tveel\tVNW(onbep,grad,stan,prenom,zonder,agr,basis)
geld\tgeld\tN(soort,ev,basis,onz,stan)
uitgegeven\tuitgeven\tWW(vd,vrij,zonder)
aan\taan\tVZ(init)
de\tde\tLID(bep,stan,rest)
gerealiseerde\trealiseren\tWW(vd,prenom,met-e)
werkplekken\twerkplek\tN(soort,mv,basis)
.\t.\tLET()
"""


def frog_to_tool(frog_text, mode, rng):
    """The tool's TSV made from Frog's analysis. mode: 'same' (a faithful copy),
    'retokenised' (a faithful copy, tokenised differently and with a gap), or
    'wrong' (tenses swapped, participles made past finite verbs, lemma = surface form)."""
    sentences = [s for s in frog_text.replace("\r\n", "\n").split("\n\n") if s.strip()]
    out = ["passage\tsentence\tclause\ttoken\tlemma\tpos\ttense"]  # a header line, which the reader skips
    for n, sentence in enumerate(sentences):
        if mode == "retokenised" and n % 17 == 5:
            continue  # a sentence the tool does not have
        rows = []
        for line in sentence.split("\n"):
            if not line.strip():
                continue
            token, lemma, tag = line.split("\t")[:3]
            tense = frog_tense(tag) or "-"
            if tag.startswith("WW(pv,tgw") or tag.startswith("WW(pv,verl"):
                pos = "VERB-FIN"
            elif tag.startswith("WW(vd"):
                pos = "VERB-PART"
            elif tag.startswith("WW(inf"):
                pos = "VERB-INF"
            elif tag.startswith("N("):
                pos = "NOUN"
            else:
                pos = rng.choice(["OTHER", "ADJ", "PRON"])  # values the reader does not know count as OTHER
            if mode == "wrong":
                if pos == "VERB-FIN":
                    tense = {"present": "past", "past": "present"}[tense]
                elif pos == "VERB-PART":
                    pos, tense = "VERB-FIN", "past"
                lemma = token
            rows.append([token, lemma, pos, tense])
        if mode == "retokenised":
            merged = []
            for row in rows:
                if row[0] in ".,;:)" and merged and rng.random() < 0.5:
                    merged[-1][0] += row[0]  # punctuation glued to the word before it
                elif row[2] == "OTHER" and "." in row[0] and len(row[0]) > 2 and rng.random() < 0.5:
                    a, _, b = row[0].partition(".")  # a number or abbreviation split at its dot
                    merged += [[a, a, "OTHER", "-"], [".", ".", "OTHER", "-"], [b, b, "OTHER", "-"]]
                else:
                    merged.append(row)
            rows = merged
        for k, (token, lemma, pos, tense) in enumerate(rows):
            out.append(f"{n // 3 + 1}\t{n + 1}\t1\t{token}\t{lemma}\t{pos}\t{tense}")
        out.append("")
    return "\n".join(out) + "\n"


def self_test(args):
    rng = random.Random(7)
    texts = [("sample", SAMPLE)]
    if os.path.isdir(args.fixtures):
        for name in sorted(os.listdir(args.fixtures)):
            if name.endswith(".frog.tsv"):
                texts.append((name[:-len(".frog.tsv")], open(os.path.join(args.fixtures, name), encoding="utf-8").read()))
    failures = []

    def check(label, condition, detail):
        print(f"  {'ok  ' if condition else 'FAIL'} {label}: {detail}")
        if not condition:
            failures.append(label)

    print(f"self-test on the built-in sample and {len(texts) - 1} fixture(s) in {os.path.relpath(args.fixtures)}")
    totals = {mode: Stats() for mode in ("same", "retokenised", "wrong")}
    lemma_is_form = [0, 0]
    for name, text in texts:
        frog = read_frog(text, is_text=True)
        for f in frog:
            if f.tag.startswith("WW(") or f.tag.startswith("N(soort"):
                lemma_is_form[0] += f.lemma.strip().lower() == f.token.strip().lower()
                lemma_is_form[1] += 1
        for mode in totals:
            totals[mode].add(compare(name, frog, read_tool(frog_to_tool(text, mode, rng), is_text=True)))
    p = Stats.pct
    s = totals["same"]
    check("copy: every token aligned", s.aligned == s.frog_tokens == s.tool_tokens, f"{s.aligned}/{s.frog_tokens}")
    check("copy: tense 100%", s.fin > 0 and s.fin_ok == s.fin and s.false_fin == 0,
          f"{frac(s.fin_ok, s.fin)}, false finite {s.false_fin}")
    check("copy: participle 100%", s.vd > 0 and s.vd_ok == s.vd and s.false_part == 0,
          f"{frac(s.vd_ok, s.vd)}, false participle {s.false_part}")
    check("copy: lemmas 100%", s.verb_ok == s.verb > 0 and s.noun_ok == s.noun > 0,
          f"verbs {frac(s.verb_ok, s.verb)}, nouns {frac(s.noun_ok, s.noun)}")
    r = totals["retokenised"]
    check("retokenised copy: fewer tokens aligned", r.aligned < r.frog_tokens and p(r.aligned, r.frog_tokens) > 80,
          f"{r.aligned}/{r.frog_tokens} ({fmt(p(r.aligned, r.frog_tokens)).strip()})")
    check("retokenised copy: agreement ~100% on aligned tokens",
          r.tense() >= 99.5 and r.participle() >= 99.5 and r.lemma() >= 99.5 and r.false_fin <= 0.005 * r.tool_fin,
          f"tense {fmt(r.tense()).strip()}, participle {fmt(r.participle()).strip()}, lemma {fmt(r.lemma()).strip()}")
    w = totals["wrong"]
    check("wrong: tense 0%", w.tense() == 0.0, f"{frac(w.fin_ok, w.fin)}")
    check("wrong: participles missed, counted false finite", w.vd_ok == 0 and w.false_fin == w.vd,
          f"participle {frac(w.vd_ok, w.vd)}, false finite {w.false_fin} (Frog vd {w.vd})")
    check("wrong: lemma agreement = share of Frog lemmas equal to the form",
          w.verb_ok + w.noun_ok == lemma_is_form[0] and w.verb + w.noun == lemma_is_form[1],
          f"{frac(w.verb_ok + w.noun_ok, w.verb + w.noun)} ({fmt(w.lemma()).strip()}) vs {frac(*lemma_is_form)}")
    check("wrong: targets MISSED", w.tense() < TENSE_TARGET and w.lemma() < LEMMA_TARGET,
          f"tense {fmt(w.tense()).strip()}, lemma {fmt(w.lemma()).strip()}")
    print("SELF-TEST " + ("PASS" if not failures else f"FAIL ({len(failures)})"))
    return 0 if not failures else 1


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.split("\n")[1:]))
    parser.add_argument("pairs", nargs="*", help="FROG.tsv TOOL.tsv ...")
    parser.add_argument("--fixtures", default=os.path.join(ROOT, "Tests", "Fixtures", "frog"))
    parser.add_argument("--tool-dir")
    parser.add_argument("--disagreements", default=os.path.join(ROOT, "Benchmarks", "frog-disagreements.txt"))
    parser.add_argument("--stdout", action="store_true", help="print the disagreement lists instead of writing the file")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test(args)
    pairs = []
    if args.tool_dir:
        for name in sorted(os.listdir(args.fixtures)):
            if not name.endswith(".frog.tsv"):
                continue
            base = name[:-len(".frog.tsv")]
            tool = os.path.join(args.tool_dir, base + ".tsv")
            if os.path.exists(tool):
                pairs.append((base, os.path.join(args.fixtures, name), tool))
            else:
                print(f"frog-compare: no {tool}; {base} skipped", file=sys.stderr)
    if len(args.pairs) % 2:
        parser.error("give FROG.tsv TOOL.tsv in pairs")
    for frog, tool in zip(args.pairs[::2], args.pairs[1::2]):
        base = os.path.basename(frog)
        pairs.append((base[:-len(".frog.tsv")] if base.endswith(".frog.tsv") else base, frog, tool))
    if not pairs:
        parser.error("nothing to compare: give --tool-dir DIR or FROG.tsv TOOL.tsv pairs (or --self-test)")
    return run(pairs, args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
