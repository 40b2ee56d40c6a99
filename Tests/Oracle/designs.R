# Golden complex sample designs (issue 18, « Truth »): strata, one- and two-stage clusters, finite
# population corrections at each stage, with and without calibration, and every lonely-PSU option,
# as R's survey package linearises them (svyrecvar).
# Run by hand from the repository root:  Rscript Tests/Oracle/designs.R
# R 4.2.2 with survey 4.1-1 (yaml 2.3.7); deterministic (the citizens2 sample follows set.seed below), about
# 70 seconds (citizens2's svyby checks are most of it). Writes into Tests/Oracle/designs/ (committed, so CI
# needs no R); see its README.md.
#
# Every case is a phare pipeline: <case>.csv (the export: id, annee = the wave, factors as the codes of
# their levels in R's order), <case>-codebook.yml, <case>.yml (the spec, with its design: section),
# <case>-populations.csv where a spec needs one; R's design is built from that export exactly as the
# spec says, and for the api cases checked against R's own call on data(api) (weights and the SE of
# svymean(~api00) equal to 1e-12).
#   apistrat        svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)
#   apiclus1        svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)
#   apiclus1-raked  calibrate(<apiclus1>, ~factor(stype), population = <stype counts of apipop>,
#                             calfun = "raking", epsilon = 1e-13, maxit = 500)   (rake() as a cross-check)
#   apiclus2        svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)   (weights from the fpcs)
#   apisrs-fpc      svydesign(id = ~1, fpc = ~fpc, data = apisrs)                      (weights from the fpc)
#   citizens2       svydesign(id = ~commune + individu, strata = ~strate, fpc = ~fpc1 + pop_commune, data = d)
#                   then calibrate(~factor(sexe) + factor(age) + factor(region), calfun = "raking",
#                   epsilon = 1e-13, maxit = 500): a PHARE-like two-stage sample built below (13 regions as
#                   strata, 3 to 12 communes drawn by simple random sampling in each, 8 to 24 adults drawn
#                   in each commune); fpc1 = communes of the region, the populations file's margin strate
#                   (the spec's {population: strate}), pop_commune = adults of the commune (a column).
#   lonely-<option> svydesign(id = ~dnum, strata = ~dsize, fpc = ~fpc_dsize, data = <apiclus1>) under
#                   options(survey.lonely.psu = "adjust" | "average" | "remove" | "certainty"); dsize is
#                   the district's size class in apipop (1: one school, 2: 2 to 9, 3: 10 or more), so
#                   stratum 1 holds one district (dnum 413, one school); fpc_dsize = districts of apipop
#                   in the class (the populations file's margin dsize). Under "fail" (R's default) the
#                   outcome of every estimate is in lonely-fail.csv.
#
# Estimates, national and by every level of each breakdown (apis: stype and comp_imp; lonely: stype and
# dsize; citizens2: region and urbain), one variable per call (R's na.rm drops rows missing on any
# listed variable), base = the domain's rows where the variable is not blank:
#   D$variables$.y <- ifelse(is.na(y), 0, y); S <- D[base & domain, ]
#   svymean(~.y, S, deff = TRUE) and confint() (normal quantile)   means
#   svytotal(~.y, S, deff = TRUE) and confint() (normal quantile)  totals (enroll; citizens2: alliances codes)
#   svymean(~.y, S, deff = TRUE) of the 0/1 indicator of each code, and svyciprop(~.y, S, method =
#   "logit" | "beta" | "mean")                                       proportions; and phare's wilson, not
#   in R: its definition from svymean's se and degf (Wilson's score interval on the effective n
#   p (1 − p) / se², t quantile on df; wilson_row below)
#   df = degf(S), design_rows = nrow(S): what svyciprop uses (t quantile on df; beta's effective n
#   × (qt(α/2, nrow − 1) / qt(α/2, df))²).
# Checks (stopifnot; the worst gap of each is printed at the end):
#   - svyby(~y, ~breakdown, D[!is.na(y), ], svymean | svytotal, deff = TRUE) (the zero-filled copy on a
#     calibrated design) gives the subset's estimate, SE and deff (1e-9 relative), and svyby(~.y,
#     ~breakdown, D[!is.na(y), ], svyciprop, method = m, vartype = "ci") its interval (1e-9);
#   - each interval recomputed from the recorded estimate, se, df and design_rows: mean = p ± qt(.975, df)
#     se, beta = qbeta on the effective n, logit = expit(logit p ± qt(.975, df) se / (p (1 − p))) — so the
#     df and rows recorded are those svyciprop used (1e-9; logit 1e-7: svyglm's IRLS stops up to ~1e-9
#     from the exact proportion, 3e-8 relative at p = 0.04, and its interval is centred there);
#   - svyciprop's own estimate is svymean's (logit: 1e-7, for the same reason; beta and mean: equal); df is
#     a whole number;
#   - the domain estimate and SE equal those of the full design: svyratio(~y·domain, ~domain, D) for means
#     and proportions, svytotal(~y·domain, D) for totals (1e-12, SE 1e-9; not under lonely "average");
#   - calibrated cases: the weights meet every population total (1e-9) and equal rake()'s (1e-9);
#   - weights from the fpcs (apiclus2, apisrs-fpc, lonely, citizens2 before raking) are Π N/n at each stage
#     (1e-12);
#   - designs built from the export equal R's call on data(api) (weights and SE 1e-12).
#
# Golden estimates.csv columns (numbers "%.17g", empty where R gives NA): case, breakdown (national or the
# variable name as in the spec), value (the level code, empty for national), variable, category ("" for
# means and totals of a number; the code for a proportion or the weighted count of a code), statistic
# (mean | proportion | total), method (normal for means and totals; logit | beta | mean | wilson for proportions,
# one row each), n (unweighted respondents in the base), estimate, se, lower, upper, deff, df, design_rows.
# A domain whose base is empty has no row.
#
# R TRAPS met here:
#   - A proportion of exactly 0 or 1 in a domain (se 0): svyciprop's logit gives [p ± 5e-13]-like bounds
#     and beta NA, deff is NaN. Not usable: lower and upper are left EMPTY for all three methods (phare
#     gives Clopper–Pearson there and flags it), deff empty. Its se is 0 on uncalibrated designs but
#     rounding noise (~1e-17) on calibrated ones.
#   - subset() of an uncalibrated design drops the rows (nrow = the domain's rows, degf = the domain's
#     PSUs − its strata); of a calibrated design it keeps them with weight 0 (nrow = every row, degf still
#     counts only the domain's PSUs and strata). So beta's (nrow − 1) differs between the two kinds.
#   - Calibrated designs: svymean(~v, subset(D, !is.na(v))) fails inside qr.resid when v holds NA; every
#     variable is zero-filled first (harmless on uncalibrated designs, whose NA rows are dropped).
#   - Stage-2 ids: svydesign relabels them within stage 1 (interaction(commune, individu)), so citizens2's
#     individu (1, 2, … within each commune) and apiclus2's snum work alike; nest = TRUE relabels stage 1
#     within strata too.
#   - Lonely PSUs (survey 4.1-1's onestrat): "remove" and "certainty" give the same variances here (the
#     lonely PSU's centred total is 0 either way: one stage); "adjust" adds its uncentred total² × f
#     (f = 1 − 1/N_h); "average" drops the stratum and multiplies the sum by (strata present) / (strata
#     with 2+ PSUs), strata present being those of the (sub)design estimated: a domain without the lonely
#     stratum is not scaled. degf is 12 (15 PSUs − 3 strata) under every option. Under "fail", only the
#     estimates whose (sub)design still holds the lonely stratum fail ("Stratum (1) has only one PSU at
#     stage 1"); the domains without it are estimated (lonely-fail.csv).
#   - A domain of an uncalibrated design in which a stratum keeps one of its PSUs is not lonely: R fills
#     the stratum's absent PSUs with zero totals (nPSU is the full design's), unless
#     options(survey.adjust.domain.lonely = TRUE) (not used).
#   - "average" in a domain holding only the lonely stratum (lonely-average, dsize = 1): no stratum has 2+
#     PSUs, R's variance is 0 × NA / 0 = NaN: se, interval and deff are EMPTY there. That domain (one school,
#     one PSU) has df 0 and design_rows 1; its proportions are degenerate (empty intervals), its means have
#     se 0 under adjust, remove and certainty (the one residual is 0) and a normal interval [p, p].
#   - svyby(~y, ~b, D, svymean, na.rm = TRUE) gives a level without respondents an estimate of 0 (se 0), and
#     fails outright on apiclus2 (that level's design has 0 rows, multistage's by() stops); so the svyby
#     route runs on the answered rows (no golden row where the base is empty).
#   - Expected warnings, muffled one by one (any other stops the script): svyglm's « observations with zero
#     weight not used for calculating dispersion » on calibrated subsets (its sandwich variance is
#     unaffected); glm's non-convergence, qbeta's « not accurate » and qt's NaN (df 0) at degenerate
#     proportions, whose intervals are left empty.
#   - R's yaml reads a spec's `folder: .` as a failed real (warning, muffled when validating the specs).
# Invalid designs (R's messages for the integrator): invalid-designs.csv; R prints some figures with
# cat() before stopping ("record 1 stage 1 : popsize= 50  sampsize= 100"), kept in its printed column.
suppressPackageStartupMessages(library(survey))
out <- "Tests/Oracle/designs"
if (!dir.exists("Tests/Oracle")) stop("run from the repository root: Rscript Tests/Oracle/designs.R")
dir.create(out, showWarnings = FALSE)
source("Tests/Oracle/estimate-rows.R")  # num(), write_plain(), close_to(), population_of()
options(survey.lonely.psu = "fail")
path <- function(name) file.path(out, name)

write_text <- function(lines, name) {
  writeLines(lines, path(name))
  cat(sprintf("  wrote %s\n", path(name)))
}

# --- Estimates --------------------------------------------------------------------------------------
# The golden rows of one variable in one domain: a mean, a total, or the proportion of one code (one row
# per interval method). NULL when the base is empty.
domain_rows <- function(case, dom, variable, category, statistic, D, y, base) {
  ok <- base & dom$mask
  if (!any(ok)) return(NULL)
  D$variables$.y <- ifelse(is.na(y), 0, y)
  S <- D[ok, ]
  est <- if (statistic == "total") svytotal(~.y, S, deff = TRUE) else svymean(~.y, S, deff = TRUE)
  p <- coef(est)[[1]]
  se <- SE(est)[[1]]
  df <- degf(S)
  rows <- nrow(S)
  stopifnot(df == round(df))
  # A proportion whose respondents all give the same answer is 0 or 1 (up to rounding, ~1e-16 on a
  # calibrated design) and its se 0 (up to rounding: ~1e-17 on a calibrated design, 0 on the full design).
  degenerate <- statistic == "proportion" && all(y[ok] == y[ok][1])
  # The same estimate on the full design, of the domain-masked variable: a ratio (mean, proportion) or a
  # total. R's subset fills a domain's absent PSUs with zero totals, so the two agree — except under
  # lonely "average", whose scaling counts the strata present in the design estimated.
  if (getOption("survey.lonely.psu") != "average") {
    D$variables$.yd <- ifelse(ok, D$variables$.y, 0)
    D$variables$.d <- as.numeric(ok)
    full <- if (statistic == "total") svytotal(~.yd, D) else svyratio(~.yd, ~.d, D)
    stopifnot(close_to(coef(full)[[1]], p, 1e-12, "subset vs full design (ratio or masked total): estimate"),
              degenerate || close_to(SE(full)[[1]], se, 1e-9, "subset vs full design (ratio or masked total): se"))
  }
  row <- function(method, ci) {
    data.frame(case = case, breakdown = dom$breakdown, value = dom$value, variable = variable, category = category,
               statistic = statistic, method = method, n = sum(ok), estimate = p, se = se, lower = ci[[1]],
               upper = ci[[2]], deff = if (is.finite(deff(est)[[1]])) deff(est)[[1]] else NA, df = df,
               design_rows = rows)
  }
  if (statistic != "proportion") return(row("normal", confint(est)))
  rbind(do.call(rbind, lapply(c("logit", "beta", "mean"), function(method) {
    # Expected warnings: svyglm's on a calibrated subset (zero-weighted rows left out of the dispersion,
    # which its sandwich variance does not use); at a degenerate proportion, glm's non-convergence and
    # qbeta's inaccuracy. Any other warning stops the script.
    cp <- withCallingHandlers(svyciprop(~.y, S, method = method), warning = function(w) {
      benign <- grepl("zero weight not used for calculating dispersion", conditionMessage(w), fixed = TRUE) ||
        (degenerate && grepl("did not converge|is not accurate|NaNs produced", conditionMessage(w)))
      if (!benign) {
        stop(sprintf("%s %s=%s %s %s: %s", case, dom$breakdown, dom$value, variable, method, conditionMessage(w)))
      }
      invokeRestart("muffleWarning")
    })
    ci <- attr(cp, "ci")
    if (degenerate) return(row(method, c(NA, NA)))
    q <- qt(0.975, df)
    again <- switch(method,
      mean = p + c(-1, 1) * q * se,
      beta = {
        n_eff <- p * (1 - p) / se^2 * (qt(0.025, rows - 1) / qt(0.025, df))^2
        c(qbeta(0.025, n_eff * p, n_eff * (1 - p) + 1), qbeta(0.975, n_eff * p + 1, n_eff * (1 - p)))
      },
      logit = plogis(qlogis(p) + c(-1, 1) * q * se / (p * (1 - p))))
    stopifnot(close_to(cp[[1]], p, if (method == "logit") 1e-7 else 1e-15,
                       sprintf("svyciprop %s estimate vs svymean", method)),
              close_to(unname(ci), again, if (method == "logit") 1e-7 else 1e-9,
                       sprintf("%s interval recomputed from estimate, se, df, design_rows", method)))
    row(method, ci)
  })), wilson_row(p, se, df, degenerate, row))
}

# phare's wilson is not in R's svyciprop: its definition, computed here from svymean's se and degf —
# Wilson's score interval on the effective n, p (1 − p) / se², with the t quantile on df.
wilson_row <- function(p, se, df, degenerate, row) {
  if (degenerate) return(row("wilson", c(NA, NA)))
  n <- p * (1 - p) / se^2
  q <- qt(0.975, df)
  centre <- (p + q^2 / (2 * n)) / (1 + q^2 / n)
  half <- q / (1 + q^2 / n) * sqrt(p * (1 - p) / n + q^2 / (4 * n^2))
  row("wilson", c(centre - half, centre + half))
}

# A design's domains: the nation, then every level present of each breakdown (sorted by code).
domains_of <- function(D, breakdowns) {
  v <- D$variables
  c(list(list(breakdown = "national", value = "", mask = rep(TRUE, nrow(v)))),
    unlist(lapply(breakdowns, function(b) lapply(sort(unique(v[[b]])), function(level) {
      list(breakdown = b, value = as.character(level), mask = v[[b]] == level)
    })), recursive = FALSE))
}

# Every golden row of a case: means, totals (of numbers: "" category; of codes: one row per code) and the
# proportions of each code, in every domain; then the svyby cross-checks.
case_rows <- function(case, D, breakdowns, means = character(0), totals = character(0), coded = list(),
                      coded_totals = character(0)) {
  v <- D$variables
  rows <- list()
  add <- function(r) if (!is.null(r)) rows[[length(rows) + 1]] <<- r
  for (dom in domains_of(D, breakdowns)) {
    for (name in means) add(domain_rows(case, dom, name, "", "mean", D, v[[name]], !is.na(v[[name]])))
    for (name in totals) add(domain_rows(case, dom, name, "", "total", D, v[[name]], !is.na(v[[name]])))
    for (name in names(coded)) for (code in coded[[name]]) {
      x <- v[[name]]
      add(domain_rows(case, dom, name, as.character(code), "proportion", D, as.numeric(x == code), !is.na(x)))
      if (name %in% coded_totals) {
        add(domain_rows(case, dom, name, as.character(code), "total", D, as.numeric(x == code), !is.na(x)))
      }
    }
  }
  rows <- do.call(rbind, rows)
  check_svyby(rows, D, breakdowns, means, totals, coded, coded_totals)
  rows
}

# svyby's route gives the same estimates, SEs, deffs and intervals as the per-domain subsets.
check_svyby <- function(rows, D, breakdowns, means, totals, coded, coded_totals) {
  v <- D$variables
  compare <- function(b, golden, label) {
    # svyby(na.rm = TRUE) gives a level whose base is empty an estimate of 0 (se 0): no golden row there.
    stopifnot(all(golden$value %in% rownames(b)), all(b[!rownames(b) %in% golden$value, 2] == 0))
    b <- b[rownames(b) %in% golden$value, ]
    g <- golden[match(rownames(b), golden$value), ]
    stopifnot(close_to(b[[2]], g$estimate, 1e-9, paste("svyby vs subset:", label, "estimate")),
              close_to(SE(b), g$se, 1e-9, paste("svyby vs subset:", label, "se"), scale = pmax(g$se, 1e-12)),
              close_to(ifelse(is.finite(deff(b)), deff(b), NA), g$deff, 1e-9, paste("svyby vs subset:", label, "deff")))
  }
  for (b in breakdowns) {
    by <- as.formula(paste0("~", b))
    of <- function(variable, statistic, category = "", method = "normal") {
      rows[rows$breakdown == b & rows$variable == variable & rows$statistic == statistic &
             rows$category == category & rows$method == method, ]
    }
    # On the answered rows: the raw variable on an uncalibrated design; on a calibrated one, whose subsets
    # keep the other rows (with their NA) at weight 0, its zero-filled copy. (svyby(na.rm = TRUE) on the
    # whole design fails on apiclus2, a level without respondents leaving a two-stage design of 0 rows, and
    # on calibrated designs in qr.resid.)
    by_route <- function(name, f) {
      answered <- D[!is.na(v[[name]]), ]
      if (!survey:::is.calibrated(D)) return(svyby(as.formula(paste0("~", name)), by, answered, f, deff = TRUE))
      answered$variables$.y <- ifelse(is.na(v[[name]]), 0, v[[name]])
      svyby(~.y, by, answered, f, deff = TRUE)
    }
    for (name in means) compare(by_route(name, svymean), of(name, "mean"), "mean")
    for (name in totals) compare(by_route(name, svytotal), of(name, "total"), "total")
    for (name in names(coded)) for (code in coded[[name]]) {
      D$variables$.y <- as.numeric(v[[name]] == code)
      D$variables$.y[is.na(D$variables$.y)] <- 0
      answered <- D[!is.na(v[[name]]), ]
      compare(svyby(~.y, by, answered, svymean, deff = TRUE), of(name, "proportion", code, "logit"), "proportion")
      if (name %in% coded_totals) {
        compare(svyby(~.y, by, answered, svytotal, deff = TRUE), of(name, "total", code), "count")
      }
      for (method in c("logit", "beta", "mean")) {
        g <- of(name, "proportion", code, method)
        b_ci <- withCallingHandlers(svyby(~.y, by, answered, svyciprop, method = method, vartype = "ci"),
          warning = function(w) {  # the benign ones of domain_rows; degenerate levels are not compared
            stopifnot(grepl("zero weight not used|did not converge|is not accurate|NaNs produced", conditionMessage(w)))
            invokeRestart("muffleWarning")
          })
        g <- g[match(rownames(b_ci), g$value), ]
        shown <- !is.na(g$lower)
        stopifnot(close_to(b_ci$ci_l[shown], g$lower[shown], 1e-9, "svyby vs subset: svyciprop lower"),
                  close_to(b_ci$ci_u[shown], g$upper[shown], 1e-9, "svyby vs subset: svyciprop upper"))
      }
    }
  }
}

weights_file <- function(case, D) write_plain(data.frame(id = D$variables$id, weight = weights(D)),
                                              path(sprintf("%s-weights.csv", case)))
# calibrate(calfun = "raking") on every margin, checked against the totals and against rake().
raked <- function(D0, pop, vars) {
  D <- calibrate(D0, as.formula(paste("~", paste0("factor(", vars, ")", collapse = " + "))),
                 population = population_of(pop, vars), calfun = "raking", epsilon = 1e-13, maxit = 500)
  ipf <- rake(D0, lapply(vars, function(v) as.formula(paste0("~", v))),
              lapply(vars, function(v) setNames(pop[pop$variable == v, c("category", "total")], c(v, "Freq"))),
              control = list(maxit = 1000, epsilon = 1e-13))
  stopifnot(close_to(weights(ipf), weights(D), 1e-9, "calibrate() vs rake() weights"))
  for (v in vars) {
    rows <- pop[pop$variable == v, ]
    achieved <- tapply(weights(D), D$variables[[v]], sum)[as.character(rows$category)]
    stopifnot(close_to(unname(achieved), rows$total, 1e-9, "calibrated totals vs population"))
  }
  D
}

# --- Specs and codebooks ------------------------------------------------------------------------------
no_yes <- "    values: {1: \"No\", 2: \"Yes\"}"
api_codebook <- function(case, what, design_variables) {
  c(sprintf("# Codebook of %s (R survey's data(api)):", case), paste0("# ", strwrap(paste0(what, "."), 100)),
    sprintf("# Written by Tests/Oracle/designs.R beside %s.csv: each factor as the codes of its levels in R's order.",
            case),
    "variables:",
    "  id:", "    type: identifier", "    label: CDS code of the school",
    "  stype:", "    type: single", "    label: School type", "    required: true",
    "    values: {1: Elementary, 2: High school, 3: Middle school}",
    "  comp_imp:", "    type: single", "    label: Met comparable improvement target", no_yes,
    "  sch_wide:", "    type: single", "    label: Met school-wide growth target", no_yes,
    "  awards:", "    type: single", "    label: Eligible for awards program", no_yes,
    "  api00: {type: numeric, label: API in 2000, range: [200, 1000]}",
    "  api99: {type: numeric, label: API in 1999, range: [200, 1000]}",
    "  acs_46: {type: numeric, label: Average class size years 4-6 (blank where the school has none)}",
    "  enroll: {type: numeric, label: Number of students enrolled}",
    "  # The design's variables.",
    design_variables)
}
api_spec <- function(case, title, csv, design, breakdowns, populations = NULL, weight = NULL) {
  c(sprintf("# %s: %s.", case, title),
    "# Written by Tests/Oracle/designs.R; its golden estimates (estimates.csv, every interval method) are",
    "# those of the variables and breakdowns below.",
    sprintf("survey: %s", case), sprintf("title: \"%s\"", title), "actor: schools",
    "inputs:", "  folder: .", sprintf("  files: \"%s\"", csv), "  wave:", "    column: annee",
    sprintf("codebook: %s-codebook.yml", sub("-(raked|adjust|average|remove|certainty|fail)$", "", case)),
    if (!is.null(populations)) sprintf("populations: %s", populations),
    "design:", paste0("  ", design),
    "clean:", "  dont_know: exclude",
    if (!is.null(weight)) c("weight:", paste0("  ", weight)),
    "estimate:", "  variables: [api00, api99, acs_46, enroll, sch_wide, awards]", "  totals: [enroll]",
    sprintf("  breakdowns: [%s]", paste(breakdowns, collapse = ", ")),
    "  interval: logit", "  level: 0.95", "  min_base: {flag: 30, suppress: 10}")
}

data(api)
codes <- function(f) as.integer(f)  # a factor's levels in R's order: 1, 2, …
api_export <- function(d, design_columns) {
  e <- data.frame(id = d$cds, annee = 2000L, stype = codes(d$stype), comp_imp = codes(d$comp.imp),
                  sch_wide = codes(d$sch.wide), awards = codes(d$awards), api00 = d$api00, api99 = d$api99,
                  acs_46 = d$acs.46, enroll = d$enroll)
  cbind(e, design_columns)
}
api_means <- c("api00", "api99", "acs_46", "enroll")
api_coded <- list(sch_wide = 1:2, awards = 1:2)
api_breakdowns <- c("stype", "comp_imp")
same_as_r <- function(D, original) {
  stopifnot(close_to(weights(D), weights(original), 1e-12, "export design vs R's call: weights"),
            close_to(SE(svymean(~api00, D)), SE(svymean(~api00, original)), 1e-12, "export design vs R's call: SE"))
}
numeric_variable <- function(name, label) sprintf("  %s: {type: numeric, label: %s, required: true}", name, label)
all_rows <- list()
add_case <- function(case, D, ...) {
  cat(sprintf("== %s: %d rows, %d PSUs, degf %d\n", case, nrow(D), length(unique(D$cluster[, 1])), degf(D)))
  weights_file(case, D)
  all_rows[[case]] <<- case_rows(case, D, ...)
}

# --- apistrat ---------------------------------------------------------------------------------------
e <- api_export(apistrat, data.frame(pw = apistrat$pw, fpc = apistrat$fpc))
write_plain(e, path("apistrat.csv"))
write_text(api_codebook("apistrat", "200 schools, a stratified simple random sample by school type", c(
  numeric_variable("pw", "Sampling weight"), numeric_variable("fpc", "Schools of the school type in the population"))),
  "apistrat-codebook.yml")
write_text(api_spec("apistrat", "California schools, API 2000 (stratified by school type, no calibration)",
                    "apistrat.csv", c("weights: pw", "strata: stype", "fpc: fpc"), api_breakdowns), "apistrat.yml")
D <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = e)
same_as_r(D, svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat))
add_case("apistrat", D, api_breakdowns, api_means, "enroll", api_coded)

# --- apiclus1 and apiclus1-raked ----------------------------------------------------------------------
e <- api_export(apiclus1, data.frame(dnum = apiclus1$dnum, pw = apiclus1$pw, fpc = apiclus1$fpc))
write_plain(e, path("apiclus1.csv"))
write_text(api_codebook("apiclus1", "183 schools, every school of 15 districts drawn at random (one-stage clusters)", c(
  "  dnum: {type: numeric, label: District number, required: true}",
  numeric_variable("pw", "Sampling weight"), numeric_variable("fpc", "Districts in the population"))),
  "apiclus1-codebook.yml")
write_text(api_spec("apiclus1", "California schools, API 2000 (one-stage cluster sample of districts)",
                    "apiclus1.csv", c("weights: pw", "clusters: dnum", "fpc: fpc"), api_breakdowns), "apiclus1.yml")
D1 <- svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = e)
same_as_r(D1, svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1))
add_case("apiclus1", D1, api_breakdowns, api_means, "enroll", api_coded)

pop <- data.frame(variable = "stype", category = seq_along(levels(apipop$stype)),
                  total = as.vector(table(apipop$stype)))
write_plain(pop, path("apiclus1-raked-populations.csv"))
write_text(api_spec("apiclus1-raked", "California schools, API 2000 (cluster sample raked on school type)",
                    "apiclus1.csv", c("weights: pw", "clusters: dnum", "fpc: fpc"), api_breakdowns,
                    populations = "apiclus1-raked-populations.csv",
                    weight = c("method: raking", "margins: [stype]", "missing: quarantine")), "apiclus1-raked.yml")
add_case("apiclus1-raked", raked(D1, pop, "stype"), api_breakdowns, api_means, "enroll", api_coded)

# --- apiclus2 -----------------------------------------------------------------------------------------
e <- api_export(apiclus2, data.frame(dnum = apiclus2$dnum, snum = apiclus2$snum, fpc1 = apiclus2$fpc1,
                                     fpc2 = apiclus2$fpc2))
write_plain(e, path("apiclus2.csv"))
write_text(api_codebook("apiclus2", "126 schools, up to 5 drawn in each of 40 districts drawn (two-stage clusters)", c(
  "  dnum: {type: numeric, label: District number, required: true}",
  "  snum: {type: numeric, label: School number, required: true}",
  numeric_variable("fpc1", "Districts in the population"),
  numeric_variable("fpc2", "Schools in the district"))), "apiclus2-codebook.yml")
write_text(api_spec("apiclus2", "California schools, API 2000 (two-stage cluster sample, weights from the fpcs)",
                    "apiclus2.csv", c("clusters: [dnum, snum]", "fpc: [fpc1, fpc2]"), api_breakdowns), "apiclus2.yml")
D <- svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = e)
same_as_r(D, svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2))
stopifnot(close_to(weights(D), apiclus2$pw, 1e-12, "apiclus2 weights from the fpcs vs its pw column"),
          close_to(weights(D), e$fpc1 / length(unique(e$dnum)) * e$fpc2 / ave(e$snum, e$dnum, FUN = length), 1e-12,
                   "weights from the fpcs vs Π N/n"))
add_case("apiclus2", D, api_breakdowns, api_means, "enroll", api_coded)

# --- apisrs-fpc ---------------------------------------------------------------------------------------
e <- api_export(apisrs, data.frame(fpc = apisrs$fpc))
write_plain(e, path("apisrs-fpc.csv"))
write_text(api_codebook("apisrs-fpc", "200 schools, a simple random sample without replacement", c(
  numeric_variable("fpc", "Schools in the population"))), "apisrs-fpc-codebook.yml")
write_text(api_spec("apisrs-fpc", "California schools, API 2000 (simple random sample, weights from the fpc)",
                    "apisrs-fpc.csv", "fpc: [fpc]", api_breakdowns), "apisrs-fpc.yml")
D <- svydesign(id = ~1, fpc = ~fpc, data = e)
same_as_r(D, svydesign(id = ~1, fpc = ~fpc, data = apisrs))
stopifnot(close_to(weights(D), e$fpc / nrow(e), 1e-12, "weights from the fpcs vs Π N/n"))
add_case("apisrs-fpc", D, api_breakdowns, api_means, "enroll", api_coded)

# --- lonely PSUs --------------------------------------------------------------------------------------
district_schools <- table(apipop$dnum)
size_class <- function(schools) ifelse(schools == 1, 1L, ifelse(schools <= 9, 2L, 3L))
lonely_pop <- data.frame(variable = "dsize", category = 1:3,
                         total = as.vector(table(size_class(as.vector(district_schools)))))
write_plain(lonely_pop, path("lonely-populations.csv"))
e <- api_export(apiclus1, data.frame(dnum = apiclus1$dnum,
                                     dsize = size_class(as.vector(district_schools[as.character(apiclus1$dnum)]))))
write_plain(e, path("lonely.csv"))
write_text(api_codebook("lonely", paste("apiclus1's 183 schools of 15 districts, the districts stratified by their",
                                        "size in apipop; stratum 1 (single-school districts) holds one district"), c(
  "  dnum: {type: numeric, label: District number, required: true}",
  "  dsize:", "    type: single", "    label: District size class (schools of the district in apipop)",
  "    required: true", "    values: {1: One school, 2: 2 to 9 schools, 3: 10 schools or more}")),
  "lonely-codebook.yml")
e$fpc_dsize <- lonely_pop$total[match(e$dsize, lonely_pop$category)]
DL <- svydesign(id = ~dnum, strata = ~dsize, fpc = ~fpc_dsize, data = e)
drawn_districts <- table(unique(e[, c("dnum", "dsize")])$dsize)
stopifnot(sum(drawn_districts == 1) == 1,
          close_to(weights(DL), e$fpc_dsize / as.vector(drawn_districts[as.character(e$dsize)]), 1e-12,
                   "weights from the fpcs vs Π N/n"))
lonely_breakdowns <- c("stype", "dsize")
for (option in c("adjust", "average", "remove", "certainty", "fail")) {
  case <- paste0("lonely-", option)
  title <- sprintf("apiclus1's districts stratified by size, one stratum of one district (lonely_psu: %s)", option)
  write_text(api_spec(case, title,
                      "lonely.csv", c("clusters: dnum", "strata: dsize", "fpc: [{population: dsize}]", "nest: false",
                                      sprintf("lonely_psu: %s", option)), lonely_breakdowns,
                      populations = "lonely-populations.csv"), sprintf("%s.yml", case))
  options(survey.lonely.psu = option)
  if (option != "fail") add_case(case, DL, lonely_breakdowns, api_means, "enroll", api_coded)
}
# Under "fail": the outcome of every estimate R makes (svymean, svytotal, svyciprop per method).
weights_file("lonely-fail", DL)
fail_rows <- list()
v <- DL$variables
for (dom in domains_of(DL, lonely_breakdowns)) {
  attempt <- function(variable, category, statistic, method, y, call) {
    DL$variables$.y <- ifelse(is.na(y), 0, y)
    S <- DL[!is.na(y) & dom$mask, ]
    message <- tryCatch({ call(S); "" }, error = function(e) conditionMessage(e))
    fail_rows[[length(fail_rows) + 1]] <<- data.frame(
      breakdown = dom$breakdown, value = dom$value, variable = variable, category = category, statistic = statistic,
      method = method, lonely_stratum_rows = sum(!is.na(y) & dom$mask & v$dsize == 1),
      outcome = if (message == "") "estimated" else "error", message = message)
  }
  for (name in api_means) {
    attempt(name, "", "mean", "normal", v[[name]], function(S) svymean(~.y, S, deff = TRUE))
  }
  attempt("enroll", "", "total", "normal", v$enroll, function(S) svytotal(~.y, S, deff = TRUE))
  for (name in names(api_coded)) for (code in api_coded[[name]]) for (method in c("logit", "beta", "mean")) {
    attempt(name, as.character(code), "proportion", method, as.numeric(v[[name]] == code),
            function(S) svyciprop(~.y, S, method = method))
  }
}
fail_rows <- do.call(rbind, fail_rows)
stopifnot(all((fail_rows$outcome == "error") == (fail_rows$lonely_stratum_rows > 0)),
          all(fail_rows$message[fail_rows$outcome == "error"] == "Stratum (1) has only one PSU at stage 1"))
write.csv(fail_rows, path("lonely-fail.csv"), row.names = FALSE)
cat(sprintf("  wrote %s (%d rows, %d errors)\n", path("lonely-fail.csv"), nrow(fail_rows),
            sum(fail_rows$outcome == "error")))
options(survey.lonely.psu = "fail")

# --- citizens2: a PHARE-like two-stage sample, calibrated -------------------------------------------------
cat("== citizens2: building the sample\n")
set.seed(20150915)
regions <- c(11L, 24L, 27L, 28L, 32L, 44L, 52L, 53L, 75L, 76L, 84L, 93L, 94L)
frame_communes <- c(60, 40, 55, 45, 60, 70, 45, 40, 75, 75, 70, 40, 12)  # N_h: communes of the frame
drawn_communes <- c(12, 5, 6, 5, 7, 8, 5, 5, 9, 9, 8, 6, 3)              # n_h: communes drawn
frame <- data.frame(strate = rep(regions, frame_communes))
frame$commune <- sprintf("%d-%03d", frame$strate, ave(seq_len(nrow(frame)), frame$strate, FUN = seq_along))
frame$adultes <- pmax(60, round(rlnorm(nrow(frame), meanlog = ifelse(frame$strate == 11, 8.3, 7), sdlog = 1.2)))
frame$urbain <- ifelse(frame$adultes >= 2000, 2L, 1L)
drawn <- frame[unlist(lapply(seq_along(regions), function(h) {
  sort(sample(which(frame$strate == regions[h]), drawn_communes[h]))
})), ]
people <- do.call(rbind, lapply(seq_len(nrow(drawn)), function(i) {
  m <- min(drawn$adultes[i], sample(8:24, 1))
  effect <- rnorm(1, 0, 0.8)  # the commune's shared part: answers cluster
  sexe <- sample(1:2, m, replace = TRUE, prob = c(0.45, 0.55))
  age <- sample(1:5, m, replace = TRUE, prob = c(0.07, 0.13, 0.25, 0.28, 0.27))
  confiance <- pmin(10, pmax(0, round(5 + 0.3 * (age - 3) + 0.5 * (drawn$urbain[i] == 2) + effect + rnorm(m, 0, 2))))
  confiance[runif(m) < 0.06] <- NA
  choice <- t(sapply(seq_len(m), function(k) exp(c(0, 0.4 + 0.6 * effect, -0.4 + 0.25 * age[k]))))
  priorite <- apply(choice, 1, function(w) sample(1:3, 1, prob = w))
  alliances <- ifelse(runif(m) < plogis(0.5 + 0.7 * effect + 0.3 * (sexe == 2)), 1L, 2L)
  alliances[runif(m) < 0.04] <- NA
  data.frame(annee = 2015L, region = drawn$strate[i], strate = drawn$strate[i], urbain = drawn$urbain[i],
             commune = drawn$commune[i], individu = seq_len(m), pop_commune = drawn$adultes[i], sexe = sexe, age = age,
             confiance = confiance, priorite = priorite, alliances = alliances)
}))
people <- cbind(id = sprintf("P%05d", seq_len(nrow(people))), people)
write_plain(people, path("citizens2.csv"))
# Adult margins consistent with the frame: region = the frame's adults, sexe and age shares of their sum.
adults <- sum(frame$adultes)
shares <- function(p) { x <- round(adults * p); x[length(x)] <- adults - sum(x[-length(x)]); x }
citizens_pop <- rbind(
  data.frame(variable = "region", category = regions,
             total = as.vector(tapply(frame$adultes, frame$strate, sum)[as.character(regions)])),
  data.frame(variable = "sexe", category = 1:2, total = shares(c(0.48, 0.52))),
  data.frame(variable = "age", category = 1:5, total = shares(c(0.11, 0.16, 0.25, 0.25, 0.23))),
  data.frame(variable = "strate", category = regions, total = frame_communes))
citizens_pop$total <- as.double(citizens_pop$total)
write_plain(citizens_pop, path("citizens2-populations.csv"))
region_values <- c("11: Île-de-France", "24: Centre-Val de Loire", "27: Bourgogne-Franche-Comté", "28: Normandie",
                   "32: Hauts-de-France", "44: Grand Est", "52: Pays de la Loire", "53: Bretagne",
                   "75: Nouvelle-Aquitaine", "76: Occitanie", "84: Auvergne-Rhône-Alpes",
                   "93: Provence-Alpes-Côte d'Azur", "94: Corse")
write_text(c(
  "# Codebook of citizens2: a PHARE-like two-stage sample of adults (communes drawn in each region, adults",
  "# drawn in each commune), built by Tests/Oracle/designs.R (set.seed) beside citizens2.csv.",
  "variables:",
  "  id:", "    type: identifier", "    label: Identifiant du répondant",
  "  region:", "    type: single", "    label: Région", "    required: true",
  "    values:", paste0("      ", region_values),
  "  strate:", "    type: single", "    label: Strate de tirage des communes (la région)", "    required: true",
  "    values:", paste0("      ", region_values),
  "  urbain:", "    type: single", "    label: Type de commune de résidence", "    required: true",
  "    values: {1: Rurale, 2: Urbaine}",
  "  commune:", "    type: text", "    label: Commune tirée (unité primaire)", "    required: true",
  "  individu:", "    type: numeric", "    label: Numéro de l'adulte tiré dans la commune (unité secondaire)",
  "    required: true", "    range: [1, 99]",
  "  pop_commune:", "    type: numeric", "    label: Adultes de la commune (base de sondage du second degré)",
  "    required: true",
  "  sexe:", "    type: single", "    label: Sexe", "    required: true", "    values: {1: Homme, 2: Femme}",
  "  age:", "    type: single", "    label: Tranche d'âge", "    required: true",
  "    values: {1: 18-24 ans, 2: 25-34 ans, 3: 35-49 ans, 4: 50-64 ans, 5: 65 ans et plus}",
  "  confiance:", "    type: scale", "    label: Confiance dans les partenariats locaux (0 à 10)",
  "    range: [0, 10]",
  "  priorite:", "    type: single", "    label: Acteur prioritaire pour répondre aux fragilités",
  "    values: {1: Associations, 2: Entreprises, 3: Collectivités}",
  "  alliances:", "    type: single",
  "    label: Les alliances entre associations, entreprises et collectivités sont source d'innovation",
  "    values: {1: Oui, 2: Non}"), "citizens2-codebook.yml")
write_text(c(
  "# citizens2: a PHARE-like two-stage sample of adults (Tests/Oracle/designs.R): communes drawn by simple",
  "# random sampling within each region (the strata; their commune counts are the populations file's",
  "# margin strate), adults drawn within each commune (pop_commune), design weights from the two fpcs,",
  "# then raked on sexe, age and region. Golden estimates: estimates.csv, case citizens2.",
  "survey: citizens2", "title: Citoyens, échantillon à deux degrés (communes, adultes)", "actor: citoyens",
  "inputs:", "  folder: .", "  files: \"citizens2.csv\"", "  wave:", "    column: annee",
  "codebook: citizens2-codebook.yml", "populations: citizens2-populations.csv",
  "design:", "  strata: strate", "  clusters: [commune, individu]", "  fpc: [{population: strate}, pop_commune]",
  "clean:", "  dont_know: exclude",
  "weight:", "  method: raking", "  margins: [sexe, age, region]", "  missing: quarantine",
  "estimate:", "  variables: [confiance, priorite, alliances]", "  totals: [alliances]",
  "  breakdowns: [region, urbain]", "  interval: logit", "  level: 0.95", "  min_base: {flag: 30, suppress: 10}"),
  "citizens2.yml")
d <- people
d$fpc1 <- citizens_pop$total[citizens_pop$variable == "strate"][match(d$strate, regions)]
D0 <- svydesign(ids = ~commune + individu, strata = ~strate, fpc = ~fpc1 + pop_commune, data = d)
stopifnot(close_to(weights(D0), d$fpc1 / drawn_communes[match(d$strate, regions)] * d$pop_commune /
                     ave(d$individu, d$commune, FUN = length), 1e-12, "weights from the fpcs vs Π N/n"))
cat(sprintf("  %d adults in %d communes; design weights %.6g to %.6g, sum %.10g (frame adults %d)\n", nrow(d),
            nrow(drawn), min(weights(D0)), max(weights(D0)), sum(weights(D0)), adults))
add_case("citizens2", raked(D0, citizens_pop, c("sexe", "age", "region")), c("region", "urbain"), "confiance",
         coded = list(priorite = 1:3, alliances = 1:2), coded_totals = "alliances")

estimates <- do.call(rbind, all_rows)
rownames(estimates) <- NULL
write_plain(estimates, path("estimates.csv"))
print(table(estimates$case))

# --- Invalid designs: what R says -------------------------------------------------------------------------
# Each attempt: R's call, the outcome (error, warning or accepted), the condition's message and what R
# printed with cat() before it.
attempt_design <- function(design, call_text, data) {
  printed <- character(0)
  warnings <- character(0)
  outcome <- "accepted"
  message <- ""
  sink_to <- textConnection("printed", "w", local = TRUE)
  sink(sink_to)
  tryCatch(withCallingHandlers(eval(parse(text = call_text), list(data = data)), warning = function(w) {
    warnings <<- c(warnings, conditionMessage(w))
    invokeRestart("muffleWarning")
  }), error = function(e) {
    outcome <<- "error"
    message <<- conditionMessage(e)
  })
  sink()
  close(sink_to)
  if (outcome == "accepted" && length(warnings)) {
    outcome <- "warning"
    message <- paste(warnings, collapse = " | ")
  }
  data.frame(design = design, call = call_text, outcome = outcome, message = message,
             printed = paste(trimws(printed), collapse = " | "))
}
bad <- apistrat
bad$fpc_small <- ifelse(bad$stype == "E", 50, bad$fpc)
bad$fpc_mixed <- ifelse(bad$stype == "E", 100 / 4421, bad$fpc)
bad$fpc_varies <- bad$fpc + (seq_len(nrow(bad)) == 1)
bad$pw_zero <- ifelse(seq_len(nrow(bad)) == 1, 0, bad$pw)
bad$pw_negative <- ifelse(seq_len(nrow(bad)) == 1, -bad$pw, bad$pw)
bad$pw_missing <- ifelse(seq_len(nrow(bad)) == 1, NA, bad$pw)
clus <- apiclus1
clus$dnum_missing <- ifelse(seq_len(nrow(clus)) == 1, NA, clus$dnum)
clus2 <- apiclus2
clus2$fpc2_small <- ifelse(clus2$dnum == 534, 2, clus2$fpc2)  # district 534: 5 schools drawn
invalid <- rbind(
  attempt_design("clusters-not-nested", "svydesign(id = ~dnum, strata = ~stype, weights = ~pw, data = data)", bad),
  attempt_design("clusters-nested-true",
                 "svydesign(id = ~dnum, strata = ~stype, weights = ~pw, nest = TRUE, data = data)", bad),
  attempt_design("fpc-below-sample-size", "svydesign(id = ~1, strata = ~stype, fpc = ~fpc_small, data = data)", bad),
  attempt_design("fpc-stage2-below-sample-size",
                 "svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2_small, data = data)", clus2),
  attempt_design("fpc-fractions-and-counts", "svydesign(id = ~1, strata = ~stype, fpc = ~fpc_mixed, data = data)", bad),
  attempt_design("fpc-varies-within-stratum",
                 "svydesign(id = ~1, strata = ~stype, fpc = ~fpc_varies, data = data)", bad),
  attempt_design("weight-zero",
                 "svymean(~api00, svydesign(id = ~1, strata = ~stype, weights = ~pw_zero, data = data))", bad),
  attempt_design("weight-negative",
                 "svymean(~api00, svydesign(id = ~1, strata = ~stype, weights = ~pw_negative, data = data))", bad),
  attempt_design("weight-missing", "svydesign(id = ~1, strata = ~stype, weights = ~pw_missing, data = data)", bad),
  attempt_design("cluster-id-missing", "svydesign(id = ~dnum_missing, weights = ~pw, fpc = ~fpc, data = data)", clus),
  attempt_design("single-psu", "svydesign(id = ~dnum, weights = ~pw, data = data[data$dnum == 637, ])", clus),
  attempt_design("lonely-psu-fail",
                 "svymean(~api00, svydesign(id = ~dnum, strata = ~dsize, fpc = ~fpc_dsize, data = data))", e))
write.csv(invalid, path("invalid-designs.csv"), row.names = FALSE)
cat(sprintf("  wrote %s (%d rows)\n", path("invalid-designs.csv"), nrow(invalid)))
print(invalid[, c("design", "outcome", "message")], right = FALSE)

# --- The specs and codebooks fit phare's rules ----------------------------------------------------------
# Each spec parses; every variable it names is in its codebook with a kind that fits; design variables are
# required; the {population: M} margins and the raking margins are in the populations file with the
# codebook's codes; the export holds every codebook column.
read_yaml_quietly <- function(file) withCallingHandlers(yaml::read_yaml(file), warning = function(w) {
  if (grepl("is not a real", conditionMessage(w), fixed = TRUE)) invokeRestart("muffleWarning")
})
for (spec_file in list.files(out, pattern = "\\.yml$", full.names = TRUE)) {
  spec <- read_yaml_quietly(spec_file)
  if (is.null(spec$survey)) next  # a codebook
  cb <- read_yaml_quietly(file.path(out, spec$codebook))$variables
  export <- read.csv(file.path(out, spec$inputs$files), colClasses = "character", nrows = 5)
  stopifnot(all(names(cb) %in% names(export)), spec$inputs$wave$column %in% names(export))
  kind <- function(name) { stopifnot(!is.null(cb[[name]])); cb[[name]]$type }
  required <- function(name) isTRUE(cb[[name]]$required)
  design <- spec$design
  fpc <- if (is.list(design$fpc)) design$fpc else as.list(design$fpc)
  for (name in c(design$weights, Filter(is.character, fpc))) stopifnot(kind(name) == "numeric", required(name))
  for (name in unlist(strsplit(c(design$strata, character(0)), "*", fixed = TRUE))) {
    stopifnot(kind(name) == "single", required(name))
  }
  for (name in design$clusters) stopifnot(kind(name) %in% c("numeric", "single", "text"), required(name))
  stopifnot(length(fpc) %in% c(0, max(1, length(design$clusters))))
  for (name in c(spec$estimate$variables, spec$estimate$breakdowns)) kind(name)
  for (name in spec$estimate$breakdowns) stopifnot(kind(name) == "single")
  stopifnot(all(spec$estimate$totals %in% spec$estimate$variables))
  margins <- c(spec$weight$margins, unlist(lapply(Filter(is.list, fpc), function(f) f$population)))
  if (length(margins)) {
    p <- read.csv(file.path(out, spec$populations))
    for (m in margins) {
      stopifnot(kind(m) == "single", required(m),
                setequal(p$category[p$variable == m], as.numeric(names(cb[[m]]$values))))
    }
  }
  cat(sprintf("  %s: parses, names fit its codebook\n", basename(spec_file)))
}

cat("worst relative gap of each check:\n")
print(worst)
