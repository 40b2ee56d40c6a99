# Golden quantiles for Tests/PhareKitTests/Statistics/QuantileTests.swift.
# Run by hand from the repository root:  Rscript Tests/Oracle/quantiles.R
# Writes Tests/Oracle/quantiles.csv (committed), so CI needs no R.
cases <- rbind(
  data.frame(distribution = "normal", p = c(0.975, 0.995, 0.025, 0.5), a = NA, b = NA),
  data.frame(distribution = "t", p = c(0.975, 0.975, 0.995, 0.975), a = c(22, 303, 303, 1), b = NA),
  data.frame(distribution = "beta", p = c(0.025, 0.975, 0.025, 0.975), a = c(3, 12.5, 0.5, 87.5), b = c(8, 3.25, 30, 14))
)
cases$value <- mapply(function(d, p, a, b) switch(d,
  normal = qnorm(p),
  t = qt(p, a),
  beta = qbeta(p, a, b)), cases$distribution, cases$p, cases$a, cases$b)
out <- cases
for (column in c("p", "a", "b", "value")) out[[column]] <- ifelse(is.na(cases[[column]]), "", sprintf("%.17g", cases[[column]]))
write.csv(out, "Tests/Oracle/quantiles.csv", row.names = FALSE, quote = FALSE)
