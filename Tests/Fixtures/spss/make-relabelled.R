# Writes three copies of the mayors' 2016 Stata wave (Fixtures/spss/maires-2016.dta) relabelled,
# for StatFileWaveTests. Written by R haven, not by phare.
# - case-labels.dta: q3's .a labelled « ne sait pas » and region 11 « île-de-france »: the
#   codebook's labels but for case, which say the same.
# - unknown-tag.dta: q3's .a labelled « Refus », which none of the codebook's missing codes is.
# Run from this folder: Rscript make-relabelled.R
suppressMessages(library(haven))
wave <- read_dta("../../../Fixtures/spss/maires-2016.dta")
relabel <- function(column, from, to) {
  labels <- attr(column, "labels")
  names(labels)[names(labels) == from] <- to
  attr(column, "labels") <- labels
  column
}
cased <- wave
cased$q3 <- relabel(cased$q3, "Ne sait pas", "ne sait pas")
cased[["Région"]] <- relabel(cased[["Région"]], "Île-de-France", "île-de-france")
write_dta(cased, "case-labels.dta", version = 14)
unknown <- wave
unknown$q3 <- relabel(unknown$q3, "Ne sait pas", "Refus")
write_dta(unknown, "unknown-tag.dta", version = 14)
# - stata12-utf8.dta: the wave as a Stata 12 file (release 115), whose text Stata takes as
#   Windows-1252 but haven writes in UTF-8 (`Région` named `REGION`, which Stata 12 allows).
old <- wave
names(old)[names(old) == "Région"] <- "REGION"
write_dta(old, "stata12-utf8.dta", version = 12)
