#!/usr/bin/env python3
"""Writes the PHARE-Institutions test export waves/maires-2016.csv: 40 mayors, `;`-separated,
UTF-8 with BOM, CRLF, in the layout of codebook.yml; a dirty wave with one row of every kind the
clean stage rejects and rows that cleaning must normalise (see DIRTY and NORMALISED below; line =
row index + 2). The bundled waves under Fixtures/ come from `phare synth`.
Run from this folder: python3 make-mayors.py
"""
import random

HEADER = ["ID_REPONDANT", "NOM", "TEL", "EMAIL", "COMMUNE", "Région", "URBAIN", "fonction", "taille",
          "q1_citoyens", "q1_associations", "q1_entreprises", "q2_01", "q2_03", "q3", "q4", "q5", "q8",
          "commentaire"]
REGIONS = [11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94]
FIRST = ["Jean", "Marie", "Pierre", "Sophie", "Luc", "Anne", "Paul", "Claire", "Michel", "Isabelle"]
LAST = ["Dupont", "Martin", "Bernard", "Durand", "Lefèvre", "Moreau", "Girard", "Roux", "Fournier", "Mercier"]
TOWNS = ["Saint-Éloi", "Villeneuve", "Montagnac", "Beaulieu", "Roche-sur-Loir", "Fontaine", "Valmont"]

def row(rng, index):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    urbain = 1 if rng.random() < 0.85 else 2
    q4 = rng.choice([1, 2, 3, 3, 4])
    return {
        "ID_REPONDANT": f"M{1000 + index}",
        "NOM": f"{first} {last}",
        "TEL": f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "EMAIL": f"{first.lower()}.{last.lower()}@mairie-exemple.fr",
        "COMMUNE": rng.choice(TOWNS),
        "Région": str(rng.choice(REGIONS)),
        "URBAIN": str(urbain),
        "fonction": str(rng.choice([1, 1, 2])),
        "taille": str(rng.randint(80, 1999) if urbain == 1 else rng.randint(2000, 90000)),
        "q1_citoyens": str(rng.randint(0, 1)),
        "q1_associations": str(rng.randint(0, 1)),
        "q1_entreprises": str(rng.randint(0, 1)),
        "q2_01": str(rng.choice([1, 1, 2, 2, 3, 4])),
        "q2_03": str(rng.choice([1, 2, 2, 3, 4, 9])),
        "q3": str(rng.choice([1, 1, 1, 1, 1, 1, 2, 9])),
        "q4": str(q4),
        "q5": "" if q4 == 4 else str(rng.choice([1, 2, 3, 4, 4, 9])),
        "q8": "|".join(str(c) for c in sorted(rng.sample([1, 2, 3, 4, 5], rng.randint(1, 2)))),
        "commentaire": rng.choice(["", "", "", "Très bonne initiative", "Manque de moyens ; besoin d'aide"]),
    }

NORMALISED = {  # row index: fields that cleaning must read as codes
    1: {"q4": " 1"},
    4: {"q4": "01"},
    5: {"q4": "1.0"},
    6: {"q4": "oui, tout a fait, cela est ancre dans le fonctionnement du territoire"},
    7: {"q4": "Ne sait pas", "q5": ""},
    9: {"q3": "OUI", "q8": "1|3"},
    10: {"q8": "99", "q2_01": "9"},
    11: {"commentaire": "=HYPERLINK(\"http://exemple.fr\")"},
}
DIRTY = {  # row index: (fields, what the clean stage must say)
    3: {"q4": "7", "q5": "1"},            # clean.unknown-code
    8: {"q2_03": "6"},                    # clean.out-of-range
    12: {"Région": ""},                   # clean.required
    20: {"ID_REPONDANT": "M1002"},        # clean.duplicate-id (row 2, line 4)
    25: {"q4": "4", "q5": "2"},           # consistency.q5-filtre
    30: {"q3": "Peut-être"},              # clean.unknown-answer
    35: {"taille": "abc"},                # clean.unknown-answer
}
SHORT_ROW = 15                            # ingest.field-count: the last field is missing

def write(path, seed, normalised, dirty, short_row):
    rng = random.Random(seed)
    lines = [";".join(HEADER)]
    for index in range(40):
        fields = row(rng, index)
        fields.update(normalised.get(index, {}))
        fields.update(dirty.get(index, {}))
        values = [fields[name] for name in HEADER]
        if index == short_row:
            values = values[:-1]
        lines.append(";".join(quote(v) for v in values))
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))

def quote(value):
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ';"\r\n') else value

write("waves/maires-2016.csv", 2016, NORMALISED, DIRTY, SHORT_ROW)
