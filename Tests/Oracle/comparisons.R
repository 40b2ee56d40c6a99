# Golden column-vs-column comparisons (issue 17, point 1): for each row of a cross-table and each
# banner breakdown, the difference between every two levels of that breakdown, with its linearised
# SE from the covariance of the two domain estimates of the same calibrated design.
# Run by hand from the repository root:  Rscript Tests/Oracle/comparisons.R [PHARE_OUT]
# R 4.2 with survey 4.1-1 (and survey 4.5, built from CRAN's sources: the same goldens byte for byte,
# see below); deterministic (no random draw), about 10 seconds.
#
# For one table row (y = the zero-filled score, or 0/1 for a category code; base = answered and not
# « Ne sait pas », exactly as Tests/Oracle/pipelines.R's bases) and one breakdown:
#   b <- svyby(~.y, ~breakdown, subset(D, base), svymean, covmat = TRUE)
#   svycontrast(b, c(<a> = 1, <b> = -1))   for every two levels a < b (sorted by code)
# Checked on every call (stopifnot; the worst gaps found are printed at the end): svyby's estimates
# are the per-domain svymean of pipelines.R (to 1e-12; found equal) and, where pipelines.R has the
# same cell, its golden estimates.csv (1,151 × 2 level estimates, equal); each level's variance in
# vcov(b) is its svymean SE² (to 1e-10 relative; worst 2.2e-16: the covariance is the calibrated
# design's); each difference and SE equal those of a second R route, svyglm(.y ~ 0 +
# factor(breakdown)) on subset(D, base) with the same contrast (to 1e-9; worst 8e-15 of the
# estimates for the difference, 3.3e-15 relative for the SE).
#
# R TRAP: in survey 4.1-1, svyby(covmat = TRUE) fails on any calibrated or post-stratified design
# ("number of items to replace is not a multiple of replacement length"): subsetting such a design
# keeps every row (zero-weighted), so each level's influence functions have all n rows, which
# svyby puts into that level's rows only. survey 4.5 (2026-02) fixes it ("svyby(covmat=TRUE) now
# works for estimators where subset() doesn't actually drop rows", NEWS; tests/by_covmat_nodrop.R):
# for such designs it keeps each level's influence rows only. Under survey < 4.5 this script runs
# svyby with that one line of 4.5 put into 4.1-1's svyby.survey.design2 (svyby_covmat below);
# under survey >= 4.5, svyby itself. Run under both (R_LIBS holding survey 4.5), every golden file
# is the same byte for byte.
# R TRAP (minor): R's yaml reads the spec's `folder: .` as a failed real (a warning, muffled below).
#
# Golden columns (numbers "%.17g", empty where not defined): survey, wave, variable, category ("" for
# a mean), statistic (mean | proportion), breakdown, a, b (level codes, a < b), n_a, n_b (unweighted
# respondents in the base), estimate_a, estimate_b, difference (a − b), se, z (difference / se),
# p (2 pnorm(−|z|)), p_holm, p_bonferroni: p.adjust over the family of the pairs of one (survey,
# wave, variable, category, breakdown) whose two levels have n ≥ the spec's min_base.flag (30);
# pairs below it are not tested and have p_holm and p_bonferroni empty.
#
# Case 1, Tests/Oracle/comparisons/pipelines.csv: the cross-tables declared in Pipelines/*.yml
# (estimate.tables; checked against the specs below) on the golden wave of each shipped pipeline,
# designs as Tests/Oracle/pipeline-designs.R (the committed clean tables of Tests/Oracle/pipelines/),
# plus the citizens' grid table of the 16 importance scores (means, 99 out of the base) by urbain and
# region. Rows of a table: every category code of a coded variable, then its nets' code 1; code 1 of
# each item of a multiple-response set; the mean of a score.
#
# Case 2, Tests/Oracle/comparisons/apisrs-comparisons.csv: real data, R survey's data(api): the 200
# California schools of apisrs (a simple random sample of the 6,194 of apipop) raked
# (calibrate(calfun = "raking")) on stype and awards, with the population counts of apipop; rows: the
# mean of api00 and the proportions of sch_wide No / Yes; banners: stype and comp_imp. The script
# also writes what phare needs to run it as a pipeline: apisrs.csv (the export: id = cds, annee =
# 2000 the wave, every factor as the codes of its levels in R's order: stype E = 1, H = 2, M = 3; No
# = 1, Yes = 2) and apisrs-populations.csv; apisrs-codebook.yml and apisrs.yml are committed beside
# them. It writes R's final weights (apisrs-weights.csv: id, final) and the per-domain estimates
# (apisrs-estimates.csv: national, stype and comp_imp levels; svymean estimate and SE).
# With PHARE_OUT, the folder of `phare run Tests/Oracle/comparisons/apisrs.yml --out PHARE_OUT`, the
# script also compares phare's weights and indicators with R's. Done with phare 0.2.0 at main
# 97b0c39 (release build): `phare validate` accepts the spec; the 200 final weights agree to 1.3e-15
# relative, the 18 indicators.csv estimates (national, stype, comp_imp) to 4.4e-16 and their SEs to
# 3.8e-15.
suppressPackageStartupMessages(library(survey))
out <- "Tests/Oracle/comparisons"
if (!dir.exists(out)) stop("run from the repository root: Rscript Tests/Oracle/comparisons.R")
source("Tests/Oracle/estimate-rows.R")  # num(), write_plain(), close_to()
source("Tests/Oracle/pipeline-designs.R")  # pipeline_design(), raked()
phare_out <- commandArgs(trailingOnly = TRUE)[1]

# svyby with survey 4.5's handling of influence functions on designs whose subsets keep every row.
svyby_covmat <- if (packageVersion("survey") >= "4.5") svyby else local({
  src <- deparse(survey:::svyby.survey.design2)
  old <- "inflmats[[i]][idxs[[i]], ] <- infs[[i]]"
  hit <- which(trimws(src) == old)
  stopifnot(length(hit) == 1)
  src[hit] <- sub(old, paste("inflmats[[i]][idxs[[i]], ] <- if (is.pps(design) || is.calibrated(design))",
                             "infs[[i]][idxs[[i]], ] else infs[[i]]"), src[hit], fixed = TRUE)
  eval(parse(text = src), envir = asNamespace("survey"))
})

# Evaluates expr with the one warning that says what is expected muffled: svyglm's, that a domain's
# zero-weighted rows do not count in the dispersion (irrelevant to its sandwich variance); R yaml's,
# that the folder `.` is not a number.
quiet <- function(expr, expected) withCallingHandlers(expr, warning = function(w) {
  if (grepl(expected, conditionMessage(w), fixed = TRUE)) invokeRestart("muffleWarning")
})

# The comparisons of one table row on one breakdown: one row per pair of levels a < b.
comparisons_of <- function(survey, wave, D, variable, category, statistic, breakdown, y, base, flag) {
  by_code <- D$variables[[breakdown]]
  D$variables$.y <- ifelse(is.na(y), 0, y)
  D$variables$.base <- base & !is.na(by_code)
  D$variables$.by <- by_code
  S <- subset(D, .base)
  b <- svyby_covmat(~.y, ~.by, S, svymean, covmat = TRUE)
  levels <- names(coef(b))
  stopifnot(identical(levels, as.character(sort(unique(by_code[D$variables$.base])))))
  n <- sapply(levels, function(level) sum(D$variables$.base & by_code == as.numeric(level)))
  for (level in levels) {
    alone <- svymean(~.y, D[D$variables$.base & by_code == as.numeric(level), ])
    stopifnot(close_to(coef(b)[[level]], coef(alone)[[1]], 1e-12, "svyby estimate vs svymean"),
              close_to(vcov(b)[level, level], SE(alone)[[1]]^2, 1e-10, "vcov(svyby) diagonal vs svymean SE^2"))
  }
  glm_route <- quiet(svyglm(.y ~ 0 + factor(.by), S), "zero weight not used for calculating dispersion")
  pairs <- combn(seq_along(levels), 2)
  rows <- do.call(rbind, lapply(seq_len(ncol(pairs)), function(k) {
    a <- levels[pairs[1, k]]; z <- levels[pairs[2, k]]
    contrast <- svycontrast(b, setNames(c(1, -1), c(a, z)))
    check <- svycontrast(glm_route, setNames(c(1, -1), paste0("factor(.by)", c(a, z))))
    stopifnot(close_to(coef(contrast)[[1]], coef(check)[[1]], 1e-9, "difference vs svyglm route (of the estimates)",
                       scale = max(abs(coef(b)[c(a, z)]))),
              close_to(SE(contrast)[[1]], SE(check)[[1]], 1e-9, "SE of the difference vs svyglm route"))
    data.frame(survey = survey, wave = wave, variable = variable, category = category, statistic = statistic,
               breakdown = breakdown, a = a, b = z, n_a = n[[a]], n_b = n[[z]], estimate_a = coef(b)[[a]],
               estimate_b = coef(b)[[z]], difference = coef(contrast)[[1]], se = SE(contrast)[[1]])
  }))
  rows$z <- ifelse(rows$se > 0, rows$difference / rows$se, NA)
  rows$p <- 2 * pnorm(-abs(rows$z))
  tested <- rows$n_a >= flag & rows$n_b >= flag
  rows$p_holm <- NA_real_
  rows$p_bonferroni <- NA_real_
  rows$p_holm[tested] <- p.adjust(rows$p[tested], "holm")
  rows$p_bonferroni[tested] <- p.adjust(rows$p[tested], "bonferroni")
  rows
}

# The comparisons of one table: means (scores, 99 out of the base), coded (variable = codes, 9 out
# of the base), on each of its columns' breakdowns.
table_comparisons <- function(survey, wave, D, flag, columns, means = character(0), coded = list()) {
  v <- D$variables
  rows <- list()
  for (name in means) for (breakdown in columns) {
    x <- v[[name]]
    rows[[length(rows) + 1]] <- comparisons_of(survey, wave, D, name, "", "mean", breakdown, x, !is.na(x) & x != 99,
                                               flag)
  }
  for (name in names(coded)) for (code in coded[[name]]) for (breakdown in columns) {
    x <- v[[name]]
    rows[[length(rows) + 1]] <- comparisons_of(survey, wave, D, name, as.character(code), "proportion", breakdown,
                                               as.numeric(x == code), !is.na(x) & x != 9, flag)
  }
  do.call(rbind, rows)
}

# --- Case 1: the shipped pipelines' tables ------------------------------------------------------
items <- function(prefix) setNames(rep(list(1), 16), sprintf("%s_%02d", prefix, 1:16))
tables <- list(
  institutions = list(list(variable = "q4", nets = "q4_net_oui", columns = c("urbain", "region"),
                           coded = list(q4 = 1:4, q4_net_oui = 1)),
                      list(variable = "q3", columns = "urbain", coded = list(q3 = 1:2))),
  citoyens = list(list(variable = "alliances", columns = c("urbain", "region"), coded = list(alliances = 1:2)),
                  list(variable = "coconstruction", columns = c("urbain", "region"), coded = items("coconstruction")),
                  list(variables = sprintf("importance_%02d", 1:16), columns = c("urbain", "region"),
                       means = sprintf("importance_%02d", 1:16))),
  associations = list(list(variable = "pratique", columns = c("type", "zone"), coded = list(pratique = 1:3)),
                      list(variable = "alliances", columns = c("type", "zone"), coded = list(alliances = 1:2))),
  entreprises = list(list(variable = "pratique", columns = c("taille", "region"), coded = list(pratique = 1:3)),
                     list(variable = "alliances", columns = c("taille", "region"), coded = list(alliances = 1:2))))

# A table as "variables nets columns", to check the list above against a spec's estimate.tables
# (a grid lists its variables under variables:, a table its one variable under variable:).
signature <- function(t) paste(paste(c(t$variable, unlist(t$variables)), collapse = "+"), paste(t$nets, collapse = "+"),
                               paste(t$columns, collapse = "+"))
case1 <- list()
for (survey in names(tables)) {
  spec <- yaml::read_yaml(sprintf("Pipelines/%s.yml", survey))
  stopifnot(setequal(sapply(spec$estimate$tables, signature), sapply(tables[[survey]], signature)))
  flag <- spec$estimate$min_base$flag
  cat(sprintf("== %s %s (min_base.flag %g)\n", survey, pipeline_waves[[survey]], flag))
  D <- pipeline_design(survey)
  for (t in tables[[survey]]) {
    case1[[length(case1) + 1]] <- table_comparisons(survey, pipeline_waves[[survey]], D, flag, t$columns,
                                                    if (is.null(t$means)) character(0) else t$means,
                                                    if (is.null(t$coded)) list() else t$coded)
  }
}
case1 <- do.call(rbind, case1)
# The level estimates are those of Tests/Oracle/pipelines/estimates.csv where it has them.
shipped <- read.csv("Tests/Oracle/pipelines/estimates.csv", colClasses = "character")
shipped_key <- with(shipped, paste(survey, breakdown, value, variable, category, statistic))
for (side in c("a", "b")) {
  at <- match(with(case1, paste(survey, breakdown, case1[[side]], variable, category, statistic)), shipped_key)
  known <- !is.na(at)
  stopifnot(close_to(case1[[paste0("estimate_", side)]][known], as.numeric(shipped$estimate[at[known]]), 1e-12,
                     "level estimate vs pipelines/estimates.csv"))
  cat(sprintf("  estimate_%s of %d rows checked against pipelines/estimates.csv\n", side, sum(known)))
}
write_plain(case1, file.path(out, "pipelines.csv"))

# --- Case 2: apisrs, real data ------------------------------------------------------------------
cat("== apisrs: 200 California schools raked on stype and awards\n")
data(api)
codes <- function(f) as.integer(f)  # a factor's levels in R's order: 1, 2, …
export <- data.frame(id = apisrs$cds, annee = 2000L, stype = codes(apisrs$stype), awards = codes(apisrs$awards),
                     comp_imp = codes(apisrs$comp.imp), sch_wide = codes(apisrs$sch.wide), api00 = apisrs$api00)
write.csv(export, file.path(out, "apisrs.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("  wrote %s (%d rows)\n", file.path(out, "apisrs.csv"), nrow(export)))
population <- rbind(data.frame(variable = "stype", category = seq_along(levels(apipop$stype)),
                               total = as.vector(table(apipop$stype))),
                    data.frame(variable = "awards", category = seq_along(levels(apipop$awards)),
                               total = as.vector(table(apipop$awards))))
write.csv(population, file.path(out, "apisrs-populations.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("  wrote %s (%d rows)\n", file.path(out, "apisrs-populations.csv"), nrow(population)))

d <- export
d$w0 <- 1
P <- raked(d, c("stype", "awards"), file.path(out, "apisrs-populations.csv"))
weights_golden <- data.frame(id = P$variables$id, final = weights(P))
write_plain(weights_golden, file.path(out, "apisrs-weights.csv"))

v <- P$variables
apisrs_domains <- c(list(list("national", "", rep(TRUE, nrow(v)))),
             unlist(lapply(c("stype", "comp_imp"), function(b) {
               lapply(sort(unique(v[[b]])), function(level) list(b, as.character(level), v[[b]] == level))
             }), recursive = FALSE))
estimated <- list(list("api00", "", "mean", v$api00), list("sch_wide", "1", "proportion", as.numeric(v$sch_wide == 1)),
                  list("sch_wide", "2", "proportion", as.numeric(v$sch_wide == 2)))
rows <- list()
for (dom in apisrs_domains) for (row in estimated) {
  P$variables$.y <- row[[4]]
  m <- svymean(~.y, P[dom[[3]], ])
  rows[[length(rows) + 1]] <- data.frame(breakdown = dom[[1]], value = dom[[2]], variable = row[[1]],
                                         category = row[[2]], statistic = row[[3]], n = sum(dom[[3]]),
                                         estimate = coef(m)[[1]], se = SE(m)[[1]])
}
estimates_golden <- do.call(rbind, rows)
write_plain(estimates_golden, file.path(out, "apisrs-estimates.csv"))

flag <- quiet(yaml::read_yaml(file.path(out, "apisrs.yml")), ". is not a real")$estimate$min_base$flag
case2 <- table_comparisons("apisrs", "2000", P, flag, c("stype", "comp_imp"), "api00", list(sch_wide = 1:2))
write_plain(case2, file.path(out, "apisrs-comparisons.csv"))

# --- Families ---------------------------------------------------------------------------------
# One line per survey and breakdown: its families (table rows), pairs per family, pairs tested.
for (g in list(case1, case2)) {
  families <- aggregate(cbind(pairs = 1, tested = !is.na(p_holm)) ~ survey + breakdown + variable + category, g, sum)
  print(aggregate(cbind(families = 1, pairs, tested) ~ survey + breakdown + pairs, families, sum)[, -3])
  cat(sprintf("pairs with se 0 (z and p empty): %d\n", sum(g$se == 0)))
}

cat("worst relative gap of each check:\n")
print(worst)

# --- phare's run of apisrs.yml against R -------------------------------------------------------
if (!is.na(phare_out)) {
  wave <- file.path(phare_out, "apisrs", "2000")
  w <- read.csv(file.path(wave, "weights.csv"), colClasses = c(respondent_id = "character"))
  w <- w[match(weights_golden$id, w$respondent_id), ]
  stopifnot(!anyNA(w$final_weight))
  cat(sprintf("phare vs R: weights, max relative difference %.3g (%d schools)\n",
              max(abs(w$final_weight / weights_golden$final - 1)), nrow(w)))
  ind <- read.csv(file.path(wave, "indicators.csv"), colClasses = "character")
  key <- function(t) paste(t$breakdown, t$breakdown_value, t$variable, t$category, t$statistic)
  ind <- ind[match(key(transform(estimates_golden, breakdown_value = value)), key(ind)), ]
  stopifnot(!anyNA(ind$estimate))
  cat(sprintf("phare vs R: indicators.csv, max relative difference of %d estimates %.3g, of their SEs %.3g\n",
              nrow(ind), max(abs(as.numeric(ind$estimate) / estimates_golden$estimate - 1)),
              max(abs(as.numeric(ind$se) / estimates_golden$se - 1))))
}
