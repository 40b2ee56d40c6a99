# Golden values for a multiple-response set exported as 1 (ticked) and blank (not ticked)
# (Tests/PhareKitTests/Clean/MultipleBlankItemsTests.swift, fixture Tests/Fixtures/clean/multi-blank-items).
# Run by hand from the repository root:  Rscript Tests/Oracle/multi-blank-items.R  → Tests/Oracle/multi-blank-items.csv
# The set's definition: a respondent who ticked at least one box answered the question, so their
# blank items are 0; one who ticked none is out of every item's base. Post-stratified on region,
# logit intervals (svyciprop), as the fixture's spec says.
library(survey)
num <- function(x) sprintf("%.17g", x)
d <- read.csv("Tests/Fixtures/clean/multi-blank-items/data/wave-2020.csv")
pop <- read.csv("Tests/Fixtures/clean/multi-blank-items/pop.csv")
items <- c("priorite_01", "priorite_02", "priorite_03")
answered <- rowSums(!is.na(d[items])) > 0
for (v in items) d[[v]] <- ifelse(answered & is.na(d[[v]]), 0, d[[v]])
d$region <- factor(d$region)
d$w0 <- 1
design <- svydesign(ids = ~1, weights = ~w0, data = d)
totals <- pop[pop$variable == "region", ]
ps <- postStratify(design, ~region, data.frame(region = factor(totals$category), Freq = totals$total))
rows <- list()
for (v in items) {
  f <- as.formula(paste0("~I(", v, "==1)"))
  for (level in c("", levels(d$region))) {
    part <- if (level == "") ps else subset(ps, region == level)
    ci <- svyciprop(f, part, method = "logit")
    n <- sum(!is.na(d[[v]]) & (level == "" | d$region == level))
    rows[[length(rows) + 1]] <- data.frame(variable = v, breakdown_value = level, n = n, estimate = num(coef(ci)),
                                           se = num(SE(ci)), lower = num(confint(ci)[1]), upper = num(confint(ci)[2]))
  }
}
write.csv(do.call(rbind, rows), "Tests/Oracle/multi-blank-items.csv", row.names = FALSE, quote = FALSE)
