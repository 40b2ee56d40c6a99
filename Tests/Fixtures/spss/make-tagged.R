# Writes tagged-missing.dta: four cases of a Stata wave whose q3 holds 1, 2, .a (not labelled)
# and .b (labelled « Refus »), for StatFileReaderTests. Written by R haven, not by phare.
# Run from this folder: Rscript make-tagged.R
suppressMessages(library(haven))
q3 <- labelled(c(1, 2, tagged_na("a"), tagged_na("b")), c("Oui" = 1, "Non" = 2, "Refus" = tagged_na("b")))
wave <- data.frame(id = c("T1", "T2", "T3", "T4"))
wave$q3 <- q3
write_dta(wave, "tagged-missing.dta", version = 14)
