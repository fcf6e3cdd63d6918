# Run `make` or `make help` to list the targets.

GO ?= go
PYTHON ?= python3
ADDR ?= 127.0.0.1:8080

.DEFAULT_GOAL := help

.PHONY: help site serve test lint exercises progress workbook golden bench sched-trace site-vs-hugo stress screenshot new-chapter rename-module student-edition

help: ## List the targets.
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

site: ## Check every output the site shows (go test), refresh the chapters' included code and outputs, then regenerate docs/.
	$(GO) run ./tools/site -chapters chapters -out docs

serve: ## Serve the course live on http://127.0.0.1:8080/: run and edit its listings, reload on save (ADDR=host:port to change).
	$(GO) run ./tools/site serve -chapters chapters -out docs -addr $(ADDR)

# gofmt checks every Go file but a learner's work: an exercise.go changed
# in place is theirs (make exercises checks the stubs as committed).
lint: ## gofmt, go vet, staticcheck, and actionlint on the GitHub workflow.
	@files=$$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'); \
	mine=$$(git diff --name-only -- 'chapters/*/exercise.go' 2>/dev/null); \
	out=$$(gofmt -l $$(printf '%s\n' $$files | grep -vxF -e "$${mine:-/}")); \
	if [ -n "$$out" ]; then echo "gofmt needs to be run on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) tool actionlint

test: lint exercises ## Everything CI runs: lint, the exercise stubs, all tests with -race (browser test included).
	$(GO) test -race -shuffle=on ./...

exercises: ## Check that every chapter's committed exercise stubs build and fail their tests (-tags learn).
	$(GO) run ./tools/exercise stubs

progress: ## Your progress through the exercises, one line per chapter (WATCH=1: run an exercise again on save).
	$(GO) run ./tools/exercise progress $(if $(filter 1 yes true,$(WATCH)),-watch)

workbook: ## Write your own copy of the course to do the exercises in: make workbook OUT=../my-async-course
	$(GO) run ./tools/studentedition -workbook -out "$$OUT"

# The teacher's kit (CONTRIBUTING.md, "Fork it for your class"). make passes
# the variables given on its command line to the recipes' environment, so the
# recipes read them as "$$NUM" and so on: a TITLE with spaces or quotes
# reaches the tool intact.

new-chapter: ## Scaffold a chapter, then rebuild the site: make new-chapter NUM=12 SLUG=my-topic TITLE="My topic"
	$(GO) run ./tools/newchapter -num "$$NUM" -slug "$$SLUG" -title "$$TITLE"
	$(MAKE) site

rename-module: ## Change the module path everywhere, then build and test: make rename-module MODULE=example.org/their/course
	$(GO) run ./tools/renamemodule -module "$$MODULE"
	$(MAKE) site
	$(GO) build ./...
	$(GO) test ./...

student-edition: ## Write a copy without solutions for students: make student-edition OUT=../handout
	$(GO) run ./tools/studentedition -out "$$OUT"

# Every package whose tests import chapters/internal/golden (or stepper, which
# keeps its files through golden) keeps golden files; go list finds them, so a
# new chapter needs no entry here. Their tests run with -update (no
# benchmarks: there is no -bench), then tools/site's TestGolden rewrites the
# site tool's fixture output.
golden: ## Rewrite every golden file (SVGs, tables, fixture site) from what the tests produce; review with git diff.
	@pkgs=$$($(GO) list -f '{{.ImportPath}} {{join .TestImports " "}} {{join .XTestImports " "}}' ./... | \
	  awk '{for (i = 2; i <= NF; i++) if ($$i ~ /\/chapters\/internal\/(golden|stepper)$$/) { print $$1; break }}'); \
	echo "$(GO) test -count=1 -update:" $$pkgs; \
	$(GO) test -count=1 $$pkgs -update
	$(GO) test -count=1 -run '^TestGolden$$' ./tools/site -update

site-vs-hugo: ## Time the site tool beside Hugo building the same chapters (needs hugo: apt-get install -y hugo).
	bash tools/site/compare-hugo.sh

stress: ## The chapters' tests under -count=5, with GOMAXPROCS=1 and with the default.
	GOMAXPROCS=1 $(GO) test -race -shuffle=on -count=5 ./chapters/...
	$(GO) test -race -shuffle=on -count=5 ./chapters/...

screenshot: site ## Refresh tools/site/screenshot.png (the README's picture) with headless Chromium.
	chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
	  --no-first-run --disable-sync --hide-scrollbars --user-data-dir="$$(mktemp -d)" --window-size=1440,900 \
	  --screenshot=tools/site/screenshot.png "file://$(CURDIR)/docs/introduction/index.html"

bench: ## Run the benchmarks and refresh the committed results (about 7 minutes; PYTHON=python3.13 to pick the Python).
	@echo "tools/site: BenchmarkBuild, the whole site from chapters/ (median of 5 is the figure to quote)"
	$(GO) test -run '^$$' -bench '^BenchmarkBuild$$' -count 5 ./tools/site
	@echo "chapters/05-benefits: about 3 minutes (the sequential 1,000-request fan-out alone takes 50 s)"
	cd chapters/05-benefits && { \
	  $(GO) test -run '^$$' -bench '^BenchmarkFanOut$$/mode=sequential/^n=1000$$' -benchtime 1x -count 1 . && \
	  $(GO) test -run '^$$' -bench '^BenchmarkFanOut$$/mode=sequential/^n=(1|10|100)$$' -benchtime 1x -count 5 . && \
	  $(GO) test -run '^$$' -bench '^BenchmarkFanOut$$/mode=concurrent/' -benchtime 10x -count 5 . && \
	  $(GO) test -run '^$$' -bench '^BenchmarkFanOutTransport$$' -benchtime 10x -count 5 . && \
	  $(GO) test -run '^$$' -bench '^BenchmarkFanOutNoLatency$$' -benchtime 0.5s -count 5 . && \
	  $(GO) test -run '^$$' -bench '^Benchmark(GoroutineMemory|Spawn100k|ThreadStack)$$' -benchtime 1x -count 5 . && \
	  echo "python: $$($(PYTHON) --version 2>&1)"; \
	  $(PYTHON) python/task_memory.py; \
	} > testdata/bench.txt.tmp && mv testdata/bench.txt.tmp testdata/bench.txt
	$(GO) test -run '^TestGenerated$$' ./chapters/05-benefits/ -update
	$(GO) test -run '^$$' -bench '^BenchmarkFanOutTransport$$' -benchtime 20x -count 5 ./chapters/04-gather/ > chapters/04-gather/testdata/bench.txt
	$(GO) test -run '^TestBench(Table|Summary)$$' ./chapters/04-gather/ -update
	@echo "chapters/06-pitfalls: about 1 minute (eight CPU tasks, four ways, at GOMAXPROCS 1 and 2)"
	cd chapters/06-pitfalls && $(GO) test -run '^$$' -bench CPUBound -cpu 1,2 -count 5 . > testdata/bench.txt.tmp && mv testdata/bench.txt.tmp testdata/bench.txt
	$(GO) test -run '^TestBenchTable$$' ./chapters/06-pitfalls/ -update
	@echo "chapters/03-event-loop: about 1 minute (the Go and asyncio task switches, side by side)"
	cd chapters/03-event-loop && { \
	  echo "date: $$(date -u +%Y-%m-%d)"; \
	  echo "cores: $$(getconf _NPROCESSORS_ONLN)"; \
	  echo "go: $$($(GO) env GOVERSION)"; \
	  echo "python: $$($(PYTHON) --version 2>&1)"; \
	  $(GO) test -run '^$$' -bench '^Benchmark(LoopSwitch|PullSwitch|ChannelHandoff)$$' -benchmem -count 5 . && \
	  $(PYTHON) python/bench_switch.py; \
	} > testdata/bench.txt.tmp && mv testdata/bench.txt.tmp testdata/bench.txt
	$(GO) test -run '^TestBenchTable$$' ./chapters/03-event-loop/ -update

# The trace is real time, so no two recordings are alike: the provenance file
# says where and when this one was made, and the picture shows it.
sched-trace: ## Record chapter 03's execution trace of Go's scheduler at work (a second), then redraw its picture.
	cd chapters/03-event-loop/testdata && { \
	  echo "date: $$(date -u +%Y-%m-%d)"; \
	  echo "go: $$($(GO) env GOVERSION)"; \
	  echo "goos: $$($(GO) env GOOS)"; \
	  echo "goarch: $$($(GO) env GOARCH)"; \
	  echo "cpu: $$( { grep -m1 '^model name' /proc/cpuinfo 2>/dev/null || sysctl -n machdep.cpu.brand_string 2>/dev/null || echo unknown; } | sed 's/^model name[^:]*: *//')"; \
	  echo "cores: $$(getconf _NPROCESSORS_ONLN)"; \
	  (cd demos && $(GO) run -trimpath ./sched -trace ../sched.trace.tmp); \
	} > sched-provenance.txt.tmp && mv sched.trace.tmp sched.trace && mv sched-provenance.txt.tmp sched-provenance.txt
	$(GO) test -count=1 -run '^TestSchedPicture$$' ./chapters/03-event-loop/ -update
