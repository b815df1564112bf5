# The two commands (see README): `make serve` builds and serves the widget at
# http://127.0.0.1:8080/ ; `make test` runs every test. Both install what is missing.
.PHONY: serve test setup build bench
serve:
	./scripts/serve.sh
test:
	./scripts/test.sh
setup:
	./scripts/setup.sh
build:
	./scripts/build.sh
bench:
	node scripts/perf/bench.mjs
