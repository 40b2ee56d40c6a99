# SPSS and Stata fixtures of issue 16, written by an independent writer (R haven / its ReadStat)
# from the committed CSV exports and codebooks, so phare's .sav/.dta reader is tested against files
# it did not write itself.
#
# Rerun from the repository root (R 4.2, haven 2.5.1, yaml; deterministic, about a second):
#   Rscript Fixtures/spss/make-fixtures.R
#
# Reads  Fixtures/institutions/maires-2016.csv (';', UTF-8 with BOM), Fixtures/citoyens/citoyens-2015.csv
#        (','), Pipelines/codebooks/institutions.yml and Pipelines/codebooks/citoyens.yml.
# Writes under Fixtures/spss/:
#   maires-2016.sav, maires-2016.zsav, maires-2016.dta, citoyens-2015.sav, citoyens-2015.dta —
#     the export's columns, named and ordered as its header (personal columns kept: phare must drop
#     them itself). Every cell as the CSV holds it: columns of codebook type single, scale, numeric
#     and the 0/1 item columns of a multiple set are doubles (blank = system-missing); identifier,
#     personal, text and one-cell multiple sets (q8, `1|3`) are UTF-8 strings. Variable labels are
#     the codebook's `label:` (an item's label for an item column), value labels its `values:` (0
#     « Non cité » / 1 « Cité » on item columns, which the codebook leaves unlabelled), and the
#     codebook's `missing:` codes (9 or 99 « Ne sait pas », 99 « Pas de réponse » for q8) are:
#       .sav/.zsav  SPSS user-missing values (labelled_spss na_values), labelled as in the codebook;
#       .dta        Stata extended missing values, the k-th `missing:` code of a variable as .a, .b, …
#                   (tagged_na), labelled as in the codebook; a blank stays system-missing (.).
#     Stata labels no strings: in the .dta, q8 is a plain string ("99" stays "99").
#   Rows a typed file cannot hold are left out, each named on stdout: a CSV row with too few fields,
#   and text in a numeric column (« Peut-être » in q3, « trente » in age). phare quarantines every
#   one of them in the CSV export (checked: none is in Tests/Oracle/pipelines/*-clean.csv, the clean
#   tables phare writes from these exports), so the .sav/.dta and the CSV give the same kept rows,
#   weights and indicators; the files read fewer rows than the CSV (see README.md for the counts).
#   Bad files, each for one error path of the reader:
#     truncated.sav            maires-2016.sav cut to half its bytes (the data ends mid-case);
#     corrupted.sav            its 176-byte header kept, the next 2048 bytes (the dictionary)
#                              overwritten with seeded random bytes;
#     not-a-sav.sav            the first 11 lines (header + 10 rows) of maires-2016.csv, renamed;
#     contradicting-labels.sav the mayors wave, region labelled 11 « Bretagne » (the codebook says
#                              Île-de-France) and 99 « Étranger » (not a codebook code), 99 in the
#                              first two rows (M1000, M1001);
#     old-version.dta          the mayors wave as a Stata 8 file (release 113; Région named
#                              REGION, a codebook source name, as Stata 8 names are ASCII), its
#                              release byte patched to 100: haven writes only releases 113–119, all of which
#                              ReadStat reads (it reads 104–119), so no real writer is at hand.
#   The headers' creation timestamps (which ReadStat takes from the clock) are set to a fixed one,
#   so a rerun writes the same bytes. The script then reads every file back with haven and stops on
#   any difference from the CSV and codebook.
suppressPackageStartupMessages({
  library(haven)
  library(yaml)
})

out <- "Fixtures/spss"
if (!dir.exists(out)) stop("run from the repository root: Rscript Fixtures/spss/make-fixtures.R")

item_labels <- c("Non cité" = 0, "Cité" = 1)

# --- Inputs ---------------------------------------------------------------------------------------

# Codes of a codebook map ({9: Ne sait pas}) as a named double vector, names = labels.
codes_of <- function(map) {
  if (is.null(map)) return(NULL)
  labels <- unlist(map)
  stopifnot(is.character(labels), !anyNA(suppressWarnings(as.numeric(names(map)))))
  setNames(as.numeric(names(map)), labels)
}

# Per CSV column, what the codebook says of it: label, whether it is numeric, value labels, missing codes.
columns_of <- function(codebook_file, header) {
  variables <- yaml::read_yaml(codebook_file)$variables
  spec <- list()
  for (name in names(variables)) {
    v <- variables[[name]]
    stopifnot(is.null(v$waves))
    if (identical(v$type, "multiple") && !is.null(v$items)) {
      for (item in names(v$items)) {
        label <- if (is.list(v$items[[item]])) v$items[[item]]$label else v$items[[item]]
        spec[[item]] <- list(type = "item", label = label, values = item_labels, missing = NULL)
      }
      next
    }
    column <- intersect(if (is.null(v$source)) name else unlist(v$source), header)
    if (length(column) != 1) stop(sprintf("%s: variable %s has %d columns in the export", codebook_file, name,
                                          length(column)))
    spec[[column]] <- list(type = v$type, label = v$label, values = codes_of(v$values),
                           missing = codes_of(v$missing), separator = v$separator)
  }
  unmapped <- setdiff(header, names(spec))
  if (length(unmapped) > 0) stop(sprintf("%s: columns not in the codebook: %s", codebook_file,
                                         paste(unmapped, collapse = ", ")))
  for (column in header) {
    s <- spec[[column]]
    spec[[column]]$numeric <- s$type %in% c("single", "scale", "numeric", "item") && is.null(s$separator)
  }
  spec[header]
}

# The export as text, every cell exact; rows a typed file cannot hold are left out and reported.
read_export <- function(file, sep, spec_file, clean_table) {
  d <- read.csv(file, sep = sep, colClasses = "character", check.names = FALSE, fileEncoding = "UTF-8-BOM",
                na.strings = character(0), quote = "\"", comment.char = "", strip.white = FALSE, fill = TRUE)
  fields <- count.fields(file, sep = sep, quote = "\"", comment.char = "", blank.lines.skip = FALSE)
  stopifnot(length(fields) == nrow(d) + 1, !anyNA(fields))  # no quoted line break: row i is line i + 1
  spec <- columns_of(spec_file, names(d))
  reason <- ifelse(fields[-1] != ncol(d), sprintf("%d fields, the header has %d", fields[-1], ncol(d)), NA)
  for (column in names(d)[vapply(spec, `[[`, TRUE, "numeric")]) {
    cells <- d[[column]]
    number <- suppressWarnings(as.numeric(cells))
    text <- cells != "" & is.na(number)
    reason[text & is.na(reason)] <- sprintf("text '%s' in numeric column %s", cells[text & is.na(reason)], column)
    inexact <- !text & cells != "" & as.character(number) != cells
    if (any(inexact)) stop(sprintf("%s: %s holds numbers that do not print back as written: %s", file, column,
                                   paste(unique(cells[inexact]), collapse = " ")))
  }
  left_out <- which(!is.na(reason))
  for (i in left_out) cat(sprintf("  %s line %d (%s): left out, %s\n", basename(file), i + 1, d[[1]][i], reason[i]))
  # Leaving a row out keeps the indicators only if phare quarantines it in the CSV export: it must
  # be absent from the clean table phare writes from that export (committed for the R oracle).
  kept_lines <- read.csv(clean_table, colClasses = "character")$line
  if (any(as.character(left_out + 1) %in% kept_lines)) stop(sprintf("%s: a row left out is kept by phare (%s)",
                                                                    file, clean_table))
  list(data = d[-left_out, , drop = FALSE], spec = spec, read = nrow(d), left_out = length(left_out))
}

# --- Writers --------------------------------------------------------------------------------------

as_number <- function(cells) ifelse(cells == "", NA_real_, suppressWarnings(as.numeric(cells)))

sav_table <- function(d, spec) {
  columns <- lapply(names(d), function(column) {
    s <- spec[[column]]
    labels <- c(s$values, s$missing)
    if (s$numeric) {
      x <- labelled_spss(as_number(d[[column]]), labels = labels, na_values = unname(s$missing), label = s$label)
      attr(x, "format.spss") <- "F8.0"
      return(x)
    }
    if (is.null(labels)) return(structure(d[[column]], label = s$label))
    labelled_spss(d[[column]], labels = setNames(as.character(labels), names(labels)),
                  na_values = as.character(unname(s$missing)), label = s$label)
  })
  tibble::as_tibble(setNames(columns, names(d)))
}

dta_table <- function(d, spec) {
  columns <- lapply(names(d), function(column) {
    s <- spec[[column]]
    if (!s$numeric) return(structure(d[[column]], label = s$label))
    x <- as_number(d[[column]])
    labels <- s$values
    for (k in seq_along(s$missing)) {
      tag <- tagged_na(letters[k])
      x[!is.na(x) & x == s$missing[[k]]] <- tag
      labels <- c(labels, setNames(tag, names(s$missing)[k]))
    }
    labelled(x, labels = labels, label = s$label)
  })
  tibble::as_tibble(setNames(columns, names(d)))
}

# ReadStat stamps headers with the clock; a fixed stamp keeps reruns byte-identical.
patch <- function(path, offset, pattern, text) {
  bytes <- readBin(path, "raw", file.size(path))
  at <- offset + seq_len(nchar(text, type = "bytes"))
  stopifnot(grepl(pattern, rawToChar(bytes[at])))
  bytes[at] <- charToRaw(text)
  writeBin(bytes, path)
}
# SAV header: creation date (9 bytes) at offset 92, time (8) at 101.
stamp_sav <- function(path) {
  patch(path, 92, "^[0-9 ]{2} [A-Z][a-z]{2} [0-9]{2}$", "29 Nov 26")
  patch(path, 101, "^[0-9]{2}:[0-9]{2}:[0-9]{2}$", "00:00:00")
}
# DTA 118: <timestamp>, one length byte (17), "dd Mon yyyy hh:mm".
stamp_dta <- function(path) {
  bytes <- readBin(path, "raw", file.size(path))
  tag <- grepRaw("<timestamp>", bytes, fixed = TRUE)
  stopifnot(length(tag) == 1, as.integer(bytes[tag + 11]) == 17)
  patch(path, tag + 11, "^[0-9 ]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}$", "29 Nov 2026 00:00")
}

write_wave <- function(wave, stem, title) {
  sav <- sav_table(wave$data, wave$spec)
  dta <- dta_table(wave$data, wave$spec)
  write_sav(sav, file.path(out, paste0(stem, ".sav")))
  stamp_sav(file.path(out, paste0(stem, ".sav")))
  write_dta(dta, file.path(out, paste0(stem, ".dta")), version = 14, label = title)
  stamp_dta(file.path(out, paste0(stem, ".dta")))
  list(sav = sav, dta = dta)
}

# --- The waves ------------------------------------------------------------------------------------

cat("Reading the exports\n")
maires <- read_export("Fixtures/institutions/maires-2016.csv", ";", "Pipelines/codebooks/institutions.yml",
                      "Tests/Oracle/pipelines/institutions-2016-clean.csv")
citoyens <- read_export("Fixtures/citoyens/citoyens-2015.csv", ",", "Pipelines/codebooks/citoyens.yml",
                        "Tests/Oracle/pipelines/citoyens-2015-clean.csv")

written <- list(
  "maires-2016" = write_wave(maires, "maires-2016", "PHARE-Institutions 2016 (fixture from maires-2016.csv)"),
  "citoyens-2015" = write_wave(citoyens, "citoyens-2015", "PHARE-Citoyens 2015 (fixture from citoyens-2015.csv)"))
write_sav(written[["maires-2016"]]$sav, file.path(out, "maires-2016.zsav"), compress = "zsav")
stamp_sav(file.path(out, "maires-2016.zsav"))

# --- Bad files ------------------------------------------------------------------------------------

sav_bytes <- readBin(file.path(out, "maires-2016.sav"), "raw", file.size(file.path(out, "maires-2016.sav")))
writeBin(sav_bytes[seq_len(length(sav_bytes) %/% 2)], file.path(out, "truncated.sav"))

set.seed(16, kind = "Mersenne-Twister", normal.kind = "Inversion", sample.kind = "Rejection")
corrupted <- sav_bytes
corrupted[176 + seq_len(2048)] <- as.raw(sample.int(256, 2048, replace = TRUE) - 1)
writeBin(corrupted, file.path(out, "corrupted.sav"))

writeLines(readLines("Fixtures/institutions/maires-2016.csv", n = 11, encoding = "UTF-8"),
           file.path(out, "not-a-sav.sav"), useBytes = TRUE)

contradicting <- written[["maires-2016"]]$sav
region <- as.numeric(contradicting[["Région"]])
region[1:2] <- 99
region_labels <- attr(contradicting[["Région"]], "labels")
names(region_labels)[region_labels == 11] <- "Bretagne"
contradicting[["Région"]] <- labelled_spss(region, labels = c(region_labels, "Étranger" = 99),
                                           label = attr(contradicting[["Région"]], "label"))
attr(contradicting[["Région"]], "format.spss") <- "F8.0"
write_sav(contradicting, file.path(out, "contradicting-labels.sav"))
stamp_sav(file.path(out, "contradicting-labels.sav"))

old <- file.path(out, "old-version.dta")
old_table <- written[["maires-2016"]]$dta
names(old_table)[names(old_table) == "Région"] <- "REGION"  # Stata 8 names are ASCII
write_dta(old_table, old, version = 8)
# DTA 113 header: release (1), byte order (1), file type (1), unused (1), nvar (2), nobs (4),
# data label (81), then the 18-byte timestamp "dd Mon yyyy hh:mm" + NUL.
patch(old, 91, "^[0-9 ]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}", "29 Nov 2026 00:00")
old_bytes <- readBin(old, "raw", file.size(old))
stopifnot(as.integer(old_bytes[1]) == 113)
old_bytes[1] <- as.raw(100)
writeBin(old_bytes, old)

# --- Read back with haven -------------------------------------------------------------------------

cat("Reading back\n")
check <- function(ok, what) if (!isTRUE(ok)) stop("read back: ", what)
same_labels <- function(a, b) identical(unname(a), unname(b)) && identical(names(a), names(b))

check_sav <- function(file, wave) {
  r <- read_sav(file, user_na = TRUE)
  d <- wave$data
  check(identical(names(r), names(d)) && nrow(r) == nrow(d), paste(file, "columns or rows"))
  for (column in names(d)) {
    s <- wave$spec[[column]]
    x <- r[[column]]
    what <- paste(file, column)
    check(identical(attr(x, "label", exact = TRUE), s$label), paste(what, "variable label"))
    if (s$numeric) {
      check(identical(as.numeric(unclass(x)), as_number(d[[column]])), paste(what, "values"))
      check(same_labels(attr(x, "labels"), c(s$values, s$missing)), paste(what, "value labels"))
      check(identical(attr(x, "na_values"), if (is.null(s$missing)) NULL else unname(s$missing)),
            paste(what, "user-missing values"))
    } else {
      check(identical(trimws(as.character(unclass(x)), "right"), d[[column]]), paste(what, "text"))
      labels <- c(s$values, s$missing)
      check(same_labels(attr(x, "labels"), if (is.null(labels)) NULL else setNames(as.character(labels), names(labels))),
            paste(what, "value labels"))
      check(identical(attr(x, "na_values"), if (is.null(s$missing)) NULL else as.character(unname(s$missing))),
            paste(what, "user-missing values"))
    }
  }
  list(file = file, rows = nrow(r), columns = ncol(r),
       user_missing = sum(vapply(r, function(x) !is.null(attr(x, "na_values")), TRUE)))
}

check_dta <- function(file, wave) {
  r <- read_dta(file)
  d <- wave$data
  check(identical(names(r), names(d)) && nrow(r) == nrow(d), paste(file, "columns or rows"))
  tagged <- 0
  for (column in names(d)) {
    s <- wave$spec[[column]]
    x <- r[[column]]
    what <- paste(file, column)
    check(identical(attr(x, "label", exact = TRUE), s$label), paste(what, "variable label"))
    if (!s$numeric) {
      check(identical(as.vector(x), d[[column]]), paste(what, "text"))
      next
    }
    expected <- as_number(d[[column]])
    tags <- na_tag(x)
    missing_code <- !is.na(expected) & expected %in% s$missing
    check(identical(!is.na(tags), missing_code), paste(what, "tagged positions"))
    check(all(tags[missing_code] == letters[match(expected[missing_code], s$missing)]), paste(what, "tags"))
    check(identical(as.numeric(x)[!missing_code], expected[!missing_code]), paste(what, "values"))
    labels <- attr(x, "labels")
    if (is.null(labels)) labels <- setNames(numeric(0), character(0))
    values <- if (is.null(s$values)) labels[0] else s$values
    check(same_labels(labels[!is.na(labels)], values), paste(what, "value labels"))
    check(identical(names(labels)[is.na(labels)], as.character(names(s$missing))) &&
            identical(as.character(na_tag(labels[is.na(labels)])), letters[seq_along(s$missing)]),
          paste(what, "missing labels"))
    tagged <- tagged + sum(missing_code)
  }
  list(file = file, rows = nrow(r), columns = ncol(r), tagged = tagged)
}

for (s in list(check_sav(file.path(out, "maires-2016.sav"), maires),
               check_sav(file.path(out, "maires-2016.zsav"), maires),
               check_sav(file.path(out, "citoyens-2015.sav"), citoyens))) {
  cat(sprintf("  %s: %d rows, %d columns, %d with user-missing values\n", s$file, s$rows, s$columns,
              s$user_missing))
}
for (s in list(check_dta(file.path(out, "maires-2016.dta"), maires),
               check_dta(file.path(out, "citoyens-2015.dta"), citoyens))) {
  cat(sprintf("  %s: %d rows, %d columns, %d cells tagged missing\n", s$file, s$rows, s$columns, s$tagged))
}
for (wave in list(list(name = "maires-2016", w = maires), list(name = "citoyens-2015", w = citoyens))) {
  cat(sprintf("  %s: CSV rows %d, left out %d, in the .sav/.dta %d\n", wave$name, wave$w$read, wave$w$left_out,
              nrow(wave$w$data)))
}

r <- read_sav(file.path(out, "contradicting-labels.sav"), user_na = TRUE)
check(identical(as.numeric(r[["Région"]])[1:2], c(99, 99)) &&
        names(attr(r[["Région"]], "labels"))[attr(r[["Région"]], "labels") == 11] == "Bretagne",
      "contradicting-labels.sav region")
cat("  contradicting-labels.sav: reads; Région 11 = Bretagne, 99 = Étranger in rows 1-2\n")
for (bad in c("truncated.sav", "corrupted.sav", "not-a-sav.sav", "old-version.dta")) {
  reader <- if (grepl("dta$", bad)) read_dta else read_sav
  message <- tryCatch({
    reader(file.path(out, bad))
    NA_character_
  }, error = function(e) conditionMessage(e))
  check(!is.na(message), paste(bad, "was read without error"))
  cat(sprintf("  %s: haven fails: %s\n", bad, gsub("\\s+", " ", message)))
}
