# Writes the SPSS ingest benchmark's wave: the citizens' 2015 .sav fixture (written by haven from
# the CSV export, Fixtures/spss/make-fixtures.R) repeated to N cases, each copy's ids suffixed -k,
# written by R haven (bytecode-compressed, value labels and user-missing codes kept).
# Usage: Rscript Benchmarks/make-sav.R N OUT.sav (from the repository root; make bench-ingest runs it once).
suppressMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1])
wave <- read_sav("Fixtures/spss/citoyens-2015.sav", user_na = TRUE)
rows <- rep_len(seq_len(nrow(wave)), n)
big <- wave[rows, ]
copy <- (seq_len(n) - 1) %/% nrow(wave)
big$id <- ifelse(copy == 0, big$id, paste0(big$id, "-", copy))
write_sav(big, args[2], compress = "byte")
cat(sprintf("wrote %s: %d cases, %d variables\n", args[2], nrow(big), ncol(big)))
