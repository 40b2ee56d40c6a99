# Golden trimmed weights and indicators for Tests/PhareKitTests/Weight/TrimmingOracleTests.swift.
# Run by hand from the repository root:  Rscript Tests/Oracle/trimming.R
# R 4.2 with survey 4.1-1. No random draw: it reuses the surveys of Tests/Oracle/indicators.R
# (answers) and the margins of Tests/Oracle/weighting.R, and writes into Tests/Oracle/trimming/.
#
# Trimming as phare's `weight.trim: {lower: L, upper: U}` means it: after calibration, the final
# weights are trimmed with survey's trimWeights(design, lower = L * mean, upper = U * mean,
# strict = TRUE), mean = the mean of the calibrated weights (trimming keeps their sum, so it is
# also the mean of the trimmed ones). trimWeights.survey.design2 cuts every weight outside the
# bounds to the bound, shares the excess equally (additively) among the weights that were inside,
# and with strict = TRUE does it again until no weight is outside; the design keeps its
# calibration (postStrata), so svymean / svyciprop use the calibration residuals of the
# trimmed weights.
#
# Cases:
#   citizens  3,000 citizens raked on region, sexage, urbain (start weight 1), trim lower 0.7, upper 1.8:
#             weights cut at both ends, 13 passes
#   mayors    304 mayors post-stratified on region x urbain, trim lower 0.8, upper 1.25: both ends, 16 passes
# Where R fails: the mayors with lower 0.5, upper 1.2 need one pass, but trimWeights recurses until
# R's C stack overflows (a weight cut to a bound comes back from 1 / (1 / bound) one rounding
# above it, and is cut again, forever). The Swift test checks that case against the definition.
suppressPackageStartupMessages(library(survey))
out <- "Tests/Oracle/trimming"
if (!dir.exists("Tests/Oracle")) stop("run from the repository root")
dir.create(out, showWarnings = FALSE)
source("Tests/Oracle/estimate-rows.R")  # num(), write_plain(), population_of(), domains(), estimate_rows()

# --- The calibrated designs, as Tests/Oracle/indicators.R builds them ---------------------------
s <- read.csv("Tests/Oracle/indicators/citizens-survey.csv")
margins <- read.csv("Tests/Oracle/weighting/citizens-margins.csv")
A <- calibrate(svydesign(ids = ~1, weights = ~w0, data = s), ~factor(region) + factor(sexage) + factor(urbain),
               population = population_of(margins, c("region", "sexage", "urbain")), calfun = "raking",
               epsilon = 1e-13, maxit = 500)
m <- read.csv("Tests/Oracle/indicators/mayors-survey.csv")
cells <- read.csv("Tests/Oracle/weighting/mayors-population.csv")
m$w0 <- 1
B <- postStratify(svydesign(ids = ~1, weights = ~w0, data = m), ~cell,
                  data.frame(cell = cells$category, Freq = cells$total))

# --- Trimming ------------------------------------------------------------------------------------
# The passes trimWeights(strict = TRUE) makes, counted by the same rule (the call that finds no
# weight outside the bounds is not a pass): phare reports this count as its trimming iterations.
# phare keeps the weights themselves; trimWeights keeps 1 / weight (design$prob), so a weight cut to
# a bound can come back one rounding above it and be cut again in the next pass. `ideal` is the
# algorithm without that round trip, to show it reaches the same weights.
passes <- function(w, lower, upper) {
  count <- 0
  repeat {
    outside <- w < lower | w > upper
    if (!any(outside)) return(list(count = count, weights = w))
    new <- pmax(lower, pmin(w, upper))
    new[!outside] <- new[!outside] + sum(w - new) / sum(!outside)
    w <- new
    count <- count + 1
  }
}
trim <- function(name, D, ratio_lower, ratio_upper) {
  w <- weights(D)
  centre <- mean(w)
  lower <- ratio_lower * centre
  upper <- ratio_upper * centre
  T <- trimWeights(D, lower = lower, upper = upper, strict = TRUE)
  wt <- weights(T)
  ideal <- passes(w, lower, upper)
  iterations <- ideal$count
  stopifnot(max(abs(ideal$weights / wt - 1)) < 1e-13)
  at_lower <- sum(ideal$weights == lower)
  at_upper <- sum(ideal$weights == upper)
  cat(sprintf("== %s: mean %.10g, bounds [%.10g, %.10g]; %d passes; %d at the lower bound, %d at the upper bound;",
              name, centre, lower, upper, iterations, at_lower, at_upper))
  cat(sprintf(" sum before %.17g after %.17g; trimmed range [%.10g, %.10g]\n", sum(w), sum(wt), min(wt), max(wt)))
  stopifnot(any(w < lower), any(w > upper), iterations > 1, min(wt) >= lower, max(wt) <= upper)
  write_plain(data.frame(id = D$variables$id, calibrated = w, final = wt), file.path(out, paste0(name, "-weights.csv")))
  write_plain(data.frame(lower = ratio_lower, upper = ratio_upper, mean = centre, iterations = iterations,
                         at_lower = at_lower, at_upper = at_upper), file.path(out, paste0(name, "-settings.csv")))
  T
}
At <- trim("citizens", A, 0.7, 1.8)
Bt <- trim("mayors", B, 0.8, 1.25)
failure <- tryCatch({ trimWeights(B, lower = 0.5 * mean(weights(B)), upper = 1.2 * mean(weights(B)), strict = TRUE)
                      "converged" }, error = function(e) conditionMessage(e))
cat(sprintf("== mayors with lower 0.5, upper 1.2: trimWeights says \"%s\"; the same passes without the round trip: %d\n",
            failure, passes(weights(B), 0.5 * mean(weights(B)), 1.2 * mean(weights(B)))$count))

# --- Estimates on the trimmed designs (one variable per call, zero-filled, domain ∩ base) ----------
# The shared rows, with the one interval the trimmed specs ask: normal for means, logit for proportions.
one_interval <- function(r) {
  r$lower <- ifelse(r$statistic == "mean", r$lower_mean, r$lower_logit)
  r$upper <- ifelse(r$statistic == "mean", r$upper_mean, r$upper_logit)
  r[, !grepl("^(lower|upper)_", names(r))]
}
estimates <- one_interval(rbind(estimate_rows("citizens", At, c("s01", "s02"), list(q = 1:4, f01 = 1)),
                                estimate_rows("mayors", Bt, "score", list(q3 = 1:2, q4 = 1:4))))
write_plain(estimates, file.path(out, "estimates.csv"))

# The trimmed design's SE is not the calibrated design's: how far apart (national s01, score).
for (pair in list(list(A, At, "s01"), list(B, Bt, "score"))) {
  se <- sapply(pair[1:2], function(D) SE(svymean(as.formula(paste0("~", pair[[3]])), D, na.rm = TRUE)))
  cat(sprintf("  %s: SE calibrated %.10g, trimmed %.10g\n", pair[[3]], se[1], se[2]))
}
