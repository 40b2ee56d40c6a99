# Writes text-then-decimals.sav: 40 cases of an SPSS wave whose string variable `note` holds
# words in its first cases and decimals from case 21 on, beside a labelled numeric q1 with the
# user-missing code 9, for StatFileReaderSplitTests (a file read in two whose halves cannot be
# joined where the first keeps `note` as text). Written by R haven, not by phare.
# Run from this folder: Rscript make-split.R
suppressMessages(library(haven))
n <- 40
note <- ifelse(seq_len(n) <= 5, paste("mot", seq_len(n)), ifelse(seq_len(n) > 20, sprintf("%d.50", seq_len(n) %% 7), ""))
q1 <- labelled_spss(c(rep(c(1, 2, 9), length.out = n - 1), NA), c("Oui" = 1, "Non" = 2, "Ne sait pas" = 9),
  na_values = 9)
wave <- data.frame(id = sprintf("S%02d", seq_len(n)), note = note)
wave$q1 <- q1
write_sav(wave, "text-then-decimals.sav", compress = "byte")
