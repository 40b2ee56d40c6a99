# Shared by Tests/Oracle/indicators.R, calibration.R, trimming.R, comparisons.R and designs.R: how
# numbers are written, how two results are compared (close_to), the calibration totals of a margins file, the domains (nation, each region, each urbain) of a design
# and the golden rows of estimates.csv for a variable y on the domain ∩ base subset (one variable
# per call, zero-filled, as R's svymean on a subset keeps all rows).

# Doubles as "%.17g" (they read back to the same double), NA as an empty field.
num <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))
write_plain <- function(df, path) {
  for (column in names(df)) if (is.double(df[[column]])) df[[column]] <- num(df[[column]])
  df[is.na(df)] <- ""
  write.csv(df, path, row.names = FALSE, quote = FALSE, na = "")
  cat(sprintf("  wrote %s (%d rows)\n", path, nrow(df)))
}

# Whether x and y agree to the tolerance relative to scale (by default their own size; NA only
# against NA); the worst relative gap of each check is kept in `worst` for the script's summary.
worst <- numeric(0)
close_to <- function(x, y, tolerance, check, scale = pmax(abs(as.vector(x)), abs(as.vector(y)), 1e-300)) {
  x <- as.vector(x)
  y <- as.vector(y)
  if (length(x) != length(y) || !identical(is.na(x), is.na(y))) return(FALSE)
  known <- !is.na(x)
  if (!any(known)) return(TRUE)
  gap <- max(abs(x[known] - y[known]) / scale[known])
  worst[check] <<- max(gap, worst[check], na.rm = TRUE)
  gap <= tolerance
}

# calibrate()'s population for ~factor(v1) + factor(v2) + ... from a variable,category,total file.
population_of <- function(margins, vars) {
  pop <- c(`(Intercept)` = sum(margins$total[margins$variable == vars[1]]))
  for (v in vars) {
    mv <- margins[margins$variable == v, ]
    mv <- mv[order(mv$category), ]
    pop <- c(pop, setNames(mv$total[-1], paste0("factor(", v, ")", mv$category[-1])))
  }
  pop
}

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

# Every golden row of a design: each mean, each coded category (« Ne sait pas », 9, out of the base)
# and, with `nsp_kept`, each category with 9 kept in the base, in every domain.
estimate_rows <- function(case, D, means, coded, nsp_kept = FALSE) {
  rows <- list()
  add <- function(r) if (!is.null(r)) rows[[length(rows) + 1]] <<- r
  v <- D$variables
  for (dom in domains(D)) {
    for (name in means) add(row_of(case, dom, name, "", "mean", D, v[[name]], !is.na(v[[name]])))
    for (name in names(coded)) {
      x <- v[[name]]
      for (code in coded[[name]]) {
        add(row_of(case, dom, name, code, "proportion", D, as.numeric(x == code), !is.na(x) & x != 9))
      }
      if (nsp_kept && 9 %in% x) for (code in c(coded[[name]], 9)) {
        add(row_of(case, dom, paste0(name, "_nsp_kept"), code, "proportion", D, as.numeric(x == code), !is.na(x)))
      }
    }
  }
  do.call(rbind, rows)
}
