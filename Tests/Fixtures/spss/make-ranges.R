# Writes missing-ranges.sav: 12 cases of an SPSS wave whose user-missing values are ranges, for
# CodebookDraftTests and CodebookDiffTests. Written by R haven, not by phare.
# - q4: answers 1 to 4, missing 90 THRU 99 (97 labelled « Refus », 98 and 99 in the data unlabelled);
# - q5: answers 1 and 2, missing 9 THRU HI (9 labelled « Ne sait pas »);
# - q9: answers 1, 1.5 and 2, each labelled (1.5 « Un et demi », which no codebook code can be).
# Run from this folder: Rscript make-ranges.R
suppressMessages(library(haven))
wave <- data.frame(id = sprintf("R%02d", 1:12))
wave$q4 <- labelled_spss(c(1, 2, 3, 4, 1, 2, 97, 98, 99, 3, 4, 1),
  c("Oui, tout à fait" = 1, "Oui, plutôt" = 2, "Non, plutôt pas" = 3, "Non, pas du tout" = 4, "Refus" = 97),
  na_range = c(90, 99), label = "Dynamique de co-construction")
wave$q5 <- labelled_spss(c(1, 2, 9, 1, 2, 1, 9, 2, 1, 2, 1, 2), c("Oui" = 1, "Non" = 2, "Ne sait pas" = 9),
  na_range = c(9, Inf), label = "Porteur de la dynamique")
wave$q9 <- labelled(rep(c(1, 1.5, 2), length.out = 12), c("Un" = 1, "Un et demi" = 1.5, "Deux" = 2))
write_sav(wave, "missing-ranges.sav")
