# Golden indicators for the real-world export kinds (Tests/Fixtures/exports, made by its
# make-exports.py; asserted in Tests/phareTests/ExportKindTests.swift).
# Run by hand from the repository root:  Rscript Tests/Oracle/exports.R  → Tests/Oracle/exports.csv
# R 4.2 with survey 4.1-1.
#
# Every export kind that phare must read (separators, encodings, UTF-16, grouped digits, long ids,
# multiple-response items left blank) holds the 40 respondents of plain/, so each must give the
# `plain` rows below. Three kinds change the data and have rows of their own:
#   invalid-cells     q1 codes 7 (R005) and 5 (R022) are not in the codebook: the cells are missing
#                     (`clean.invalid_cells: set-missing`), the respondents stay in every other base
#   empty-level       nobody in region 33 answered q1: that level has no q1 row here (phare
#                     publishes it with base 0 and blank figures; the test checks that apart)
#   ambiguous-number  R012's amount `2,500` cannot be read (2.5 or 2500): the respondent is
#                     quarantined by phare, so left out of the design here
# Design: calibrate(calfun = "raking") on region and sexe from weights 1 (pop.csv), as the specs.
# q1: « Ne sait pas » (9) out of the base. prio: a respondent with every item blank did not
# answer the set; one who ticked at least one box has 0 for the blank ones (`blank: not-ticked`).
# Means: confint(svymean) (normal quantile); proportions: svyciprop(method = "logit") (t, df of the subset).
suppressPackageStartupMessages(library(survey))
num <- function(x) sprintf("%.17g", x)
root <- "Tests/Fixtures/exports"
if (!dir.exists(root)) stop("run from the repository root: Rscript Tests/Oracle/exports.R")
pop <- read.csv(file.path(root, "pop.csv"))

read_export <- function(kind, sep = ",") {
  read.csv(file.path(root, kind, "data/wave-2020.csv"), sep = sep, colClasses = "character", encoding = "UTF-8")
}
design <- function(d) {
  d$region <- factor(d$region, levels = c("11", "22", "33"))
  d$sexe <- factor(d$sexe, levels = c("1", "2"))
  d$w0 <- 1
  total <- function(v, c) pop$total[pop$variable == v & pop$category == c]
  calibrate(svydesign(ids = ~1, weights = ~w0, data = d), ~region + sexe,
            population = c(`(Intercept)` = sum(pop$total[pop$variable == "region"]),
                           region22 = total("region", 22), region33 = total("region", 33), sexe2 = total("sexe", 2)),
            calfun = "raking", epsilon = 1e-13, maxit = 500)
}
quiet_glm <- function(expr) withCallingHandlers(expr, warning = function(w) {
  if (grepl("zero weight not used for calculating dispersion", conditionMessage(w))) invokeRestart("muffleWarning")
})
rows <- list()
indicators <- function(case, d) {
  q1 <- suppressWarnings(as.numeric(d$q1))
  q1[!(q1 %in% c(1, 2))] <- NA
  items <- c("prio_1", "prio_2", "prio_3")
  ticks <- sapply(items, function(v) suppressWarnings(as.numeric(d[[v]])))
  answered <- rowSums(!is.na(ticks)) > 0
  ticks[answered & is.na(ticks)] <- 0
  measures <- list(
    list("q1", "1", "proportion", as.numeric(q1 == 1)), list("q1", "2", "proportion", as.numeric(q1 == 2)),
    list("revenu", "", "mean", as.numeric(d$revenu)))
  for (v in items) measures[[length(measures) + 1]] <- list(v, "1", "proportion", ticks[, v])
  D <- design(d)
  for (m in measures) for (level in c("", "11", "22", "33")) {
    y <- m[[4]]
    ok <- !is.na(y) & (level == "" | d$region == level)
    if (sum(ok) == 0) next
    D$variables$.y <- ifelse(is.na(y), 0, y)
    sub <- D[ok, ]
    mn <- svymean(~.y, sub)
    ci <- if (m[[3]] == "mean") confint(mn) else attr(quiet_glm(svyciprop(~.y, sub, method = "logit")), "ci")
    rows[[length(rows) + 1]] <<- data.frame(
      case = case, variable = m[[1]], category = m[[2]], breakdown_value = level, n = sum(ok),
      estimate = num(coef(mn)[[1]]), se = num(SE(mn)[[1]]), lower = num(ci[[1]]), upper = num(ci[[2]]))
  }
}
indicators("plain", read_export("plain"))
indicators("invalid-cells", read_export("invalid-cells"))
indicators("empty-level", read_export("empty-level"))
ambiguous <- read_export("ambiguous-number", sep = ";")
stopifnot(sum(ambiguous$revenu == "2,500") == 1)
indicators("ambiguous-number", ambiguous[ambiguous$revenu != "2,500", ])
out <- do.call(rbind, rows)
write.csv(out, "Tests/Oracle/exports.csv", row.names = FALSE, quote = FALSE)
cat(sprintf("wrote Tests/Oracle/exports.csv (%d rows)\n", nrow(out)))
