# Golden values for the intervals R's svyciprop does not give (Tests/PhareKitTests/Estimate/ConfidenceIntervalTests.swift).
# Run by hand from the repository root:  Rscript Tests/Oracle/intervals.R  → Tests/Oracle/intervals.csv
# Clopper–Pearson from binom.test (phare's interval where a proportion is exactly 0 or 1);
# Wilson's score interval on an effective n with a t quantile, written out from its formula.
num <- function(x) sprintf("%.17g", x)
rows <- list()
for (case in list(c(0, 20), c(20, 20), c(0, 7), c(5, 5))) {
  ci <- binom.test(case[1], case[2])$conf.int
  rows[[length(rows) + 1]] <- data.frame(method = "clopper-pearson", p = case[1] / case[2], n = case[2], df = NA,
                                         lower = ci[1], upper = ci[2])
}
for (case in list(c(0.3, 50, 49), c(0.05, 120.5, 80), c(0.9, 12.25, 11))) {
  p <- case[1]; n <- case[2]; z <- qt(0.975, case[3])
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  rows[[length(rows) + 1]] <- data.frame(method = "wilson", p = p, n = n, df = case[3], lower = centre - half,
                                         upper = centre + half)
}
out <- do.call(rbind, rows)
for (column in c("p", "n", "df", "lower", "upper")) out[[column]] <- ifelse(is.na(out[[column]]), "", num(out[[column]]))
write.csv(out, "Tests/Oracle/intervals.csv", row.names = FALSE, quote = FALSE)
