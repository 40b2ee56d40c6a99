# Golden weights and indicators of the SHIPPED pipelines, for Tests/PhareKitTests/Run/PipelineOracleTests.swift.
# Run by hand from the repository root:  Rscript Tests/Oracle/pipelines.R
# R 4.2 with survey 4.1-1; deterministic (no random draw), a few seconds.
#
# Inputs: the clean tables phare writes from the bundled fixtures, committed beside the goldens
# (the Swift test checks they are still byte for byte what `phare clean` writes). After a change of
# a fixture or of the clean stage, rewrite them, then rerun this script:
#   for p in institutions:2016 citoyens:2015 associations:2015 entreprises:2015; do
#     .build/debug/phare clean Pipelines/${p%:*}.yml --out /tmp/clean-${p%:*}
#     cp /tmp/clean-${p%:*}/${p#*:}/clean.csv Tests/Oracle/pipelines/${p%:*}-${p#*:}-clean.csv
#   done
# The population totals are read from the committed Fixtures/populations files.
#
# Designs, as the specs say (Tests/Oracle/pipeline-designs.R): equal starting weights,
# svydesign(ids = ~1); the mayors post-stratified on region × urbain (Pipelines/institutions.yml),
# the citizens raked on region, sexe × age and urbain, the associations on region and type, the
# companies on region and taille.
# Estimates: ONE VARIABLE PER CALL on a zero-filled copy of the variable, on the domain ∩ base subset
# of the calibrated design (which keeps every row, zero-weighted), as Tests/Oracle/indicators.R.
# « Ne sait pas » (9, 99 for the scores) is out of every base (clean.dont_know: exclude), as a blank.
# Means: confint(svymean) (normal quantile). Proportions: svyciprop(method = "logit"), whose t
# quantile has df = degf(subset) = domain respondents − 1.
#
# Writes Tests/Oracle/pipelines/<survey>-<wave>-weights.csv (id, final weight) and estimates.csv.
suppressPackageStartupMessages(library(survey))
out <- "Tests/Oracle/pipelines"
if (!dir.exists(out)) stop("run from the repository root: Rscript Tests/Oracle/pipelines.R")
source("Tests/Oracle/pipeline-designs.R")  # pipeline_design(), clean_table(), raked(), post_stratified()
num <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
write_plain <- function(df, name) {
  for (column in names(df)) if (is.double(df[[column]])) df[[column]] <- num(df[[column]])
  df[is.na(df)] <- ""
  write.csv(df, file.path(out, name), row.names = FALSE, quote = FALSE, na = "")
  cat(sprintf("  wrote %s (%d rows)\n", file.path(out, name), nrow(df)))
}

# svyglm (inside svyciprop) warns that the zero-weighted rows of a subset do not count in the
# dispersion, which is what a domain needs: that warning only is muffled.
quiet_glm <- function(expr) withCallingHandlers(expr, warning = function(w) {
  if (grepl("zero weight not used for calculating dispersion", conditionMessage(w))) invokeRestart("muffleWarning")
})
rows <- list()
add <- function(r) rows[[length(rows) + 1]] <<- r
one_row <- function(survey, wave, breakdown, value, variable, category, statistic, D, y, ok) {
  if (sum(ok) == 0) return()
  D$variables$.y <- ifelse(is.na(y), 0, y)
  sub <- D[ok, ]
  mn <- svymean(~.y, sub, deff = TRUE)
  ci <- if (statistic == "mean") confint(mn) else attr(quiet_glm(svyciprop(~.y, sub, method = "logit")), "ci")
  add(data.frame(survey = survey, wave = wave, breakdown = breakdown, value = value, variable = variable,
                 category = category, statistic = statistic, estimate = coef(mn)[[1]], se = SE(mn)[[1]],
                 deff = deff(mn)[[1]], n = sum(ok), weighted_n = sum(weights(D)[ok]), df = degf(sub),
                 lower = ci[[1]], upper = ci[[2]]))
}

# means: scores; coded: list(variable = categories); « Ne sait pas » codes out of the base.
estimate_all <- function(survey, wave, D, breakdowns, means, coded) {
  v <- D$variables
  domains <- list(list("national", "", rep(TRUE, nrow(v))))
  for (b in breakdowns) for (level in sort(unique(v[[b]][!is.na(v[[b]])]))) {
    domains[[length(domains) + 1]] <- list(b, as.character(level), !is.na(v[[b]]) & v[[b]] == level)
  }
  for (dom in domains) {
    for (name in means) {
      x <- v[[name]]
      one_row(survey, wave, dom[[1]], dom[[2]], name, "", "mean", D, x, dom[[3]] & !is.na(x) & x != 99)
    }
    for (name in names(coded)) {
      x <- v[[name]]
      for (code in coded[[name]]) {
        one_row(survey, wave, dom[[1]], dom[[2]], name, as.character(code), "proportion", D,
                as.numeric(x == code), dom[[3]] & !is.na(x) & x != 9)
      }
    }
  }
}

write_weights <- function(D, survey, wave) {
  write_plain(data.frame(id = D$variables$id, final = weights(D)), sprintf("%s-%s-weights.csv", survey, wave))
}

scores <- c("importance_01", "importance_06", "importance_16")

cat("== institutions 2016: post-stratified on region*urbain\n")
M <- pipeline_design("institutions")
write_weights(M, "institutions", "2016")
estimate_all("institutions", "2016", M, c("region", "urbain"), character(0),
             list(q2_01 = 1, q3 = 1, q4 = 1:4, q4_net_oui = 1, q4_net_actif = 1))

cat("== citoyens 2015: raked on region, sexe*age, urbain\n")
C <- pipeline_design("citoyens")
write_weights(C, "citoyens", "2015")
estimate_all("citoyens", "2015", C, c("region", "urbain"), scores, list(alliances = 1, coconstruction_01 = 1))

cat("== associations 2015: raked on region, type\n")
A <- pipeline_design("associations")
write_weights(A, "associations", "2015")
estimate_all("associations", "2015", A, c("region", "type", "zone"), scores,
             list(alliances = 1, coconstruction_01 = 1, pratique = 1:3))

cat("== entreprises 2015: raked on region, taille\n")
E <- pipeline_design("entreprises")
write_weights(E, "entreprises", "2015")
estimate_all("entreprises", "2015", E, c("region", "taille"), scores,
             list(alliances = 1, coconstruction_01 = 1, pratique = 1:3))

estimates <- do.call(rbind, rows)
write_plain(estimates, "estimates.csv")
print(table(estimates$survey))
cat(sprintf("proportions of exactly 0 or 1 (R's interval degenerate): %d\n",
            sum(estimates$statistic == "proportion" & (estimates$estimate < 1e-12 | estimates$estimate > 1 - 1e-12))))
