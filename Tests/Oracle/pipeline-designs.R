# Shared by Tests/Oracle/pipelines.R and comparisons.R: the calibrated design of each shipped
# pipeline's golden wave, built as its spec says from the committed clean table
# (Tests/Oracle/pipelines/<survey>-<wave>-clean.csv, what `phare clean` writes) and the committed
# Fixtures/populations margins. Equal starting weights, svydesign(ids = ~1); the mayors
# post-stratified on region × urbain (Pipelines/institutions.yml), the citizens raked on region,
# sexe × age and urbain, the associations on region and type, the companies on region and taille.

# The golden wave of each shipped pipeline.
pipeline_waves <- c(institutions = "2016", citoyens = "2015", associations = "2015", entreprises = "2015")

clean_table <- function(survey, wave) {
  d <- read.csv(file.path("Tests/Oracle/pipelines", sprintf("%s-%s-clean.csv", survey, wave)), encoding = "UTF-8",
                colClasses = c(id = "character"))
  d$w0 <- 1
  d
}
# A populations file (variable,category,total), every field as text.
margins_of <- function(path) read.csv(path, colClasses = "character")

# A margin named as in the spec ("region", "sexe*age"): its cell of each row, as the populations file writes it.
cell_of <- function(d, margin) do.call(paste, c(lapply(strsplit(margin, "*", fixed = TRUE)[[1]], function(v) d[[v]]),
                                                sep = "*"))

# Raking with calibrate(calfun = "raking") on every margin; rake() as a cross-check.
raked <- function(d, margins, path) {
  pop <- margins_of(path)
  formula_terms <- character(0)
  totals <- c()
  strata <- list()
  frames <- list()
  for (k in seq_along(margins)) {
    rows <- pop[pop$variable == margins[k], ]
    column <- sprintf("m%d", k)
    d[[column]] <- factor(cell_of(d, margins[k]), levels = rows$category)
    stopifnot(!anyNA(d[[column]]))
    formula_terms <- c(formula_terms, column)
    if (k == 1) totals <- c(`(Intercept)` = sum(as.numeric(rows$total)))
    totals <- c(totals, setNames(as.numeric(rows$total[-1]), paste0(column, rows$category[-1])))
    strata[[k]] <- as.formula(paste("~", column))
    frames[[k]] <- setNames(data.frame(rows$category, as.numeric(rows$total)), c(column, "Freq"))
  }
  des <- svydesign(ids = ~1, weights = ~w0, data = d)
  D <- calibrate(des, as.formula(paste("~", paste(formula_terms, collapse = " + "))), population = totals,
                 calfun = "raking", epsilon = 1e-13, maxit = 500)
  ipf <- rake(des, strata, frames, control = list(maxit = 1000, epsilon = 1e-13))
  cat(sprintf("  rake() vs calibrate(): max relative difference of the weights %.3g\n",
              max(abs(weights(ipf) / weights(D) - 1))))
  D
}

post_stratified <- function(d, margin, path) {
  pop <- margins_of(path)
  rows <- pop[pop$variable == margin, ]
  d$cell <- cell_of(d, margin)
  stopifnot(all(d$cell %in% rows$category))
  postStratify(svydesign(ids = ~1, weights = ~w0, data = d), ~cell,
               data.frame(cell = rows$category, Freq = as.numeric(rows$total)))
}

# The calibrated design of a shipped pipeline's golden wave, as its spec weights it.
pipeline_design <- function(survey) {
  d <- clean_table(survey, pipeline_waves[[survey]])
  population <- function(file) file.path("Fixtures/populations", file)
  switch(survey,
         institutions = post_stratified(d, "region*urbain", population("communes-2016.csv")),
         citoyens = raked(d, c("region", "sexe*age", "urbain"), population("adultes-2015.csv")),
         associations = raked(d, c("region", "type"), population("associations-2015.csv")),
         entreprises = raked(d, c("region", "taille"), population("entreprises-2015.csv")))
}
