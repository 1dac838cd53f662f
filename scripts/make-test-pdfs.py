#!/usr/bin/env python3
"""Makes the PDF test fixtures in Tests/Fixtures/pdf/ (committed, so the
tests need no Python) and, on request, the 200-page benchmark PDF.

    python3 scripts/make-test-pdfs.py                 # rewrite Tests/Fixtures/pdf/
    python3 scripts/make-test-pdfs.py --bench OUT.pdf # a 200-page agenda-like PDF

Needs reportlab (PyPI: pip install reportlab) and Pillow (for the image-only
pages). Output is deterministic: reportlab's invariant mode fixes the dates
and document ids, so rerunning the script gives the same bytes.

What each fixture holds (the tests assert it):
- layout.pdf: 5 pages, a running header and "Pagina N van 5" footer on every
  page, a table of contents on page 1, a word hyphenated across a line break
  and a paragraph that runs from page 2 onto page 3, two columns on page 3,
  a table of three rows on page 4.
- long.pdf: 210 pages, page N holds a heading "Onderdeel N" and a paragraph
  naming its page ("... staat op pagina N."), with a header and footer.
- encrypted.pdf: needs the password "geheim" to open.
- truncated.pdf: the first 60% of layout.pdf's bytes.
- image-only.pdf: two pages, each a picture of a page (a scan): no text.
- mostly-images.pdf: five scanned pages and one page of text.
- not-a-pdf.pdf: a text file with a .pdf name.
- agendas/*.pdf: the twelve bundled agendas (agendas/*.txt, *.xhtml) typeset
  as PDF: headings, paragraphs wrapped to the page, lists, tables, a running
  header and a page number on every page.
"""
import html.parser
import io
import os
import random
import re
import sys

from reportlab import rl_config
rl_config.invariant = 1
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit, ImageReader
from reportlab.pdfgen import canvas
from reportlab.lib.pdfencrypt import StandardEncryption

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "pdf")
WIDTH, HEIGHT = A4
LEFT, RIGHT = 60, WIDTH - 60
TOP, BOTTOM = HEIGHT - 80, 80
FONT, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, LEADING = 10, 13


class Writer:
    """Typesets blocks on A4 pages with a running header and footer."""

    def __init__(self, path, header, encrypt=None, pages_total=None):
        self.c = canvas.Canvas(path, pagesize=A4, encrypt=encrypt, pageCompression=1)
        self.header = header
        self.page = 0
        self.pages_total = pages_total
        self.new_page()

    def chrome(self):
        c = self.c
        c.setFont(FONT, 8)
        c.drawString(LEFT, HEIGHT - 45, self.header)
        footer = f"Pagina {self.page}" + (f" van {self.pages_total}" if self.pages_total else "")
        c.drawRightString(RIGHT, 40, footer)

    def new_page(self):
        if self.page > 0:
            self.c.showPage()
        self.page += 1
        self.chrome()
        self.y = TOP

    def line(self, text, x=LEFT, font=FONT, size=SIZE):
        if self.y < BOTTOM:
            self.new_page()
        self.c.setFont(font, size)
        self.c.drawString(x, self.y, text)
        self.y -= LEADING if size <= SIZE else size + 5

    def gap(self):
        self.y -= LEADING

    def paragraph(self, text, indent=0, bullet=None, font=FONT, size=SIZE, lines=None):
        width = RIGHT - LEFT - indent
        lines = lines or simpleSplit(text, font, size, width)
        for index, piece in enumerate(lines):
            if bullet and index == 0:
                if self.y < BOTTOM:
                    self.new_page()
                self.c.setFont(font, size)
                self.c.drawString(LEFT + indent - 12, self.y, bullet)
            self.line(piece, LEFT + indent, font, size)
        self.gap()

    def heading(self, text, level):
        if self.y < BOTTOM + 3 * LEADING:
            self.new_page()
        size = {1: 15, 2: 12}.get(level, 11)
        self.line(text, LEFT, BOLD, size)
        self.gap()

    def table(self, rows):
        columns = max(len(r) for r in rows)
        width = (RIGHT - LEFT) / columns
        for row in rows:
            cells = [simpleSplit(cell, FONT, SIZE - 1, width - 12) for cell in row]
            height = max(len(c) for c in cells) or 1
            if self.y - height * LEADING < BOTTOM:
                self.new_page()
            for column, cell in enumerate(cells):
                for index, piece in enumerate(cell):
                    self.c.setFont(FONT, SIZE - 1)
                    self.c.drawString(LEFT + column * width, self.y - index * LEADING, piece)
            self.y -= height * LEADING + 6
        self.gap()

    def save(self):
        self.c.showPage()
        self.c.save()


# ---------------------------------------------------------------- layout.pdf

def layout(path):
    w = Writer(path, "Werkagenda banenafspraak Voorbeeldsector 2025", pages_total=5)
    w.c.setTitle("Werkagenda Voorbeeldsector")
    # Page 1: title, table of contents, introduction.
    w.heading("Werkagenda Voorbeeldsector 2025", 1)
    w.line("Inhoud", font=BOLD)
    for entry, page in [("1. Inleiding", 2), ("2. Aanpak in twee sporen", 3), ("3. Doelen en planning", 4),
                        ("4. Ondertekening", 5)]:
        w.line(f"{entry} " + "." * 60 + f" {page}")
    w.gap()
    w.paragraph("De sector telt veertig organisaties met samen twaalfduizend medewerkers. Deze werkagenda "
                "beschrijft hoe wij meer mensen uit de doelgroep van de banenafspraak een plek geven.")
    w.new_page()
    # Page 2: hyphenation across a hard line break; a paragraph that runs onto page 3.
    w.heading("1. Inleiding", 1)
    w.paragraph("", lines=[
        "In 2025 benaderen wij ten minste twintig werkge-",
        "vers persoonlijk om samen banen te creëren voor",
        "mensen met een arbeidsbeperking.",
    ])
    w.y = BOTTOM + 2 * LEADING
    w.paragraph("", lines=[
        "Het werkgeversservicepunt in de regio bemiddelt tussen",
        "kandidaten en onze organisaties; deze alinea begint op",
        "pagina twee en loopt door op de volgende",
        "pagina, zodat wij de lijnen kort houden.",
    ])
    # Page 3 (the paragraph above ended at its top): two columns.
    w.heading("2. Aanpak in twee sporen", 1)
    top = w.y
    left = ["Het linker spoor: wij stellen een ambassadeur",
            "aan die in elke organisatie het gesprek over",
            "inclusief werkgeverschap voert en goede",
            "voorbeelden verzamelt."]
    right = ["Het rechter spoor: wij kopen sociaal in en",
             "nemen social return op in elke aanbesteding",
             "boven de Europese drempel, zodat leveranciers",
             "mensen uit de doelgroep in dienst nemen."]
    middle = LEFT + (RIGHT - LEFT) / 2 + 10
    w.c.setFont(FONT, SIZE)
    for index, (a, b) in enumerate(zip(left, right)):
        w.c.drawString(LEFT, top - index * LEADING, a)
        w.c.drawString(middle, top - index * LEADING, b)
    w.new_page()
    # Page 4: a table.
    w.heading("3. Doelen en planning", 1)
    w.table([
        ["Activiteit", "Doel 2025", "Eigenaar"],
        ["Proefplaatsingen bij teams", "15 plaatsingen", "HR-afdeling"],
        ["Training van werkbegeleiders", "40 begeleiders", "Opleidingscentrum"],
        ["Meet-and-greets met kandidaten", "4 bijeenkomsten", "Programmaleider"],
    ])
    w.new_page()
    # Page 5: signature.
    w.heading("4. Ondertekening", 1)
    w.paragraph("Deze werkagenda is vastgesteld door het bestuur van de sectorraad en ondertekend door de voorzitter.")
    w.save()


# ---------------------------------------------------------------- long.pdf

NUMBERS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]


def long_pdf(path, pages=210):
    w = Writer(path, "Jaarverslag banenafspraak Voorbeeldsector", pages_total=pages)
    for page in range(1, pages + 1):
        if page > 1:
            w.new_page()
        w.heading(f"Onderdeel {page}", 2)
        w.paragraph(f"Dit onderdeel beschrijft de voortgang van team {page}. De tekst van dit onderdeel "
                    f"staat op pagina {page}.")
    w.save()


# ---------------------------------------------------------------- bench.pdf

def bench_pdf(path, pages=200):
    """About 3,000 characters of agenda text per page, sentences from agendas/*.txt in a fixed order."""
    sentences = []
    for name in sorted(os.listdir(os.path.join(ROOT, "agendas"))):
        if name.endswith(".txt"):
            text = open(os.path.join(ROOT, "agendas", name), encoding="utf-8").read()
            sentences += [s.strip() for s in re.split(r"(?<=[.;])\s+", text.replace("\n", " ")) if len(s.strip()) > 40]
    rng = random.Random(12)
    w = Writer(path, "Werkagenda banenafspraak Benchmarksector")
    for page in range(1, pages + 1):
        if page > 1:
            w.new_page()
        w.heading(f"{page}. Onderdeel {page}", 2)
        while w.y > BOTTOM + 6 * LEADING:
            w.paragraph(" ".join(rng.choice(sentences) for _ in range(3)))
    w.save()


# ---------------------------------------------------------------- broken ones

def encrypted(path):
    w = Writer(path, "Vertrouwelijk", encrypt=StandardEncryption("geheim", ownerPassword="eigenaar"))
    w.paragraph("Deze werkagenda is met een wachtwoord beveiligd.")
    w.save()


def scan_image(seed):
    """A grey page with dark blocks where lines of text would be: a scan without a text layer."""
    from PIL import Image, ImageDraw
    rng = random.Random(seed)
    image = Image.new("L", (200, 283), 235)
    draw = ImageDraw.Draw(image)
    y = 20
    while y < 260:
        draw.rectangle([20, y, 20 + rng.randint(100, 160), y + 4], fill=40)
        y += 10
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def scanned(path, scans, text_pages):
    c = canvas.Canvas(path, pagesize=A4, pageCompression=1)
    for page in range(scans):
        c.drawImage(scan_image(page), 0, 0, WIDTH, HEIGHT)
        c.showPage()
    for page in range(text_pages):
        c.setFont(FONT, SIZE)
        c.drawString(LEFT, TOP, "Bijlage: de gescande pagina's hiervoor bevatten de werkagenda.")
        c.showPage()
    c.save()


# ---------------------------------------------------------------- the bundled agendas

class XHTMLBlocks(html.parser.HTMLParser):
    """Headings, paragraphs, list items and table rows of an agenda's XHTML body."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # (kind, text or cells, level)
        self.text = None
        self.kind = None
        self.row = None
        self.cell = None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "script", "style", "nav"):
            self.skip += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.kind, self.text, self.level = "heading", [], int(tag[1])
        elif tag in ("p", "li") and self.row is None:
            self.kind, self.text, self.level = ("item" if tag == "li" else "paragraph"), [], 0
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("head", "script", "style", "nav"):
            self.skip -= 1
        elif (re.fullmatch(r"h[1-6]", tag) or tag in ("p", "li")) and self.text is not None and self.row is None:
            text = " ".join("".join(self.text).split())
            if text:
                self.blocks.append((self.kind, text, self.level))
            self.text = None
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(self.row):
                self.blocks.append(("row", self.row, 0))
            self.row = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.text is not None:
            self.text.append(data)


def text_blocks(text):
    """Blocks of a plain-text agenda: blank lines separate them; '- ' starts a list item."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [l.strip() for l in chunk.strip().split("\n") if l.strip()]
        if not lines:
            continue
        if all(re.match(r"^[-•*] ", l) for l in lines):
            blocks += [("item", l[2:].strip(), 0) for l in lines]
        elif len(lines) == 1 and len(lines[0]) < 80 and not re.search(r"[.:;,]$", lines[0]):
            blocks.append(("heading", lines[0], 1 if not re.match(r"^\d+\.\d", lines[0]) else 2))
        else:
            blocks.append(("paragraph", " ".join(lines), 0))
    return blocks


def agenda(source, path):
    data = open(source, encoding="utf-8").read()
    if source.endswith(".txt"):
        blocks = text_blocks(data)
    else:
        parser = XHTMLBlocks()
        parser.feed(data)
        blocks = parser.blocks
    name = os.path.splitext(os.path.basename(source))[0]
    w = Writer(path, f"Werkagenda banenafspraak - {name}")
    table = []
    for kind, text, level in blocks + [("end", "", 0)]:
        if kind != "row" and table:
            w.table(table)
            table = []
        if kind == "heading":
            w.heading(text, level)
        elif kind == "paragraph":
            w.paragraph(text)
        elif kind == "item":
            w.paragraph(text, indent=14, bullet="-")
        elif kind == "row":
            table.append(text)
    w.save()


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--bench":
        bench_pdf(sys.argv[2])
        return
    os.makedirs(os.path.join(OUT, "agendas"), exist_ok=True)
    layout(os.path.join(OUT, "layout.pdf"))
    long_pdf(os.path.join(OUT, "long.pdf"))
    encrypted(os.path.join(OUT, "encrypted.pdf"))
    data = open(os.path.join(OUT, "layout.pdf"), "rb").read()
    open(os.path.join(OUT, "truncated.pdf"), "wb").write(data[: len(data) * 6 // 10])
    scanned(os.path.join(OUT, "image-only.pdf"), 2, 0)
    scanned(os.path.join(OUT, "mostly-images.pdf"), 5, 1)
    open(os.path.join(OUT, "not-a-pdf.pdf"), "w").write("Dit is geen PDF maar gewone tekst.\n")
    sources = os.path.join(ROOT, "agendas")
    for name in sorted(os.listdir(sources)):
        if name.endswith((".txt", ".xhtml")) and name != "README.md":
            agenda(os.path.join(sources, name), os.path.join(OUT, "agendas", os.path.splitext(name)[0] + ".pdf"))


if __name__ == "__main__":
    main()
