# R haven reads phare's clean.sav and clean.dta (Sources/PhareKit/Output/LabelledMicrodata.swift).
# Run by hand from the repository root, after `swift build`:  Rscript Tests/Oracle/microdata.R
# Runs .build/debug/phare on the shipped mayors pipeline (Pipelines/institutions.yml, with
# outputs.microdata [csv, sav, dta]) into a temporary folder, reads wave 2016's clean.sav with
# haven::read_sav and clean.dta with haven::read_dta, and writes what haven sees into
# Tests/Oracle/microdata/ (committed), which LabelledMicrodataOracleTests compares with the codebook
# and with phare's indicators.csv, so CI needs no R. R 4.2 with haven 2.5.1.
#
#   mayors-2016-sav.csv    per variable: its label, each value label, each user-missing value (na_values)
#   mayors-2016-dta.csv    per variable: its label, each value label, each tagged missing value's label
#   mayors-2016-shares.csv national weighted shares of each labelled category of the coded variables,
#                          computed in R from clean.sav (user-missing values and blanks out of the base)
# Numbers are written with sprintf("%.17g") so that they read back to the same double.

suppressPackageStartupMessages(library(haven))
if (!dir.exists("Tests/Oracle")) stop("run from the repository root: Rscript Tests/Oracle/microdata.R")
phare <- normalizePath(".build/debug/phare")
out_dir <- "Tests/Oracle/microdata"
dir.create(out_dir, showWarnings = FALSE)
num <- function(x) sprintf("%.17g", x)

# The shipped spec with absolute paths (it names them relative to Pipelines/) and every format.
work <- tempfile("phare-microdata-")
dir.create(work)
spec <- readLines("Pipelines/institutions.yml")
pipelines <- normalizePath("Pipelines")
spec <- sub("^(  folder: )(.*)$", paste0("\\1", pipelines, "/\\2"), spec)
spec <- sub("^(codebook|populations|domains): (.*)$", paste0("\\1: ", pipelines, "/\\2"), spec)
spec <- c(spec, "outputs: {microdata: [csv, sav, dta]}")
writeLines(spec, file.path(work, "institutions.yml"))
status <- system2(phare, c("run", file.path(work, "institutions.yml"), "--out", file.path(work, "out")),
                  stdout = FALSE, stderr = FALSE)
if (status != 0) stop("phare run failed")
wave <- file.path(work, "out", "institutions", "2016")

describe <- function(data, missing_of) {
  rows <- list()
  for (name in names(data)) {
    column <- data[[name]]
    rows[[length(rows) + 1]] <- data.frame(variable = name, what = "label", key = "",
                                           text = attr(column, "label") %||% "")
    labels <- attr(column, "labels")
    if (!is.null(labels)) {
      keys <- ifelse(is_tagged_na(labels), paste0(".", na_tag(labels)), num(unclass(labels)))
      rows[[length(rows) + 1]] <- data.frame(variable = name, what = "value", key = keys, text = names(labels))
    }
    missing <- missing_of(column)
    if (length(missing) > 0) {
      rows[[length(rows) + 1]] <- data.frame(variable = name, what = "missing", key = num(missing), text = "")
    }
  }
  do.call(rbind, rows)
}
`%||%` <- function(a, b) if (is.null(a)) b else a

sav <- read_sav(file.path(wave, "clean.sav"), user_na = TRUE)
write.csv(describe(sav, function(column) attr(column, "na_values")), file.path(out_dir, "mayors-2016-sav.csv"),
          row.names = FALSE)
cat(sprintf("  wrote %s (%d variables)\n", file.path(out_dir, "mayors-2016-sav.csv"), ncol(sav)))

dta <- read_dta(file.path(wave, "clean.dta"))
write.csv(describe(dta, function(column) numeric(0)), file.path(out_dir, "mayors-2016-dta.csv"), row.names = FALSE)
cat(sprintf("  wrote %s (%d variables)\n", file.path(out_dir, "mayors-2016-dta.csv"), ncol(dta)))

# Weighted shares: user-missing values become NA (zap_missing), then out of the base with blanks.
weights <- as.numeric(sav$final_weight)
shares <- list()
for (name in setdiff(names(sav), c("line", "final_weight"))) {
  column <- sav[[name]]
  labels <- attr(column, "labels")
  if (is.null(labels) || is.character(column)) next
  values <- as.numeric(zap_missing(column))
  base <- !is.na(values) & !is.na(weights)
  for (code in setdiff(unclass(labels), attr(column, "na_values"))) {
    share <- sum(weights[base] * (values[base] == code)) / sum(weights[base])
    shares[[length(shares) + 1]] <- data.frame(variable = name, category = code, share = num(share))
  }
}
shares <- do.call(rbind, shares)
write.csv(shares, file.path(out_dir, "mayors-2016-shares.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("  wrote %s (%d shares)\n", file.path(out_dir, "mayors-2016-shares.csv"), nrow(shares)))
unlink(work, recursive = TRUE)
