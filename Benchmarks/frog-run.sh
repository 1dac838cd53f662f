#!/usr/bin/env bash
# Yardstick for the language layer (not part of `swift test`): runs Frog (the
# Dutch tokenizer, lemmatizer and CGN tagger) on the seed documents and the
# bundled agendas and writes its analysis, normalised, to
#   Tests/Fixtures/frog/NAME.frog.tsv    token<TAB>lemma<TAB>cgn-tag, a blank line between sentences
#   Tests/Fixtures/frog/MANIFEST.tsv     per file: source, input mode, tokens, sentences, sha256 of the text Frog read
# Benchmarks/frog-compare.sh then compares `agenda-audit analyze --format tsv` with these.
#
#   Benchmarks/frog-run.sh [--input auto|tool|own] [FILE...]
#     --input tool  Frog reads `agenda-audit analyze FILE --format text` (the tool's own passages)
#     --input own   Frog reads this script's text extraction (blocks split as the tool's readers do)
#     --input auto  (default) tool when the built binary has `analyze`, else own
#   Environment: FROG_INPUT (same as --input), AGENDA_AUDIT (the binary; default
#   .build/release/agenda-audit, then .build/debug/agenda-audit), FROG_THREADS (default 1),
#   AGENDA_SHARED (the shared/ folder; default ../shared beside the repo, then /work/shared),
#   FROG_OUT (default Tests/Fixtures/frog), FROG_KEEP=1 keeps the work folder (Frog's input and raw output).
#   FILE...: only these sources (default: shared/seeds/0*.txt and agendas/*.txt, *.xhtml).
# Needs Frog: apt-get install -y frog frogdata. The binary is never built here.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

input=${FROG_INPUT:-auto}
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --input) input=$2; shift 2 ;;
        --input=*) input=${1#--input=}; shift ;;
        -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) files+=("$1"); shift ;;
    esac
done
case "$input" in auto|tool|own) ;; *) echo "--input must be auto, tool or own" >&2; exit 2 ;; esac

command -v frog >/dev/null || { echo "needs Frog: apt-get install -y frog frogdata" >&2; exit 2; }
config=/usr/share/frog/nld/frog.cfg
[ -f "$config" ] || { echo "needs Frog's Dutch data ($config): apt-get install -y frogdata" >&2; exit 2; }

shared=${AGENDA_SHARED:-}
if [ -z "$shared" ]; then
    if [ -d "$repo/../shared" ]; then shared=$repo/../shared; else shared=/work/shared; fi
fi
shared=$(realpath -m "$shared")
if [ ${#files[@]} -eq 0 ]; then
    for f in "$shared"/seeds/0*.txt agendas/*.txt agendas/*.xhtml; do
        [ -f "$f" ] && files+=("$f")
    done
fi
[ ${#files[@]} -gt 0 ] || { echo "no input files" >&2; exit 2; }

# The tool, if it is built and has `analyze` (an unknown subcommand prints the
# general help with status 0, so look for it in the help text).
bin=${AGENDA_AUDIT:-}
if [ -n "$bin" ] && [ ! -x "$bin" ]; then echo "AGENDA_AUDIT=$bin: not an executable" >&2; exit 2; fi
if [ -z "$bin" ]; then
    for b in .build/release/agenda-audit .build/debug/agenda-audit; do
        [ -x "$b" ] && { bin=$b; break; }
    done
fi
has_analyze=no
if [ -n "$bin" ] && [ -x "$bin" ] && "$bin" --help 2>/dev/null | grep -qE '^ +analyze( |$)'; then has_analyze=yes; fi
if [ "$input" = auto ]; then
    if [ $has_analyze = yes ]; then input=tool; else input=own; fi
fi
if [ "$input" = tool ] && [ $has_analyze = no ]; then
    echo "--input tool: ${bin:-no agenda-audit binary} has no 'analyze' command (build it first)" >&2; exit 2
fi

out=${FROG_OUT:-Tests/Fixtures/frog}
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/frog-run.XXXXXX")
if [ -n "${FROG_KEEP:-}" ]; then echo "work folder kept: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/in" "$work/out"

# 1. The text Frog reads, one file per source: passages separated by one blank line.
declare -A source_of
for f in "${files[@]}"; do
    base=$(basename "$f"); name=${base%.*}
    if [ -n "${source_of[$name]:-}" ]; then echo "two sources named $name" >&2; exit 2; fi
    source_of[$name]=$f
    if [ "$input" = tool ]; then
        if ! "$bin" analyze "$f" --format text > "$work/in/$name.txt" || [ ! -s "$work/in/$name.txt" ]; then
            echo "$bin analyze $f --format text failed or printed nothing (--input own: this script's extraction)" >&2
            exit 1
        fi
    else
        python3 - "$f" > "$work/in/$name.txt" <<'PY'
# Text extraction for when the tool's `analyze --format text` is not there:
# one passage per block, separated by one blank line, like the tool's readers
# (plain text: blank lines separate blocks, bullets and numbered lines start
# list items and lose their marker, tab- or |-separated lines are table rows joined with " | ",
# hard-wrapped lines are joined and a word hyphenated at a line end is joined
# without its hyphen, page numbers, table-of-contents lines and lines with
# digits repeated 3+ times in the same shape (page footers) are dropped; XHTML: the
# innermost block element, table rows with their cells joined by " | ", headings
# h1-h6 left out as the tool's passages leave them out). Plain-text headings are
# kept: the tool's heading guess is not copied here.
import re, sys, collections
import xml.etree.ElementTree as ET
path = sys.argv[1]
raw = open(path, "rb").read().decode("utf-8", errors="replace").lstrip("\ufeff")
passages = []

def collapse(s):
    return " ".join(s.replace("\u00ad", "").replace("\u200b", "").split())

if path.endswith((".xhtml", ".html", ".htm", ".xml")):
    BLOCK = {"p", "li", "dt", "dd", "blockquote", "pre", "address", "figcaption", "caption",
             "h1", "h2", "h3", "h4", "h5", "h6", "tr", "div", "section", "article", "header",
             "footer", "main", "aside", "nav", "ul", "ol", "dl", "table", "thead", "tbody", "body"}
    SKIP = {"head", "script", "style", "template"}
    local = lambda tag: tag.rsplit("}", 1)[-1].lower()
    root = ET.fromstring(raw.encode("utf-8"))
    def walk(el, buf):
        """Appends el's inline text to buf; block children start passages of their own."""
        tag = local(el.tag)
        if tag in SKIP or tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return
        if tag == "tr":
            cells = []
            for cell in el:
                if local(cell.tag) in ("td", "th"):
                    t = collapse("".join(cell.itertext()))
                    if t: cells.append(t)
            if cells: passages.append(" | ".join(cells))
            return
        if tag in BLOCK:
            own = []
            if el.text: own.append(el.text)
            for child in el:
                if local(child.tag) in BLOCK:
                    t = collapse("".join(own)); own = []
                    if t: passages.append(t)
                    walk(child, None)
                else:
                    walk(child, own)
                if child.tail: own.append(child.tail)
            t = collapse("".join(own))
            if t: passages.append(t)
            return
        if tag == "br":
            buf.append(" ")
            return
        if el.text: buf.append(el.text)
        for child in el:
            if local(child.tag) in BLOCK:   # a block inside an inline element
                walk(child, None)
            else:
                walk(child, buf)
            if child.tail: buf.append(child.tail)
    body = next((e for e in root.iter() if local(e.tag) == "body"), root)
    walk(body, None)
else:
    lines = re.split(r"\r\n|\r|\n|\f|\u2028|\u2029|\x85", raw)
    def shape(s):
        return re.sub(r"\d+", "#", s.lower())
    def page_number(s):
        w = s.lower().split()
        st = [x for x in w if x not in ("-", "–", "|")]
        if len(st) == 1 and st[0].isdigit(): return True
        if len(st) == 3 and st[0].isdigit() and st[1] in ("/", "van", "of") and st[2].isdigit(): return True
        for i, x in enumerate(w):
            if x in ("pagina", "page", "blz.", "p.") and i + 1 < len(w) and w[i + 1].isdigit():
                tail = len(w) - (i + 2)
                if tail == 0 or (tail == 2 and w[i + 2] in ("van", "of", "/") and w[i + 3].isdigit()): return True
        return False
    def toc(s):
        return s.split()[-1].isdigit() and ("...." in s or "…" in s or ". . ." in s)
    shapes = collections.Counter(shape(l.strip()) for l in lines
                                 if 0 < len(l.strip()) <= 120 and re.search(r"\d", l))
    def chrome(l):
        s = l.strip()
        if not s or len(s) > 120: return False
        return page_number(s) or toc(s) or (bool(re.search(r"\d", s)) and shapes[shape(s)] >= 3)
    bullet = re.compile(r"^([-•*–]|\d{1,2}[.)]|[a-z][)])\s+")
    block = []
    def flush():
        text = ""
        for line in block:
            piece = collapse(line)
            if not piece: continue
            if text and re.search(r"[^\W\d_]-$", text) and piece[0].islower():
                text = text[:-1] + piece
            else:
                text = (text + " " + piece) if text else piece
        if text: passages.append(text)
        block.clear()
    for l in lines:
        if chrome(l): continue
        if not l.strip():
            flush(); continue
        cells = [c for c in re.split(r"\t+|\s*\|\s*", l.strip()) if c.strip()]
        if ("\t" in l.strip() or "|" in l) and len(cells) >= 2:
            flush(); passages.append(" | ".join(collapse(c) for c in cells)); continue
        m = bullet.match(l.strip())
        if m:
            flush()
            l = l.strip()[m.end():]  # the tool keeps a list item's text, not its marker
        block.append(l)
    flush()
sys.stdout.write("\n\n".join(passages) + "\n")
PY
    fi
done

# 2. Frog, once over the whole folder (its start-up takes a second or two).
# Skipped: multi-word units (m: they join tokens with "_"), NER (n), parser (p),
# chunker (c), morphological analyser (a: the lemma comes from the lemmatiser).
words=$(cat "$work"/in/*.txt | wc -w)
echo "$(frog -V 2>&1 | sed -n 1p) $(frog -V 2>&1 | sed -n 's/^based on //p'); input: $input; ${#files[@]} files, $words words"
start=$(date +%s.%N)
(cd "$work" && frog -c "$config" --skip=mnpca --threads="${FROG_THREADS:-1}" \
    --testdir=in --outputdir=out > frog.log 2>&1) || { tail -20 "$work/frog.log" >&2; exit 1; }
end=$(date +%s.%N)
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'frog: {s:.1f} s, {int(sys.argv[3])/s:.0f} words/s')" "$start" "$end" "$words"

# 3. Normalise: token, lemma, full CGN tag; a blank line between sentences.
manifest="$out/MANIFEST.tsv"
[ -f "$manifest" ] || printf 'name\tsource\tinput\ttokens\tsentences\ttext_sha256\tfrog\n' > "$manifest"
frogversion=$(frog -V 2>&1 | sed -n 1p | awk '{print $1"-"$2}')
for name in "${!source_of[@]}"; do
    src=$(realpath -m "${source_of[$name]}")
    case "$src" in
        "$shared"/*) rel=shared/${src#"$shared"/} ;;
        "$repo"/*) rel=${src#"$repo"/} ;;
        *) rel=$src ;;
    esac
    sha=$(sha256sum "$work/in/$name.txt" | cut -d' ' -f1)
    python3 - "$work/out/$name.txt.out" "$out/$name.frog.tsv" "$manifest" "$name" "$rel" "$input" "$sha" "$frogversion" <<'PY'
import sys
src, dst, manifest, name, rel, mode, sha, version = sys.argv[1:]
sentences, current = [], []
for line in open(src, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip():
        if current: sentences.append(current); current = []
        continue
    cols = line.split("\t")
    # Frog's columns: index, token, lemma, morphology, tag, confidence, ner, chunk, head, relation
    current.append((cols[1], cols[2], cols[4]))
if current: sentences.append(current)
with open(dst, "w", encoding="utf-8") as out:
    out.write("\n\n".join("\n".join("\t".join(t) for t in s) for s in sentences) + "\n")
rows = [l.rstrip("\n") for l in open(manifest, encoding="utf-8")]
rows = [r for r in rows if r.split("\t")[0] != name]
rows.append("\t".join([name, rel, mode, str(sum(map(len, sentences))), str(len(sentences)), sha, version]))
rows = rows[:1] + sorted(rows[1:])
open(manifest, "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY
done
echo "wrote ${#files[@]} fixture(s) to $out; all fixtures there: $(du -ch "$out"/*.frog.tsv | tail -1 | cut -f1)"
