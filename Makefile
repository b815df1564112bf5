# The two commands (see README): `make serve` builds the release and serves it at
# http://127.0.0.1:8080/ ; `make test` runs every test. Both install what is missing.
.PHONY: serve test setup build bench screenshots release fuzz
serve:
	./scripts/serve.sh
test:
	./scripts/test.sh
setup:
	./scripts/setup.sh
build:
	./scripts/build.sh
# release/evidence-article-<version>/ + .tar.gz + npm .tgz (README "Hosting a release").
release:
	./scripts/setup.sh
	./scripts/release.sh
# Speed benchmark (README "Benchmark"): ~16 min, `make bench ARGS=--quick` ~7 min.
# Measures dist/ as it is: run ./scripts/build.sh first to measure changed sources.
bench:
	@if [ ! -f dist/index.html ] || [ ! -d node_modules/lighthouse ]; then ./scripts/setup.sh; fi
	@if [ ! -f dist/index.html ]; then ./scripts/build.sh; fi
	node scripts/perf/bench.mjs $(ARGS)
# Refreshes docs/screenshots/ (the tests alone write to the ignored test-results/screenshots/).
screenshots:
	@if [ ! -f dist/index.html ]; then ./scripts/build.sh; fi
	npm run screenshots
# Fuzzing (README "Fuzzing"): each cargo-fuzz target for FUZZ_SECONDS (default 60).
fuzz:
	./scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)
