# Golden indicators for Tests/PhareKitTests/Estimate/EstimationOracleTests.swift.
# Run by hand from the repository root:  Rscript Tests/Oracle/indicators.R
# Reuses the weighting cases' samples and margins (Tests/Oracle/weighting), adds answers, and
# writes the surveys and R's estimates into Tests/Oracle/indicators/ (committed; CI needs no R).
# Every estimate is computed ONE VARIABLE PER CALL on a zero-filled copy of the variable, on the
# domain ∩ base subset of the calibrated design (which keeps all rows with zero weights).
suppressPackageStartupMessages(library(survey))
set.seed(20150915)  # PHARE-Citoyens fieldwork, September 2015
out <- "Tests/Oracle/indicators"
if (!dir.exists("Tests/Oracle")) stop("run from the repository root")
dir.create(out, showWarnings = FALSE)
source("Tests/Oracle/estimate-rows.R")  # num(), write_plain(), population_of(), domains(), estimate_rows()

# --- A: 3,000 citizens raked on region, sex x age, rural/urban --------------------------------
s <- read.csv("Tests/Oracle/weighting/citizens-sample.csv")
margins <- read.csv("Tests/Oracle/weighting/citizens-margins.csv")
n <- nrow(s)
s$s01 <- pmin(10, rbinom(n, 8, 0.5) + s$region %% 3); s$s01[runif(n) < 0.03] <- NA
s$s02 <- sample(0:10, n, TRUE); s$s02[runif(n) < 0.03] <- NA
s$q <- sample(1:4, n, TRUE, prob = c(.2, .3, .3, .2)); s$q[runif(n) < 0.06] <- 9; s$q[runif(n) < 0.02] <- NA
s$f01 <- rbinom(n, 1, 0.3); s$f01[s$region == 94] <- 1   # a breakdown proportion of exactly 1
s$f02 <- rbinom(n, 1, 0.2); s$f02[s$region == 94] <- 0   # and one of exactly 0
write_plain(s, file.path(out, "citizens-survey.csv"))

A <- calibrate(svydesign(ids = ~1, weights = ~w0, data = s), ~factor(region) + factor(sexage) + factor(urbain),
               population = population_of(margins, c("region", "sexage", "urbain")), calfun = "raking",
               epsilon = 1e-13, maxit = 500)

# --- B and C: 304 mayors post-stratified on region x urbain, C with a finite population correction
m <- read.csv("Tests/Oracle/weighting/mayors-sample.csv")
cells <- read.csv("Tests/Oracle/weighting/mayors-population.csv")
k <- nrow(m)
m$q3 <- sample(c(1, 2, 9), k, TRUE, prob = c(.8, .15, .05))
m$q4 <- sample(c(1:4, 9), k, TRUE, prob = c(.17, .13, .45, .2, .05))
m$score <- sample(0:10, k, TRUE); m$score[runif(k) < 0.04] <- NA
write_plain(m, file.path(out, "mayors-survey.csv"))
m$w0 <- 1
m$Ncell <- cells$total[match(m$cell, cells$category)]
population <- data.frame(cell = cells$category, Freq = cells$total)
B <- postStratify(svydesign(ids = ~1, weights = ~w0, data = m), ~cell, population)
C <- postStratify(svydesign(ids = ~1, strata = ~cell, fpc = ~Ncell, weights = ~w0, data = m), ~cell, population)

# --- Estimates ---------------------------------------------------------------------------------
estimates <- rbind(estimate_rows("A", A, c("s01", "s02"), list(q = 1:4, f01 = 1, f02 = 1), nsp_kept = TRUE),
                   estimate_rows("B", B, "score", list(q3 = 1:2, q4 = 1:4), nsp_kept = TRUE),
                   estimate_rows("C", C, "score", list(q3 = 1:2, q4 = 1:4), nsp_kept = TRUE))
write_plain(estimates, file.path(out, "estimates.csv"))
cat(sprintf("estimates: %d rows\n", nrow(estimates)))

# --- Differences (A): domain minus nation, domain minus the rest, from influence functions ------
influence_of <- function(D, y, ok) {
  D$variables$.y <- ifelse(is.na(y), 0, y)
  attr(svymean(~.y, D[ok, ], influence = TRUE), "influence")
}
difference_rows <- list()
for (spec in list(list("s01", "", function(x) x, function(x) !is.na(x)),
                  list("q", "1", function(x) as.numeric(x == 1), function(x) !is.na(x) & x != 9))) {
  x <- A$variables[[spec[[1]]]]
  y <- spec[[3]](x); base <- spec[[4]](x)
  whole <- influence_of(A, y, base)
  for (dom in domains(A)[-1]) {
    inside <- base & dom[[3]]; rest <- base & !dom[[3]]
    d_in <- influence_of(A, y, inside); d_rest <- influence_of(A, y, rest)
    est <- function(ok) { A$variables$.y <- ifelse(is.na(y), 0, y); coef(svymean(~.y, A[ok, ]))[[1]] }
    for (versus in c("national", "rest")) {
      other <- if (versus == "national") whole else d_rest
      v <- svyrecvar(d_in - other, A$cluster, A$strata, A$fpc, postStrata = A$postStrata)
      difference_rows[[length(difference_rows) + 1]] <- data.frame(
        case = "A", breakdown = dom[[1]], value = dom[[2]], variable = spec[[1]], category = spec[[2]],
        versus = versus, difference = est(inside) - est(if (versus == "national") base else rest), se = sqrt(v[1, 1]))
    }
  }
}
differences <- do.call(rbind, difference_rows)
# Cross-check of one contrast by another route: the slope of a survey regression on the domain
# indicator is the difference of the two weighted means, and its sandwich SE that difference's.
A$variables$.y <- ifelse(is.na(A$variables$s01), 0, A$variables$s01)
A$variables$.g <- as.numeric(A$variables$region == 11)
check <- SE(svyglm(.y ~ .g, design = A[!is.na(A$variables$s01), ]))[[2]]
mine <- differences$se[differences$breakdown == "region" & differences$value == 11 & differences$variable == "s01" &
                       differences$versus == "rest"]
cat(sprintf("svyglm slope SE %.12g, influence SE %.12g\n", check, mine))
write_plain(differences, file.path(out, "differences.csv"))
cat(sprintf("differences: %d rows\n", nrow(differences)))

# --- Totals (svytotal): Σ w y of a score, weighted count of a category -------------------------
total_rows <- list()
for (case in list(list("A", A, "s01", "", function(x) x, function(x) !is.na(x)),
                  list("A", A, "q", "1", function(x) as.numeric(x == 1), function(x) !is.na(x) & x != 9),
                  list("B", B, "score", "", function(x) x, function(x) !is.na(x)))) {
  D <- case[[2]]
  x <- D$variables[[case[[3]]]]
  D$variables$.y <- ifelse(is.na(x), 0, case[[5]](x))
  for (dom in domains(D)) {
    ok <- case[[6]](x) & dom[[3]]
    tt <- svytotal(~.y, D[ok, ], deff = TRUE)
    ci <- confint(tt)
    total_rows[[length(total_rows) + 1]] <- data.frame(
      case = case[[1]], breakdown = dom[[1]], value = dom[[2]], variable = case[[3]], category = case[[4]],
      statistic = "total", estimate = coef(tt)[[1]], se = SE(tt)[[1]], deff = deff(tt)[[1]], lower = ci[1], upper = ci[2])
  }
}
totals <- do.call(rbind, total_rows)
write_plain(totals, file.path(out, "totals.csv"))
cat(sprintf("totals: %d rows\n", nrow(totals)))

# --- A crossing breakdown (B): region x urbain, every cell present --------------------------------
crossing_rows <- list()
x <- B$variables$q3
B$variables$.y <- ifelse(is.na(x), 0, as.numeric(x == 1))
for (r in sort(unique(B$variables$region))) for (u in 1:2) {
  ok <- !is.na(x) & x != 9 & B$variables$region == r & B$variables$urbain == u
  if (sum(ok) == 0) next
  mn <- svymean(~.y, B[ok, ], deff = TRUE)
  crossing_rows[[length(crossing_rows) + 1]] <- data.frame(
    case = "B", breakdown = "region*urbain", value = paste0(r, "*", u), variable = "q3", category = 1,
    statistic = "proportion", estimate = coef(mn)[[1]], se = SE(mn)[[1]], n = sum(ok))
}
crossing <- do.call(rbind, crossing_rows)
write_plain(crossing, file.path(out, "crossing.csv"))
cat(sprintf("crossing: %d rows\n", nrow(crossing)))
