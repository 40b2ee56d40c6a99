# Golden weighting cases for the Swift weighting code (Sources/PhareKit/Weight).
# Run by hand from the repository root:  Rscript Tests/Oracle/weighting.R
# Writes the inputs and R's weights into Tests/Oracle/weighting/ (committed), so CI needs no R.
# R 4.2 with survey 4.1-1. Deterministic: every random draw follows set.seed below.
#
# Cases (see Tests/Oracle/weighting/README.md):
#   1. mayors-poststrat   304 mayors post-stratified on region x urbain (26 cells)
#   2. citizens-raking    3,000 citizens raked on region, sexage, urbain (start weight 1)
#   3. citizens-bounded   the same, raking with bounds on g = final / start (start weight N / n)
#   4. mayors-collapsed   case 1 without the urban mayors of Corse; cell 942 merged into 941
#
# Numbers are written with sprintf("%.17g") so that they read back to the same double.
# The population figures are PLAUSIBLE, NOT PUBLISHED: the PHARE publications give only the
# 35,795 communes of mainland France (INSEE 2016), the 304 mayors and the 85% / 15% rural / urban
# split of the respondents. Commune counts per region x urbain and the adult margins are made up.

suppressPackageStartupMessages(library(survey))
set.seed(20160825)  # first day of the PHARE-Institutions fieldwork

out_dir <- "Tests/Oracle/weighting"
if (!dir.exists("Tests/Oracle")) stop("run from the repository root: Rscript Tests/Oracle/weighting.R")
dir.create(out_dir, showWarnings = FALSE)

num <- function(x) sprintf("%.17g", x)
write_plain <- function(df, name) {
  for (column in names(df)) if (is.double(df[[column]])) df[[column]] <- num(df[[column]])
  write.csv(df, file.path(out_dir, name), row.names = FALSE, quote = FALSE)
  cat(sprintf("  wrote %s (%d rows)\n", file.path(out_dir, name), nrow(df)))
}
regions <- c(11L, 24L, 27L, 28L, 32L, 44L, 52L, 53L, 75L, 76L, 84L, 93L, 94L)

# ---------------------------------------------------------------------------------------------
# 1. mayors-poststrat
# ---------------------------------------------------------------------------------------------
cat("== 1. mayors-poststrat\n")
# Communes per region (approximate, INSEE 2016 order of magnitude) and share of rural communes.
communes <- c(`11` = 1281, `24` = 1842, `27` = 3700, `28` = 3100, `32` = 3790, `44` = 5100,
              `52` = 1400, `53` = 1254, `75` = 4420, `76` = 4480, `84` = 4115, `93` = 953, `94` = 360)
rural_share <- c(`11` = 0.55, `24` = 0.90, `27` = 0.93, `28` = 0.90, `32` = 0.85, `44` = 0.90,
                 `52` = 0.80, `53` = 0.82, `75` = 0.92, `76` = 0.91, `84` = 0.86, `93` = 0.62, `94` = 0.93)
stopifnot(sum(communes) == 35795)
urban_communes <- round(communes * (1 - rural_share))
population <- data.frame(
  cell = c(regions * 10L + 1L, regions * 10L + 2L),
  Freq = c(communes - urban_communes, urban_communes))
population <- population[order(population$cell), ]
stopifnot(sum(population$Freq) == 35795, all(population$Freq > 0))

# Reasoned (non-proportional) allocation: 258 rural (85%), 46 urban (15%), at least 3 per cell.
alloc_rural <- c(12, 18, 26, 22, 26, 30, 14, 14, 28, 28, 26, 8, 6)
alloc_urban <- c(6, 3, 3, 3, 4, 4, 3, 3, 3, 3, 5, 3, 3)
stopifnot(sum(alloc_rural) == 258, sum(alloc_urban) == 46, min(alloc_rural, alloc_urban) >= 3)
mayors <- data.frame(
  region = c(rep(regions, alloc_rural), rep(regions, alloc_urban)),
  urbain = c(rep(1L, 258), rep(2L, 46)))
mayors <- mayors[sample(nrow(mayors)), ]  # interview order, not grouped by cell
mayors$id <- sprintf("M%03d", seq_len(nrow(mayors)))
mayors$cell <- mayors$region * 10L + mayors$urbain
mayors$w0 <- 1
rownames(mayors) <- NULL

des <- svydesign(ids = ~1, weights = ~w0, data = mayors)
ps <- postStratify(des, ~cell, population)
mayors_final <- weights(ps)

write_plain(mayors[, c("id", "region", "urbain", "cell")], "mayors-sample.csv")
write_plain(data.frame(variable = "cell", category = population$cell, total = as.double(population$Freq)),
            "mayors-population.csv")
write_plain(data.frame(id = mayors$id, start = mayors$w0, final = mayors_final), "mayors-poststrat-weights.csv")
check_cells <- tapply(mayors_final, mayors$cell, sum)
cat(sprintf("  sum of weights %.10g (population 35795); max |cell sum - population| %.3g\n",
            sum(mayors_final), max(abs(check_cells[as.character(population$cell)] - population$Freq))))
cat(sprintf("  weights min %.10g max %.10g\n", min(mayors_final), max(mayors_final)))

# ---------------------------------------------------------------------------------------------
# 2. citizens-raking
# ---------------------------------------------------------------------------------------------
cat("== 2. citizens-raking\n")
# Adults (18+) per region: plausible, scaled to about 52 million.
adults_region <- c(`11` = 9450000, `24` = 2080000, `27` = 2290000, `28` = 2700000, `32` = 4650000,
                   `44` = 4430000, `52` = 2990000, `53` = 2690000, `75` = 4850000, `76` = 4750000,
                   `84` = 6300000, `93` = 4040000, `94` = 280000)
N <- sum(adults_region)
# sexage: 11..15 men, 21..25 women; age bands 18-24, 25-34, 35-49, 50-64, 65+.
sexage_codes <- c(11L, 12L, 13L, 14L, 15L, 21L, 22L, 23L, 24L, 25L)
sexage_share <- c(0.053, 0.075, 0.122, 0.120, 0.110, 0.052, 0.078, 0.126, 0.128, 0.136)
stopifnot(abs(sum(sexage_share) - 1) < 1e-12)
adults_sexage <- round(N * sexage_share)
adults_sexage[10] <- N - sum(adults_sexage[1:9])          # make the margin sum exactly to N
adults_urbain <- c(round(N * 0.22), 0)                     # 1 rural, 2 urban
adults_urbain[2] <- N - adults_urbain[1]
stopifnot(sum(adults_sexage) == N, sum(adults_urbain) == N)

n <- 3000
# Online-panel sample: regions NOT proportional to population (small regions boosted, Ile-de-France
# under-represented), young men and the oldest under-represented, rural over-represented.
p_region <- c(0.140, 0.060, 0.057, 0.065, 0.085, 0.080, 0.070, 0.072, 0.090, 0.090, 0.105, 0.075, 0.011)
p_sexage <- c(0.028, 0.070, 0.125, 0.145, 0.075, 0.055, 0.095, 0.152, 0.160, 0.095)
citizens <- data.frame(id = sprintf("C%04d", seq_len(n)),
                       region = sample(regions, n, replace = TRUE, prob = p_region),
                       sexage = sample(sexage_codes, n, replace = TRUE, prob = p_sexage))
# Rural probability depends on the region (Ile-de-France and PACA mostly urban).
p_rural <- c(`11` = 0.06, `24` = 0.32, `27` = 0.38, `28` = 0.33, `32` = 0.24, `44` = 0.32, `52` = 0.32,
             `53` = 0.33, `75` = 0.38, `76` = 0.33, `84` = 0.27, `93` = 0.10, `94` = 0.38)
citizens$urbain <- ifelse(runif(n) < p_rural[as.character(citizens$region)], 1L, 2L)
citizens$w0 <- 1
stopifnot(all(table(citizens$region) > 0), length(table(citizens$sexage)) == 10, length(table(citizens$urbain)) == 2)

margins <- rbind(
  data.frame(variable = "region", category = regions, total = as.double(adults_region)),
  data.frame(variable = "sexage", category = sexage_codes, total = as.double(adults_sexage)),
  data.frame(variable = "urbain", category = 1:2, total = as.double(adults_urbain)))
population_totals <- c(`(Intercept)` = N,
  setNames(adults_region[-1], paste0("factor(region)", regions[-1])),
  setNames(adults_sexage[-1], paste0("factor(sexage)", sexage_codes[-1])),
  setNames(adults_urbain[-1], "factor(urbain)2"))
cal_formula <- ~factor(region) + factor(sexage) + factor(urbain)

des <- svydesign(ids = ~1, weights = ~w0, data = citizens)
raked <- calibrate(des, cal_formula, population = population_totals,
                   calfun = "raking", epsilon = 1e-13, maxit = 500)
raking_final <- weights(raked)

# Cross-check with iterative proportional fitting (rake).
raked_ipf <- rake(des, list(~region, ~sexage, ~urbain),
                  list(data.frame(region = regions, Freq = adults_region),
                       data.frame(sexage = sexage_codes, Freq = adults_sexage),
                       data.frame(urbain = 1:2, Freq = adults_urbain)),
                  control = list(maxit = 1000, epsilon = 1e-12))
cat(sprintf("  rake() vs calibrate(): max relative difference of the weights %.3g\n",
            max(abs(weights(raked_ipf) / raking_final - 1))))

write_plain(citizens[, c("id", "region", "sexage", "urbain", "w0")], "citizens-sample.csv")
write_plain(margins, "citizens-margins.csv")
write_plain(data.frame(id = citizens$id, start = citizens$w0, final = raking_final), "citizens-raking-weights.csv")

check_margins <- function(w, label) {
  off <- c(tapply(w, citizens$region, sum)[as.character(regions)] - adults_region,
           tapply(w, citizens$sexage, sum)[as.character(sexage_codes)] - adults_sexage,
           tapply(w, citizens$urbain, sum)[c("1", "2")] - adults_urbain)
  cat(sprintf("  %s: sum of weights %.10g (N %.10g); max |margin sum - total| %.3g\n",
              label, sum(w), N, max(abs(off))))
}
check_margins(raking_final, "raking")
g2 <- raking_final / citizens$w0
cat(sprintf("  weights min %.10g max %.10g; g (start 1; grake rescales internally) min %.6g max %.6g\n",
            min(raking_final), max(raking_final), min(g2), max(g2)))

# ---------------------------------------------------------------------------------------------
# 3. citizens-bounded
# ---------------------------------------------------------------------------------------------
cat("== 3. citizens-bounded\n")
# Start weight N / n for everybody: with start weight 1 the population / sample ratios exceed 20
# and survey:::grake would first rescale the weights by their mean, so the bounds would apply to a
# different g. With N / n the ratios are near 1 and no rescaling happens.
w_start <- N / n
citizens_b <- citizens
citizens_b$w0 <- w_start
stopifnot(min(population_totals / colSums(model.matrix(cal_formula, citizens_b) * w_start)) <= 20)
des_b <- svydesign(ids = ~1, weights = ~w0, data = citizens_b)
cat(sprintf("  unbounded g with start N/n: min %.6g max %.6g\n",
            min(raking_final / w_start), max(raking_final / w_start)))

# Bounds tried in turn; the first under which some g bind (and calibration converges) is kept.
candidate_bounds <- list(c(0.5, 2.0), c(0.6, 1.8), c(0.7, 1.5), c(0.8, 1.25))
for (bounds in candidate_bounds) {
  bounded <- tryCatch(calibrate(des_b, cal_formula, population = population_totals, calfun = "raking",
                                bounds = bounds, epsilon = 1e-13, maxit = 500),
                      error = function(e) NULL)
  if (is.null(bounded)) stop("bounded calibration failed with bounds ", paste(bounds, collapse = ", "),
                             ": loosen them or the sample skew")
  g <- weights(bounded) / w_start
  at_lower <- sum(abs(g - bounds[1]) <= 1e-12)
  at_upper <- sum(abs(g - bounds[2]) <= 1e-12)
  cat(sprintf("  bounds [%g, %g]: %d g at the lower bound, %d at the upper bound\n",
              bounds[1], bounds[2], at_lower, at_upper))
  if (at_lower + at_upper > 0) break
}
if (at_lower + at_upper == 0) stop("no candidate bounds bind")
bounded_final <- weights(bounded)
write_plain(data.frame(id = citizens$id, start = citizens_b$w0, final = bounded_final), "citizens-bounded-weights.csv")
write_plain(data.frame(lower = bounds[1], upper = bounds[2], epsilon = 1e-13), "citizens-bounded-settings.csv")
check_margins(bounded_final, "bounded")
cat(sprintf("  weights min %.10g max %.10g; g min %.17g max %.17g\n",
            min(bounded_final), max(bounded_final), min(g), max(g)))

# ---------------------------------------------------------------------------------------------
# 4. mayors-collapsed
# ---------------------------------------------------------------------------------------------
cat("== 4. mayors-collapsed\n")
# COLLAPSE: the urban mayors of Corse (cell 942) are dropped from the sample, so population cell 942
# has no respondent; it is merged into its neighbour Corse rural (941), whose population total
# becomes 941 + 942. Every other cell is unchanged. Input population: mayors-population.csv + rule 942 -> 941.
collapsed <- mayors[mayors$cell != 942L, ]
rownames(collapsed) <- NULL
population_c <- population
population_c$Freq[population_c$cell == 941L] <- sum(population$Freq[population$cell %in% c(941L, 942L)])
population_c <- population_c[population_c$cell != 942L, ]
des_c <- svydesign(ids = ~1, weights = ~w0, data = collapsed)
ps_c <- postStratify(des_c, ~cell, population_c)
collapsed_final <- weights(ps_c)
cat(sprintf("  dropped %d respondents (%s)\n", nrow(mayors) - nrow(collapsed),
            paste(mayors$id[mayors$cell == 942L], collapse = " ")))
write_plain(collapsed[, c("id", "region", "urbain", "cell")], "mayors-collapsed-sample.csv")
write_plain(data.frame(variable = "cell", category = population_c$cell, total = as.double(population_c$Freq)),
            "mayors-collapsed-population.csv")
write_plain(data.frame(id = collapsed$id, start = collapsed$w0, final = collapsed_final), "mayors-collapsed-weights.csv")
cat(sprintf("  sum of weights %.10g (population 35795); Corse 941 weight %.17g (= %d / %d)\n",
            sum(collapsed_final), collapsed_final[collapsed$cell == 941L][1],
            population_c$Freq[population_c$cell == 941L], sum(collapsed$cell == 941L)))
cat(sprintf("  weights min %.10g max %.10g\n", min(collapsed_final), max(collapsed_final)))
