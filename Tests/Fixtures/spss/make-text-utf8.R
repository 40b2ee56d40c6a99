# Writes text-utf8-12.dta: 20 cases of a Stata 12 file (release 115, whose text Stata takes as
# Windows-1252) where R haven writes its accented text answers in UTF-8 and its value labels are
# ASCII, for StatFileWaveTests. Written by R haven, not by phare.
# Run from this folder: Rscript make-text-utf8.R
suppressMessages(library(haven))
wave <- data.frame(id = sprintf("E%02d", 1:20), commune = rep(c("Saint-Étienne", "Besançon"), 10))
wave$q1 <- labelled(rep(1:2, 10), c(Oui = 1, Non = 2))
write_dta(wave, "text-utf8-12.dta", version = 12)
