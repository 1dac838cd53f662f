#!/usr/bin/env python3
"""Deterministic generator of agenda-like Dutch text for the benchmark.

generate.py OUT_DIR MEGABYTES: writes files of about 200 KB each (plain text
and some XHTML) until the total reaches MEGABYTES. The same arguments give
the same bytes. Sentences mix action-type vocabulary, numbers with Dutch
separators, dates, diacritics, negations and ordinary filler.
"""
import os
import random
import sys

SUBJECTS = ["De gemeente", "Het waterschap", "De provincie", "Het ministerie", "De hogeschool", "Het umc", "Defensie",
            "De politie", "Het schoolbestuur", "De universiteit", "Het onderzoeksinstituut", "De mbo-instelling"]
ACTIONS = [
    "werft kandidaten via het werkgeversservicepunt in de regio",
    "organiseert in {year} ten minste {n} meet-and-greets voor leidinggevenden en kandidaten",
    "traint {word} werkplekbegeleiders en interne jobcoaches",
    "deelt goede voorbeelden in een nieuwsbrief en op het intranet",
    "past job carving toe om taken af te splitsen tot nieuwe functies",
    "neemt social return op in aanbestedingen voor schoonmaak en catering",
    "werkt samen met het sw-bedrijf, dat de begeleiding uit handen neemt",
    "biedt proefplaatsingen en werkervaringsplekken aan mensen uit het doelgroepregister",
    "heeft geen centraal budget voor de banenafspraak",
    "start een talentprogramma voor hoogopgeleiden met een arbeidsbeperking",
    "zet ambassadeurs in die collega's persoonlijk aanspreken",
    "brengt de banenafspraak op de agenda van het bestuur",
    "stort {pct} procent van de loonsom in een centraal fonds",
]
FILLER = ["Dit sluit aan bij het Bestuursakkoord van 11 april 2019.", "De coördinator banenafspraak is geïnformeerd.",
          "In {year} waren {big} medewerkers in dienst.", "Werkagenda’s worden elke twee jaar vernieuwd.",
          "Het overleg vindt plaats in het eerste kwartaal.", "Eind {year} is de realisatie {pct2}% van de taakstelling.",
          "Knelpunten zijn onduidelijk; daarom evalueren we de aanpak uiterlijk {day} juni {year}."]
# Background prose as agendas have much of: context, history, process.
PROSE = ["De sector telt een grote verscheidenheid aan organisaties, van klein tot zeer groot.",
         "Deze agenda is opgesteld in overleg met de medezeggenschap en de vakbonden.",
         "De arbeidsmarkt is krap en de vraag naar personeel blijft de komende jaren groot.",
         "Veel organisaties hebben de afgelopen periode te maken gehad met reorganisaties.",
         "De afspraken in deze agenda gelden voor alle aangesloten organisaties.",
         "Het kabinet heeft de ambitie uitgesproken om de arbeidsmarkt inclusiever te maken.",
         "Wij danken iedereen die heeft bijgedragen aan de totstandkoming van deze agenda.",
         "De resultaten verschillen sterk per regio en per type organisatie.",
         "In de bijlage is een overzicht opgenomen van de deelnemende organisaties.",
         "De komende periode staat in het teken van borging en verdere verankering.",
         "Niet alle organisaties zijn even ver; sommige beginnen pas, andere lopen voorop.",
         "Ook de ondersteuning vanuit de centrale organisatie wordt tegen het licht gehouden.",
         "Het thema staat regelmatig op de agenda van het periodiek overleg.",
         "De ervaringen van medewerkers zelf zijn daarbij een belangrijke bron.",
         "Over de precieze invulling worden in de loop van het jaar nadere afspraken gemaakt."]
WORDS = ["twee", "drie", "vier", "twaalf", "twintig", "vijftig", "honderd"]


def sentence(rng):
    # The mix gives about the evidence density of the twelve bundled agendas
    # (evidence items per 1000 characters; see Benchmarks/README in the main README).
    roll = rng.random()
    if roll < 0.2:
        text = rng.choice(SUBJECTS) + " " + rng.choice(ACTIONS) + "."
    elif roll < 0.4:
        text = rng.choice(FILLER)
    else:
        text = rng.choice(PROSE)
    return text.format(year=rng.randint(2019, 2027), n=rng.randint(2, 40), word=rng.choice(WORDS),
                       pct=f"{rng.randint(1, 5)},{rng.randint(0, 99):02d}", big=f"{rng.randint(1, 9)}.{rng.randint(100, 999)}",
                       pct2=rng.randint(50, 99), day=rng.randint(1, 28))


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def text_file(rng, size):
    parts, total, section = [], 0, 1
    while total < size:
        if rng.random() < 0.1:
            block = f"{section}. Activiteiten deel {section}"
            section += 1
        elif rng.random() < 0.3:
            block = "- " + paragraph(rng)
        else:
            block = paragraph(rng)
        parts.append(block)
        total += len(block.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def xhtml_file(rng, size):
    body, total = [], 0
    while total < size:
        roll = rng.random()
        if roll < 0.1:
            block = f"<h2>Aanpak {rng.randint(1, 99)}</h2>"
        elif roll < 0.3:
            block = "<ul>" + "".join(f"<li>{paragraph(rng)}</li>" for _ in range(3)) + "</ul>"
        elif roll < 0.35:
            block = "<table><tr><th>Jaar</th><th>Doel</th><th>Realisatie</th></tr>" + "".join(
                f"<tr><td>{2019 + i}</td><td>{rng.randint(100, 999)}</td><td>{rng.randint(50, 999)}</td></tr>" for i in range(4)) + "</table>"
        else:
            block = f"<p>{paragraph(rng)}</p>"
        body.append(block)
        total += len(block.encode("utf-8"))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Werkagenda</title></head><body>\n'
            + "\n".join(body) + "\n</body></html>\n")


def main():
    out, megabytes = sys.argv[1], float(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261123)
    target, written, index = int(megabytes * 1024 * 1024), 0, 0
    while written < target:
        size = min(200 * 1024, target - written)
        if index % 5 == 4:
            name, content = f"agenda-{index:05d}.xhtml", xhtml_file(rng, size)
        else:
            name, content = f"agenda-{index:05d}.txt", text_file(rng, size)
        data = content.encode("utf-8")
        with open(os.path.join(out, name), "wb") as handle:
            handle.write(data)
        written += len(data)
        index += 1
    print(f"{out}: {index} files, {written / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    main()
