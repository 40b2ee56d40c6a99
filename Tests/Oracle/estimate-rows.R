# Shared by Tests/Oracle/indicators.R and Tests/Oracle/calibration.R: the domains (nation, each
# region, each urbain) of a design and one golden row of estimates.csv for a variable y on the
# domain ∩ base subset (one variable per call, zero-filled, as R's svymean on a subset keeps all rows).
domains <- function(D) {
  v <- D$variables
  c(list(list("national", "", rep(TRUE, nrow(v)))),
    lapply(sort(unique(v$region)), function(r) list("region", r, v$region == r)),
    lapply(sort(unique(v$urbain)), function(u) list("urbain", u, v$urbain == u)))
}
row_of <- function(case, dom, variable, category, statistic, D, y, base) {
  ok <- base & dom[[3]]
  if (sum(ok) == 0) return(NULL)
  D$variables$.y <- ifelse(is.na(y), 0, y)
  sub <- D[ok, ]
  mn <- svymean(~.y, sub, deff = TRUE)
  ci <- confint(mn)
  r <- data.frame(case = case, breakdown = dom[[1]], value = dom[[2]], variable = variable, category = category,
                  statistic = statistic, estimate = coef(mn)[[1]], se = SE(mn)[[1]], deff = deff(mn)[[1]],
                  n = sum(ok), weighted_n = sum(weights(D)[ok]), df = degf(sub),
                  lower_mean = NA, upper_mean = NA, lower_logit = NA, upper_logit = NA, lower_beta = NA, upper_beta = NA)
  if (statistic == "mean") {
    r$lower_mean <- ci[1]; r$upper_mean <- ci[2]
  } else {
    for (method in c("mean", "logit", "beta")) {
      p <- tryCatch(attr(svyciprop(~.y, sub, method = method), "ci"), error = function(e) c(NA, NA))
      r[[paste0("lower_", method)]] <- p[[1]]; r[[paste0("upper_", method)]] <- p[[2]]
    }
  }
  r
}
