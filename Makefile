# Run `make` or `make help` to list the targets.

GO ?= go
ADDR ?= 127.0.0.1:8080

.DEFAULT_GOAL := help

.PHONY: help site serve test lint exercises bench stress screenshot

help: ## List the targets.
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

site: ## Refresh the chapters' included code and outputs, then regenerate docs/.
	$(GO) run ./tools/site -chapters chapters -out docs

serve: ## Build the site, then serve it on http://127.0.0.1:8080/ (ADDR=host:port to change).
	$(GO) run ./tools/site serve -chapters chapters -out docs -addr $(ADDR)

lint: ## gofmt, go vet, staticcheck.
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needs to be run on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

test: lint exercises ## Everything CI runs: lint, the exercise stubs, all tests with -race (browser test included).
	$(GO) test -race -shuffle=on ./...

exercises: ## Check that every chapter's exercise stubs build and fail their tests (-tags learn).
	@for d in chapters/*/; do \
	  [ -f "$$d/exercise.go" ] || continue; \
	  $(GO) vet -tags learn "./$$d" || exit 1; \
	  if $(GO) test -tags learn -count=1 "./$$d" >/dev/null 2>&1; then \
	    echo "$$d: the exercise tests pass against the stubs in exercise.go; they must fail until solved"; exit 1; \
	  fi; \
	done; echo "exercise stubs: build, and fail their tests as they should"

stress: ## The chapters' tests under -count=5, with GOMAXPROCS=1 and with the default.
	GOMAXPROCS=1 $(GO) test -race -shuffle=on -count=5 ./chapters/...
	$(GO) test -race -shuffle=on -count=5 ./chapters/...

screenshot: ## Refresh tools/site/screenshot.png (the README's picture) with the browser test.
	BROWSER_SCREENSHOTS=$$(mktemp -d) && export BROWSER_SCREENSHOTS && \
	$(GO) test -count=1 -run 'TestBrowser' ./tools/site && cp "$$BROWSER_SCREENSHOTS/chapter-light.png" tools/site/screenshot.png

bench: ## Run the benchmarks and refresh the committed results (slow: minutes).
	$(GO) test -run '^$$' -bench . -benchtime 1x ./tools/site
