* Opens the fixtures with PSPP, an independent reader: labels, user-missing values, frequencies.
* Run from the repository root: pspp -O box=ascii Fixtures/spss/pspp-check.sps
* Expected: q3 « Ne sait pas » (9) 9 cases and q8 « Pas de réponse » ("99") 58 cases under Missing;
* importance_01 3 system-missing (.) and 69 « Ne sait pas » (99) apart; alliances 249 « Ne sait pas ».
GET FILE='Fixtures/spss/maires-2016.sav'.
DISPLAY DICTIONARY /VARIABLES=Région q3 q8 q1_citoyens taille ID_REPONDANT.
FREQUENCIES VARIABLES=Région q3 q8.
GET FILE='Fixtures/spss/maires-2016.zsav'.
FREQUENCIES VARIABLES=q3.
GET FILE='Fixtures/spss/citoyens-2015.sav'.
DISPLAY DICTIONARY /VARIABLES=age importance_01 priorite_01 alliances.
FREQUENCIES VARIABLES=importance_01 alliances.
