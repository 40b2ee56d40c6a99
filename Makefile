# phare — two commands on a fresh Debian machine with the Swift toolchain: `make run`, `make test`.
SHELL := /bin/bash
SYSTEM_PACKAGES := libcsv-dev libreadstat-dev r-mathlib libxlsxwriter-dev libsqlite3-dev pkg-config
# What the tests run besides phare: PSPP reads the clean.sav files phare writes, openpyxl the
# tables.xlsx workbooks; headless Chromium loads report.html, and python3 with PIL reads its screenshot.
TEST_PACKAGES := pspp python3-openpyxl chromium python3-pil
RELEASE := .build/release
# Every release build links the Swift standard library and Foundation statically, so the binary
# runs where the toolchain is absent (one configuration: the benches and install share its objects).
SWIFT_RELEASE := swift build -c release --static-swift-stdlib
PREFIX ?= /usr/local
DESTDIR ?=
BENCH_DIR := out/bench
BENCH_ROWS := 1000000
SAMPLE := Fixtures/sample/citizens-sample.csv

.PHONY: deps test-deps build install uninstall check-install run test lint format bench bench-data bench-ingest bench-weight bench-estimate bench-rerun bench-run fixtures clean

# Installs the Debian packages $(1) that are missing (apt-get when root, else prints the command).
define install_packages
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages. Run:  sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi
endef

## deps: install the system libraries phare links (apt-get when root, else print the command)
deps:
	$(call install_packages,$(SYSTEM_PACKAGES))

## test-deps: install the independent clients the tests run on phare's outputs (PSPP opens clean.sav, Chromium report.html)
test-deps:
	$(call install_packages,$(TEST_PACKAGES))

## build: release build of the phare command (and of generate-manual, which writes its man page)
build: deps
	$(SWIFT_RELEASE) --product phare
	$(SWIFT_RELEASE) --product generate-manual

## install: the phare binary, its man page and bash, zsh and fish completions under $(DESTDIR)$(PREFIX)
install:
	@# Under sudo nothing is built (root-owned files in .build/ would break the next build): the
	@# binaries must be there and newer than every source, from `make build` run as yourself.
	@if [ -n "$${SUDO_USER:-}" ]; then \
	  for built in $(RELEASE)/phare $(RELEASE)/generate-manual; do \
	    if [ ! -x "$$built" ] || [ -n "$$(find Sources Package.swift -newer "$$built" -print -quit)" ]; then \
	      echo "$$built is missing or older than the sources: run 'make build' as $$SUDO_USER first"; exit 1; \
	    fi; \
	  done; \
	else $(MAKE) --no-print-directory build; fi
	@set -euo pipefail; \
	root="$(DESTDIR)$(PREFIX)"; staging=$$(mktemp -d); trap 'rm -rf "$$staging"' EXIT; \
	$(RELEASE)/generate-manual $(RELEASE)/phare --output-directory "$$staging" \
	  --date "$$(git log -1 --format=%cs 2>/dev/null || date -u +%F)" >/dev/null; \
	for shell in bash zsh fish; do $(RELEASE)/phare --generate-completion-script $$shell > "$$staging/phare.$$shell"; done; \
	install -d "$$root/bin" "$$root/share/man/man1" "$$root/share/bash-completion/completions" \
	  "$$root/share/zsh/site-functions" "$$root/share/fish/vendor_completions.d"; \
	install -m 644 "$$staging/phare.1" "$$root/share/man/man1/phare.1"; \
	install -m 644 "$$staging/phare.bash" "$$root/share/bash-completion/completions/phare"; \
	install -m 644 "$$staging/phare.zsh" "$$root/share/zsh/site-functions/_phare"; \
	install -m 644 "$$staging/phare.fish" "$$root/share/fish/vendor_completions.d/phare.fish"; \
	install -m 755 $(RELEASE)/phare "$$root/bin/.phare.new"; \
	mv -f "$$root/bin/.phare.new" "$$root/bin/phare"; \
	echo "installed $$root/bin/phare ($$("$$root/bin/phare" --version)), its man page and completions"

## uninstall: remove what install wrote
uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/phare" "$(DESTDIR)$(PREFIX)/share/man/man1/phare.1" \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/phare" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_phare" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/phare.fish"

## check-install: install into a temporary prefix and run the bundled job there with the toolchain hidden
check-install: build
	swift build --product phare
	bash Tests/Install/check-install.sh

## run: the main job: every PHARE pipeline and the territorial matrix on the bundled fixtures, into out/
run: build
	$(RELEASE)/phare run Pipelines --out out

## test: the whole test suite
test: deps test-deps
	swift build --build-tests
	swift test --skip-build --disable-xctest

## lint: formatting check, as CI runs it
lint:
	swift format lint --strict --recursive Package.swift Sources Tests

## format: apply the committed .swift-format
format:
	swift format --in-place --recursive Package.swift Sources Tests

## bench: every benchmark
bench: bench-ingest bench-weight bench-estimate bench-rerun bench-run

## bench-estimate: the 16 × 32 indicator matrix on 1,000,000 and 10,000,000 raked respondents vs a one-pass floor, and on a design of 1,000 PSUs in 50 strata vs the first
bench-estimate: deps
	$(SWIFT_RELEASE) --product phare-bench
	$(RELEASE)/phare-bench estimate --rows 1000000
	$(RELEASE)/phare-bench estimate --rows 10000000

## bench-weight: raking, linear and logit calibration of 1,000,000 respondents on 13 + 10 + 2 margins vs one pass over the weights; trimming them vs raking
bench-weight: deps
	$(SWIFT_RELEASE) --product phare-bench
	$(RELEASE)/phare-bench weight --rows 1000000 --tolerance 1e-7

## bench-run: phare run end to end on a generated PHARE citizens wave of 1,000,000 and of 10,000,000 respondents (cached in out/bench) vs the libcsv floor
bench-run: deps
	$(SWIFT_RELEASE) --product phare
	$(SWIFT_RELEASE) --product phare-bench
	$(SWIFT_RELEASE) --product csv-floor
	$(RELEASE)/phare-bench run --rows 1000000 --phare $(RELEASE)/phare --floor $(RELEASE)/csv-floor --data $(BENCH_DIR) --repeat 3
	$(RELEASE)/phare-bench run --rows 10000000 --phare $(RELEASE)/phare --floor $(RELEASE)/csv-floor --data $(BENCH_DIR) --repeat 1

## bench-rerun: phare run on copies of the shipped pipelines: first run, unchanged rerun, one changed wave (median of 3)
bench-rerun: deps
	$(SWIFT_RELEASE) --product phare
	$(SWIFT_RELEASE) --product phare-bench
	$(RELEASE)/phare-bench rerun --phare $(RELEASE)/phare --repeat 3

## bench-data: the PHARE generator's waves with 1,000,000 citizens each, for benchmarks on realistic exports
bench-data: deps
	$(SWIFT_RELEASE) --product phare
	$(RELEASE)/phare synth --citizens 1000000 --published Fixtures/published/published-figures.csv --out $(BENCH_DIR)/synth

## bench-ingest: libcsv floor vs phare ingest on a generated 1,000,000-row export; ReadStat floor vs phare on a 1,000,000-case .sav
bench-ingest: deps
	$(SWIFT_RELEASE) --product phare-bench
	$(SWIFT_RELEASE) --product csv-floor
	$(SWIFT_RELEASE) --product sav-floor
	@mkdir -p $(BENCH_DIR)
	$(RELEASE)/phare-bench generate --rows $(BENCH_ROWS) --seed 42 $(BENCH_DIR)/survey-$(BENCH_ROWS).csv
	$(RELEASE)/phare-bench ingest $(BENCH_DIR)/survey-$(BENCH_ROWS).csv --floor $(RELEASE)/csv-floor --repeat 3
	@test -f $(BENCH_DIR)/citoyens-$(BENCH_ROWS).sav || Rscript Benchmarks/make-sav.R $(BENCH_ROWS) $(BENCH_DIR)/citoyens-$(BENCH_ROWS).sav
	$(RELEASE)/phare-bench ingest-sav $(BENCH_DIR)/citoyens-$(BENCH_ROWS).sav --floor $(RELEASE)/sav-floor --repeat 3

## fixtures: rewrite every committed fixture from its generator (the tests check they are unchanged)
fixtures:
	$(SWIFT_RELEASE) --product phare-bench
	$(SWIFT_RELEASE) --product phare
	$(RELEASE)/phare-bench generate --rows 200 --seed 2016 --separator ';' $(SAMPLE)
	$(RELEASE)/phare synth --out Fixtures
	cd Tests/Fixtures/ingest && python3 make-fixtures.py
	cd Tests/Fixtures/clean && python3 make-mayors.py
	PHARE_WRITE_FIXTURES=1 swift test --disable-xctest --filter theCommittedV1FixtureIsWhatItsGeneratorWrites

clean:
	rm -rf .build out
