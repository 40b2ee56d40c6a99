# Golden values for linear calibration with negative weights (Tests/Fixtures/cases/linear-negative;
# Tests/PhareKitTests/Estimate/OutsideUnitIntervalTests.swift).
# Run by hand from the repository root:  Rscript Tests/Oracle/linear-negative.R  → Tests/Oracle/linear-negative.csv
# calibrate(calfun = "linear") on region + sexe + age from weights N/n; q1 = 1 among q1 in {1, 2}
# (9 « Ne sait pas » out of the base), svymean on the zero-filled subset, as phare's estimate stage.
suppressPackageStartupMessages(library(survey))
num <- function(x) sprintf("%.17g", x)
root <- "Tests/Fixtures/cases/linear-negative"
d <- read.csv(file.path(root, "data/wave-2020.csv"))
pop <- read.csv(file.path(root, "pop.csv"))
for (v in c("region", "sexe", "age")) d[[v]] <- factor(d[[v]], levels = pop$category[pop$variable == v])
total <- function(v, c) pop$total[pop$variable == v & pop$category == c]
N <- sum(pop$total[pop$variable == "region"])
d$w0 <- N / nrow(d)
D <- calibrate(svydesign(ids = ~1, weights = ~w0, data = d), ~region + sexe + age,
               population = c(`(Intercept)` = N, region22 = total("region", 22), region33 = total("region", 33),
                              region44 = total("region", 44), sexe2 = total("sexe", 2),
                              age2 = total("age", 2), age3 = total("age", 3)),
               calfun = "linear")
ok <- d$q1 %in% c(1, 2)
rows <- list()
for (level in c("", levels(d$region))) {
  keep <- ok & (level == "" | d$region == level)
  D$variables$.y <- ifelse(ok, as.numeric(d$q1 == 1), 0)
  m <- svymean(~.y, D[keep, ])
  rows[[length(rows) + 1]] <- data.frame(region = level, n = sum(keep), estimate = num(coef(m)[[1]]),
                                         se = num(SE(m)[[1]]), negative_weights = sum(weights(D)[keep] <= 0))
}
write.csv(do.call(rbind, rows), "Tests/Oracle/linear-negative.csv", row.names = FALSE, quote = FALSE)
