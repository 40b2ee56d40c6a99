# Writes dictionary-only.sav: the mayors' 2016 SPSS wave (Fixtures/spss/maires-2016.sav) with its
# dictionary and no case, as a fieldwork institute sends before fieldwork, for CodebookDraftTests.
# Written by R haven, not by phare. Run from this folder: Rscript make-dictionary-only.R
suppressMessages(library(haven))
wave <- read_sav("../../../Fixtures/spss/maires-2016.sav", user_na = TRUE)
write_sav(wave[0, ], "dictionary-only.sav")
