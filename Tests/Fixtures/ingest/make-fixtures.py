#!/usr/bin/env python3
"""Writes the ingest test fixtures byte for byte: one file per dialect and per bad input.

Run from this folder: python3 make-fixtures.py. The files are committed; this script is
how they were made, so their exact bytes can be reviewed and reproduced.
"""

def write(name, data):
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
write("malformed-header.csv", utf8("id,\"a\"b,c\n1,2,3\n"))
