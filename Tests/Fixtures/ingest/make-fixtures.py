#!/usr/bin/env python3
"""Writes the ingest test fixtures byte for byte: one file per dialect and per bad input.

Run from this folder: python3 make-fixtures.py. The files are committed; this script is
how they were made, so their exact bytes can be reviewed and reproduced.
"""

import os


def write(name, data):
    if os.path.dirname(name):
        os.makedirs(os.path.dirname(name), exist_ok=True)
    with open(name, "wb") as f:
        f.write(data)

def utf8(text):
    return text.encode("utf-8")

# Dialects -------------------------------------------------------------------------------
write("comma-lf.csv", utf8(
    "id,region,sexe,q1,commentaire\n"
    "1,84,F,7,Très bien\n"
    "2,11,H,,\"Accès au numérique, mobilité\"\n"
    "3,84,F,10,\"Il a dit \"\"non\"\"\"\n"
    "4,27,H,3,\n"))

write("semicolon-crlf-bom.csv", b"\xef\xbb\xbf" + utf8(
    "id;région;score;poids;réponse\r\n"
    "1;Île-de-France;7,5;1,25;Oui, tout à fait\r\n"
    "2;Grand Est;8;0,75;Plutôt non\r\n"
    "3;Île-de-France;6,5;1;Oui, tout à fait\r\n"
    "4;Bretagne;;2;L’emploi « d’abord »\r\n"))

write("tab-cr.tsv", utf8(
    "id\tnom\tnote\r"
    "1\t  Jean  \t5\r"
    "2\tMarie Claire\t\r"
    "3\t \t8\r"))

write("windows1252.csv", (
    "id;libellé;avis\r\n"
    "1;Éducation;L’œuvre « très » utile\r\n"
    "2;Santé;Coût 5 €\r\n"
    "3;Éducation;\r\n").encode("cp1252"))

# A UTF-8 export with two rows appended by a Windows-1252 tool (physical lines 5 and 7; the
# quoted comment of line 3 spans two lines).
write("utf8-with-windows1252-lines.csv",
    utf8("id;commune;avis;commentaire\n"
         "1;Évry;Très satisfait;Accès rapide\n"
         "2;Sète;Peu satisfait;\"Trop d’attente,\nencore\"\n")
    + "3;Béthune;Très satisfait;RAS\n".encode("cp1252")
    + utf8("4;Orléans;Peu satisfait;Ça dépend\n")
    + "5;Saint-Étienne;Très satisfait;L’œuvre « utile »\n".encode("cp1252")
    + utf8("6;Vannes;Très satisfait;\n"))

write("quoted-fields.csv", utf8(
    "id,texte,n\r\n"
    "1,\"un, deux\",1\r\n"
    "2,\"ligne 1\nligne 2\",2\r\n"
    "3,\"a\r\nb\r\nc\",3\r\n"
    "4,\"il dit \"\"oui\"\"\",4\r\n"
    "5,trop,de,champs\r\n"
    "6,\"\",6\r\n"))

write("no-final-newline.csv", utf8("id,a\n1,x\n2,y"))

write("mixed-types.csv", utf8(
    "code,insee,q,note\n"
    "1,01001,1,4\n"
    "2,01002,2,5\n"
    "3,2A004,NSP,6\n"
    "4,75056,1,x,extra\n"
    "5,13055,2,7\n"
    "6,33063,1,8\n"
    "7,69123,NSP,9\n"
    "8,59350,1,10\n"))

# Bad rows -------------------------------------------------------------------------------
write("bad-rows.csv", utf8(
    "id,a,b\n"          # 1
    "1,x,10\n"          # 2
    "2,y\n"             # 3 too few fields
    "3,x,11\n"          # 4
    "\n"                # 5 blank
    "4,\"z\"w,12\n"     # 6 text after a closing quote
    "5,y,13\n"          # 7
    "6,x\"q,14\n"       # 8 quote inside an unquoted field
    "7,x,15,16\n"       # 9 too many fields
    "8,y,17\n"))        # 10

write("unterminated-quote.csv", utf8(
    "id,a\n"
    "1,x\n"
    "2,\"never closed\n"
    "3,y\n"))

# Bad files ------------------------------------------------------------------------------
write("empty.csv", b"")
write("header-only.csv", utf8("id,a,b\n"))
write("duplicate-header.csv", utf8("id,q1,q1,q2,q2\n1,2,3,4,5\n"))
write("empty-header-name.csv", utf8("id,,q2\n1,2,3\n"))
write("binary.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00b\xee\x9dh^\x01\x00\x00\x90\x04\x00\x00\x13\x00")
write("utf16.csv", b"\xff\xfe" + "id,a\r\n1,x\r\n".encode("utf-16-le"))
write("utf16-odd-length.txt", b"\xff\xfe" + "id\ta\r\n1\tx".encode("utf-16-le") + b"\r")
write("utf32.txt", b"\xff\xfe\x00\x00" + "id,a\n1,x\n".encode("utf-32-le"))
write("malformed-header.csv", utf8("id,\"a\"b,c\n1,2,3\n"))

# Separator from evidence ----------------------------------------------------------------
# A `;` export whose quoted header names hold commas (more commas than semicolons on line 1).
write("semicolon-quoted-commas.csv", utf8(
    "\"Q1. Selon vous, la mairie écoute-t-elle ?\";\"Q2. Note, de 0 à 10\";\"Q3. Commune (code, nom)\"\r\n"
    "1;7,5;\"75056, Paris\"\r\n"
    "2;8;\"13055, Marseille\"\r\n"
    "9;6,5;\"69123, Lyon\"\r\n"))

# Excel's first line `sep=;`; line 5 has a field too few, so physical line numbers show.
write("excel-sep-line.csv", utf8(
    "sep=;\r\n"
    "id;avis, en clair;note\r\n"
    "1;Oui, tout à fait;7,5\r\n"
    "2;Non;4\r\n"
    "3;Plutôt oui\r\n"
    "4;Oui, plutôt;6\r\n"))

# Excel's trailing separators: four unnamed columns, all empty.
write("trailing-empty-columns.csv", utf8(
    "id;q1;q2;;;;\r\n"
    "1;2;Oui;;;;\r\n"
    "2;1;Non;;;;\r\n"
    "3;;Oui;;;;\r\n"))

# An unnamed trailing column that holds a value is refused, not dropped.
write("trailing-filled-column.csv", utf8(
    "id;q1;;\n"
    "1;2;;\n"
    "2;1;;x\n"))

# Thirty unnamed columns in mid-header: the error lists ten positions.
write("many-empty-names.csv", utf8("id" + "," * 31 + "q\n" + "1" + ",0" * 31 + "\n"))

# Comma and semicolon split every line into two fields alike.
write("ambiguous-separator.csv", utf8(
    "code;libellé,court\n"
    "1;Nord,N\n"
    "2;Sud,S\n"
    "3;Est,E\n"))

# Pipe-separated, with a comma inside a text answer.
write("pipe.txt", utf8(
    "id|commune|note\n"
    "1|Saint-Denis, La Réunion|8\n"
    "2|Brest|6\n"))

# UTF-16 -------------------------------------------------------------------------------------
# Excel's "Unicode text": UTF-16 LE with BOM, tab-separated, CRLF; line 4 has a field too many.
unicode_text = (
    "id\trégion\tavis\tnote\r\n"
    "1\tÎle-de-France\tL’accueil « très bien »\t8\r\n"
    "2\tGrand Est\t\"Oui\tsans doute\"\t6\r\n"
    "3\tBretagne\tNon\t5\textra\r\n"
    "4\tCorse\t\t9\r\n")
write("unicode-text-le-bom.txt", b"\xff\xfe" + unicode_text.encode("utf-16-le"))
write("unicode-text-le.txt", unicode_text.encode("utf-16-le"))
write("unicode-text-be-bom.txt", b"\xfe\xff" + unicode_text.encode("utf-16-be"))

# header-commas-semicolon (mholt/PapaParse#600): a `;` wave whose unquoted header names hold
# five commas against four semicolons, with the spec, codebook and margins to estimate it.
case = "header-commas-semicolon/"
write(case + "spec.yml", utf8(
    "survey: headercommas\n"
    "title: Base\n"
    "actor: citoyens\n"
    "inputs:\n"
    "  folder: data\n"
    "  files: \"wave-*.csv\"\n"
    "  wave:\n"
    "    file_name: \"wave-(\\\\d{4})\"\n"
    "codebook: codebook.yml\n"
    "populations: pop.csv\n"
    "weight:\n"
    "  method: raking\n"
    "  margins: [region, sexe]\n"
    "estimate:\n"
    "  variables: [q1, note]\n"
    "  breakdowns: [region]\n"
    "  interval: logit\n"
    "  level: 0.95\n"
    "  min_base: {flag: 1, suppress: 0}\n"))
write(case + "codebook.yml", utf8(
    "variables:\n"
    "  id:\n"
    "    type: identifier\n"
    "    label: Identifiant\n"
    "  region:\n"
    "    type: single\n"
    "    label: Région\n"
    "    source: [\"Région (code INSEE, 2 chiffres)\"]\n"
    "    required: true\n"
    "    values: {11: Nord, 22: Sud, 33: Est}\n"
    "  sexe:\n"
    "    type: single\n"
    "    label: Sexe\n"
    "    source: [\"Sexe (1 = homme, 2 = femme)\"]\n"
    "    required: true\n"
    "    values: {1: Homme, 2: Femme}\n"
    "  q1:\n"
    "    type: single\n"
    "    label: Satisfait\n"
    "    source: [\"Satisfait (1 oui, 2 non, 9 NSP)\"]\n"
    "    values: {1: Oui, 2: Non}\n"
    "    missing: {9: Ne sait pas}\n"
    "  note:\n"
    "    type: numeric\n"
    "    label: Note\n"
    "    source: [\"Note (0 à 10, décimale possible)\"]\n"
    "    range: [0, 10]\n"))
write(case + "pop.csv", utf8(
    "variable,category,total\n"
    "region,11,500\n"
    "region,22,300\n"
    "region,33,200\n"
    "sexe,1,480\n"
    "sexe,2,520\n"))
answers = [  # region, sexe, q1, note
    (11, 1, 1, "8,25"), (22, 1, 1, "4,5"), (33, 1, 9, "5"), (11, 2, 1, "7,5"), (22, 2, 1, "7,5"),
    (33, 2, 9, "9"), (11, 1, 2, "7"), (22, 1, 1, "6"), (33, 1, 2, "8,25"), (11, 2, 1, "7"),
    (22, 2, 1, "8,25"), (33, 2, 1, "7,5"), (11, 1, 2, "7"), (22, 1, 2, "6"), (33, 1, 1, "8,25"),
    (11, 2, 2, "4,5"), (22, 2, 2, "7,5"), (33, 2, 2, "4,5"), (11, 1, 9, "9"), (22, 1, 1, "6"),
    (33, 1, 1, "5"), (11, 2, 2, "7,5"), (22, 2, 2, "7,5"), (33, 2, 2, "9")]
write(case + "data/wave-2020.csv", utf8(
    "id;Région (code INSEE, 2 chiffres);Sexe (1 = homme, 2 = femme);Satisfait (1 oui, 2 non, 9 NSP);"
    "Note (0 à 10, décimale possible)\r\n"
    + "".join(f"R{n:03d};{r};{s};{q};{note}\r\n" for n, (r, s, q, note) in enumerate(answers, 1))))
