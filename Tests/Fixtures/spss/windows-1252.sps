* Writes windows-1252.sav, an SPSS file whose text is Windows-1252 (PSPP declares it in the file).
* Run from this folder: pspp windows-1252.sps (PSPP 1.6.2 wrote the committed file).
SET LOCALE='windows-1252'.
DATA LIST LIST /id (A6) region (F2.0) commune (A20).
BEGIN DATA
M1 11 "Île-de-France"
M2 94 "Sète"
END DATA.
VALUE LABELS region 11 'Île-de-France' 94 'Corse'.
SAVE OUTFILE='windows-1252.sav'.
