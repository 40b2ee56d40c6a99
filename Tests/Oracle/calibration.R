# Golden cases for calibration distances other than raking (Sources/PhareKit/Weight/Calibrator.swift).
# Run by hand from the repository root:  Rscript Tests/Oracle/calibration.R
# Reads the committed surveys of Tests/Oracle/indicators (answers included) and the margins of
# Tests/Oracle/weighting; writes R's weights into Tests/Oracle/calibration/ and R's estimates into
# Tests/Oracle/indicators/calibration-estimates.csv (same columns as estimates.csv). CI needs no R.
#
# Every case starts from N / n for every respondent, as phare's `start: equal`, so that bounds
# apply to g = final / start (R's grake does not rescale: every population / sample ratio is near 1).
#   citizens-*: 3,000 citizens calibrated on region + sexage + urbain
#   mayors-*:   304 mayors calibrated on region + urbain (the margins of the post-stratified design)
# Distances: linear (calfun = "linear", no bounds: R's regcalibrate, GREG), logit (calfun = "logit",
# bounds), truncated linear (calfun = "linear" with bounds, CALMAR method 4). The bounds are the
# narrowest of a few candidates around the linear g range under which R converges with g at both
# bounds for truncated linear (logit g then come within a few percent of both), else the narrowest
# with g at one bound; R fails on many narrower candidates (the Swift tests check phare there from
# the definition).
suppressPackageStartupMessages(library(survey))
options(warn = -1)  # R warns on each candidate where it fails to converge; those are skipped
if (!dir.exists("Tests/Oracle")) stop("run from the repository root: Rscript Tests/Oracle/calibration.R")
out <- "Tests/Oracle/calibration"
dir.create(out, showWarnings = FALSE)
source("Tests/Oracle/estimate-rows.R")  # num(), write_plain(), population_of(), domains(), estimate_rows()

margins <- read.csv("Tests/Oracle/weighting/citizens-margins.csv")
cells <- read.csv("Tests/Oracle/weighting/mayors-population.csv")
mayor_margins <- rbind(
  data.frame(variable = "region", category = sort(unique(cells$category %/% 10)),
             total = as.vector(tapply(cells$total, cells$category %/% 10, sum))),
  data.frame(variable = "urbain", category = 1:2, total = as.vector(tapply(cells$total, cells$category %% 10, sum))))
write_plain(mayor_margins, file.path(out, "mayors-margins.csv"))

cases <- list(
  citizens = list(data = read.csv("Tests/Oracle/indicators/citizens-survey.csv"), margins = margins,
                  vars = c("region", "sexage", "urbain"), means = c("s01", "s02"), coded = list(q = 1:4, f01 = 1)),
  mayors = list(data = read.csv("Tests/Oracle/indicators/mayors-survey.csv"), margins = mayor_margins,
                vars = c("region", "urbain"), means = "score", coded = list(q3 = 1:2, q4 = 1:4)))

# Estimates as Tests/Oracle/indicators.R computes them (one variable per call on the domain ∩ base subset).
rows <- list()

settings <- list()
for (name in names(cases)) {
  k <- cases[[name]]
  s <- k$data
  N <- sum(k$margins$total[k$margins$variable == k$vars[1]])
  s$w0 <- N / nrow(s)
  formula <- as.formula(paste("~", paste0("factor(", k$vars, ")", collapse = " + ")))
  pop <- population_of(k$margins, k$vars)
  des <- svydesign(ids = ~1, weights = ~w0, data = s)
  stopifnot(max(pop / colSums(model.matrix(formula, s) * s$w0)) < 20)
  save <- function(label, D, bounds = c(NA, NA)) {
    final <- weights(D)
    g <- final / s$w0
    write_plain(data.frame(id = s$id, start = s$w0, final = final), file.path(out, paste0(name, "-", label, "-weights.csv")))
    settings[[length(settings) + 1]] <<- data.frame(case = paste0(name, "-", label), lower = bounds[1],
                                                    upper = bounds[2], g_min = min(g), g_max = max(g))
    cat(sprintf("  %s-%s: g in [%.6g, %.6g]\n", name, label, min(g), max(g)))
    rows[[length(rows) + 1]] <<- estimate_rows(paste0(name, "-", label), D, k$means, k$coded)
  }
  cat("==", name, "\n")
  linear <- calibrate(des, formula, population = pop, calfun = "linear")
  save("linear", linear)
  g <- weights(linear) / s$w0
  # The narrowest candidate under which R converges with truncated-linear g at both bounds, else
  # (mayors: R's truncated Newton fails on every such candidate) the narrowest with g at one bound.
  shares <- c(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)
  pairs <- rbind(cbind(shares, shares), cbind(shares, 1.1), cbind(1.1, shares))
  candidates <- lapply(seq_len(nrow(pairs)), function(i)
    c(floor((1 - pairs[i, 1] * (1 - min(g))) * 100) / 100, ceiling((1 + pairs[i, 2] * (max(g) - 1)) * 100) / 100))
  fits <- lapply(candidates, function(bounds) {
    truncated <- tryCatch(calibrate(des, formula, population = pop, calfun = "linear", bounds = bounds,
                                    epsilon = 1e-13, maxit = 500), error = function(e) NULL)
    logit <- tryCatch(calibrate(des, formula, population = pop, calfun = "logit", bounds = bounds,
                                epsilon = 1e-13, maxit = 500), error = function(e) NULL)
    if (is.null(truncated) || is.null(logit)) return(NULL)
    gt <- weights(truncated) / s$w0
    list(bounds = bounds, truncated = truncated, logit = logit,
         ends = any(abs(gt - bounds[1]) < 1e-12) + any(abs(gt - bounds[2]) < 1e-12))
  })
  ends <- sapply(fits, function(f) if (is.null(f)) 0 else f$ends)
  if (max(ends) == 0) stop("no candidate bounds bind with R converging")
  fit <- fits[[which(ends == max(ends))[1]]]
  cat(sprintf("  bounds [%g, %g]: truncated-linear g at %d bound(s)\n", fit$bounds[1], fit$bounds[2], fit$ends))
  truncated <- fit$truncated
  logit <- fit$logit
  chosen <- fit$bounds
  save("truncated", truncated, chosen)
  save("logit", logit, chosen)
}
write_plain(do.call(rbind, settings), file.path(out, "settings.csv"))
write_plain(do.call(rbind, rows), "Tests/Oracle/indicators/calibration-estimates.csv")
