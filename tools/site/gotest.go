package main

import "regexp"

// This file reads what go test -json writes: the events of cmd/test2json,
// and the build events go test -json adds for packages that do not build
// (since Go 1.24). The verify stage (verify.go) and the runner (runner.go)
// both read it.

// A testEvent is one line of go test -json.
type testEvent struct {
	Action      string // "run", "output", "pass", "fail", "skip", "build-output", "build-fail", ...
	Package     string // the import path, for test events
	Test        string // the test, "" for the package's own output
	Output      string // for "output" and "build-output"
	ImportPath  string // for "build-output" and "build-fail": "pkg_test [pkg.test]"
	FailedBuild string // on a package's "fail": the ImportPath whose build failed
}

// framingLine matches the lines the testing package writes around a
// test's own output: "=== RUN   TestX", "--- PASS: TestX (0.00s)" (indented
// for subtests), the package's "PASS" and "FAIL", and go test's summary
// line for the package ("ok  \tpkg\t0.1s", "FAIL\tpkg 0.1s").
var framingLine = regexp.MustCompile(`^(=== (RUN|PAUSE|CONT|NAME)\b.*|\s*--- (PASS|FAIL|SKIP): .*|PASS|FAIL|ok  \t.*|FAIL\t.*|testing: warning: no tests to run)\n?$`)

// isFraming reports whether the output of one event is a framing line
// (see framingLine). test2json writes each framing line as an event of
// its own.
func isFraming(output string) bool { return framingLine.MatchString(output) }

// compilerLine matches a compiler's or vet's message about a file:
// "chapters/01-hello/hello.go:12:3: undefined: x".
var compilerLine = regexp.MustCompile(`^(\S+\.go):(\d+)(?::\d+)?: (.*)$`)
