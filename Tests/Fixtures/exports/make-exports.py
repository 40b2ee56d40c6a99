#!/usr/bin/env python3
"""Writes one small survey export per kind of real-world export, byte for byte.

Run from this folder: python3 make-exports.py. The files are committed; this script is how
they were made. Every export holds the same 40 invented respondents (ids, answers and
comments are made up), written as a survey platform or French Excel would write them; the
plain one (`plain/`) is the reference read by Tests/Oracle/exports.R. What each kind must give
is asserted in Tests/phareTests/ExportKindTests.swift.
"""

import os
import random
import shutil

random.seed(20200315)

N = 40
COMMENTS = [
    "Très bien desservie", "Accès difficile, surtout l’hiver", "RAS", "",
    "Trop d’attente à la mairie", "Ça dépend des jours", "L’œuvre « utile »", "Bus rare, train cher",
]
rows = []
for i in range(N):
    region = [11, 22, 33][i % 3]
    sexe = 1 + (i * 7 % 5 < 2)
    q1 = random.choice([1, 1, 2, 9]) if i % 11 else 2
    cents = random.randrange(0, 100)
    revenu = random.randrange(800, 6500) + (cents / 100 if i % 4 == 0 else 0)
    prio = [random.random() < p for p in (0.5, 0.35, 0.6)]
    if i % 9 == 4:
        prio = None  # did not answer the set: every item blank
    elif not any(prio):
        prio[0] = True
    rows.append(dict(id=f"R{i + 1:03d}", region=region, sexe=sexe, q1=q1, revenu=revenu,
                     commentaire=COMMENTS[i % len(COMMENTS)], prio=prio))

PLAIN_HEADER = ["id", "region", "sexe", "q1", "revenu", "commentaire", "prio_1", "prio_2", "prio_3"]
LONG_HEADER = [
    "Identifiant répondant", "Région (code INSEE, 2 chiffres)", "Sexe (1 = homme, 2 = femme)",
    "Q1. Selon vous, la commune est-elle bien desservie ?", "Revenu mensuel du foyer (euros, 1 234,50)",
    "Commentaire libre", "prio_1", "prio_2", "prio_3",
]


def number(value, decimal=".", group=""):
    """A number as a spreadsheet writes it: two decimals when it has cents, grouped thousands."""
    text = f"{value:.2f}" if value != int(value) else str(int(value))
    whole, _, cents = text.partition(".")
    if group and len(whole) > 3:
        whole = whole[:-3] + group + whole[-3:]
    return whole + (decimal + cents if cents else "")


def quote(field, sep):
    if any(c in field for c in (sep, '"', "\n", "\r")):
        return '"' + field.replace('"', '""') + '"'
    return field


def record(row, sep=",", decimal=".", group=lambda i: "", items="zeros", ident=None, index=0):
    prio = row["prio"]
    if prio is None:
        marks = ["", "", ""]
    elif items == "zeros":
        marks = ["1" if p else "0" for p in prio]
    else:
        marks = ["1" if p else "" for p in prio]
    fields = [ident or row["id"], str(row["region"]), str(row["sexe"]), str(row["q1"]),
              number(row["revenu"], decimal, group(index)), row["commentaire"]] + marks
    return sep.join(quote(f, sep) for f in fields)


def text(header, sep=",", newline="\n", **options):
    lines = [sep.join(quote(h, sep) for h in header)]
    lines += [record(row, sep=sep, index=i, **options) for i, row in enumerate(rows)]
    return newline.join(lines) + newline


def survey(kind, data, extension="csv", inputs=""):
    """A survey folder: spec.yml (the shared codebook and populations) and data/wave-2020.EXT."""
    folder = os.path.join(kind, "data")
    shutil.rmtree(kind, ignore_errors=True)
    os.makedirs(folder)
    with open(os.path.join(folder, "wave-2020." + extension), "wb") as f:
        f.write(data)
    with open(os.path.join(kind, "spec.yml"), "w", encoding="utf-8") as f:
        f.write(SPEC.format(kind=kind, extension=extension, inputs=inputs))


SPEC = """survey: {kind}
title: Export {kind}
actor: citoyens
inputs:
  folder: data
  files: "wave-*.{extension}"
  wave:
    file_name: "wave-(\\\\d{{4}})"
{inputs}codebook: ../codebook.yml
populations: ../pop.csv
weight:
  method: raking
  margins: [region, sexe]
estimate:
  variables: [q1, revenu, prio]
  breakdowns: [region]
  interval: logit
  level: 0.95
  min_base: {{flag: 5, suppress: 0}}
"""

# The reference: comma, UTF-8, LF, plain numbers, explicit 0 for unticked items.
plain = text(PLAIN_HEADER).encode("utf-8")
survey("plain", plain)

# A platform export: `;`, CRLF, UTF-8 with BOM, question wordings with commas as headers,
# decimal comma, blank for an unticked box.
survey("semicolon-wordings", b"\xef\xbb\xbf" + text(
    LONG_HEADER, sep=";", newline="\r\n", decimal=",", items="blank").encode("utf-8"))

# French Excel "CSV (séparateur : point-virgule)": `sep=;` first line, Windows-1252, CRLF,
# decimal comma, four trailing empty columns on every line.
excel = "sep=;\r\n" + "".join(
    line + ";;;;\r\n" for line in text(LONG_HEADER, sep=";", decimal=",").split("\n") if line)
survey("excel-sep-line", excel.encode("cp1252"))

# Excel "Texte Unicode": UTF-16 LE with BOM, tab-separated, CRLF, decimal comma.
survey("unicode-text-le", b"\xff\xfe" + text(
    LONG_HEADER, sep="\t", newline="\r\n", decimal=",").encode("utf-16-le"), extension="txt")
# The same without BOM, and big-endian with BOM (other tools), decimal point.
survey("unicode-text-le-nobom", text(PLAIN_HEADER, sep="\t").encode("utf-16-le"), extension="txt")
survey("unicode-text-be", b"\xfe\xff" + text(PLAIN_HEADER, sep="\t").encode("utf-16-be"), extension="txt")

# Grouped thousands as French Excel writes them: space, no-break space, narrow no-break space,
# and a dot before the decimal comma, in turn.
groups = [" ", "\u00a0", "\u202f", "."]
survey("grouped-digits", text(
    LONG_HEADER, sep=";", decimal=",", group=lambda i: groups[i % 4]).encode("utf-8"))

# Ids of 19 digits, above 2^53: as doubles, neighbours would collapse into one.
LONG_IDS = [str(9007199254740993 * 1000 + 2 * i + 1) for i in range(N)]
long_ids = "\n".join(
    [",".join(PLAIN_HEADER)] + [record(row, ident=LONG_IDS[i]) for i, row in enumerate(rows)]) + "\n"
survey("long-ids", long_ids.encode("utf-8"))

# A UTF-8 export with two rows appended by a Windows-1252 tool (lines 7 and 16), read with
# `encoding: mixed`; the same file without the option fails the wave.
def mixed_export():
    lines = text(PLAIN_HEADER).split("\n")
    return b"".join(
        (line + "\n").encode("cp1252" if number in (7, 16) else "utf-8")
        for number, line in enumerate(lines, start=1) if line)

survey("mixed-encoding", mixed_export(), inputs="  encoding: mixed\n")
survey("mixed-encoding-refused", mixed_export())

# An export cut mid-row by a copy still in progress: no final line break, a short last record.
survey("truncated", plain[: plain.rindex(b"\n", 0, len(plain) - 1) + 12])

# Two columns for one variable: `region` and its wording both in one header.
collision = "\n".join(
    [",".join(quote(h, ",") for h in PLAIN_HEADER + ["Région (code INSEE, 2 chiffres)"])]
    + [record(row) + "," + str([22, 33, 11][i % 3]) for i, row in enumerate(rows)]) + "\n"
survey("alias-collision", collision.encode("utf-8"))

# Two unknown codes of q1 (7 and 5), kept as missing cells with `invalid_cells: set-missing`.
def bad_codes(kind, clean):
    lines = text(PLAIN_HEADER).split("\n")
    for number, code in ((6, "7"), (23, "5")):
        fields = lines[number - 1].split(",")
        fields[3] = code
        lines[number - 1] = ",".join(fields)
    survey(kind, "\n".join(lines).encode("utf-8"))
    if clean:
        with open(os.path.join(kind, "spec.yml"), "a", encoding="utf-8") as f:
            f.write(clean)

bad_codes("invalid-cells", "clean:\n  invalid_cells: set-missing\n")

# Nobody in region 33 answered q1: the level is still published, with base 0.
empty = "\n".join(
    [",".join(PLAIN_HEADER)]
    + [record(dict(row, q1="") if row["region"] == 33 else row) for row in rows]) + "\n"
survey("empty-level", empty.encode("utf-8"))

# A `;` file whose one ambiguous amount (`2,500`: 2.5 or 2500) cannot be settled by the
# column, since every other amount is a whole number.
whole = [dict(row, revenu=int(row["revenu"])) for row in rows]
lines = [";".join(PLAIN_HEADER)] + [record(row, sep=";") for row in whole]
lines[12] = lines[12].replace(";" + str(whole[11]["revenu"]) + ";", ";2,500;")
survey("ambiguous-number", ("\n".join(lines) + "\n").encode("utf-8"))
