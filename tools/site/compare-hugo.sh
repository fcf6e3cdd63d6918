#!/usr/bin/env bash
# Times the site tool beside Hugo, as whole processes, building the same
# chapters: make site-vs-hugo. Both start from a fresh output directory each
# run; the runs alternate, so that a busy moment of the machine falls on
# both. It prints every time and the medians.
#
# Hugo (apt-get install -y hugo) builds each chapter's README.md with
# syntax highlighting (chroma, with CSS classes, as ours) and a table of
# contents, into one bare page per chapter. It does less than the site tool:
# no include directives, no link check, no search index, no print page, no
# cheat sheet or teaching guide.
#
# The site tool is timed twice: "warm", as make site runs it after an earlier
# build (its cache of highlighted code filled, nothing changed), and "cold",
# with that cache turned off (-cache off), as on a fresh machine. Both run
# with -verify=false: make site also has go test check every output it
# shows, which is Go's test cache at work, not building, and Hugo checks
# nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${RUNS:-7}
if ! command -v hugo >/dev/null 2>&1; then
  echo "site-vs-hugo: skipped: hugo is not installed (apt-get install -y hugo)"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/site" ./tools/site

# A Hugo site holding the chapters' READMEs, one page each.
hugo_src="$tmp/hugo"
mkdir -p "$hugo_src/content" "$hugo_src/layouts/_default"
cat >"$hugo_src/config.toml" <<'EOF'
baseURL = "http://localhost/"
title = "course"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.highlight]
  noClasses = false
  codeFences = true
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
[markup.goldmark.renderer]
  unsafe = true
EOF
layout='<!doctype html><html><head><title>{{ .Title }}</title></head><body><nav>{{ .TableOfContents }}</nav><main>{{ .Content }}</main></body></html>'
printf '%s\n' "$layout" >"$hugo_src/layouts/_default/single.html"
printf '%s\n' "$layout" >"$hugo_src/layouts/_default/list.html"
pages=0
for dir in chapters/[0-9][0-9]-*/; do
  name=$(basename "$dir")
  cp "$dir/README.md" "$hugo_src/content/${name#*-}.md"
  pages=$((pages + 1))
done

# seconds runs a command and prints how long it took, in seconds.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

"$tmp/site" -verify=false -out "$tmp/warm-up" >/dev/null # fills the cache for the warm runs
: >"$tmp/warm" ; : >"$tmp/cold" ; : >"$tmp/hugo-times"
for i in $(seq "$runs"); do
  rm -rf "$tmp/out-warm" "$tmp/out-cold" "$tmp/out-hugo"
  seconds "$tmp/site" -verify=false -out "$tmp/out-warm" >>"$tmp/warm"
  seconds "$tmp/site" -verify=false -cache off -out "$tmp/out-cold" >>"$tmp/cold"
  seconds hugo --quiet --source "$hugo_src" --destination "$tmp/out-hugo" >>"$tmp/hugo-times"
done
built=$(find "$tmp/out-hugo" -name index.html | wc -l)
if [ "$built" -lt "$pages" ]; then
  echo "site-vs-hugo: Hugo built $built pages, want $pages: its timing would not compare" >&2
  exit 1
fi

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "$(date -u +%Y-%m-%d), $(getconf _NPROCESSORS_ONLN) cores, $(go env GOVERSION), $(hugo version | cut -d' ' -f1-2), $runs runs each, $pages chapters"
printf '%-28s %s\n' "site tool, warm cache:" "$(tr '\n' ' ' <"$tmp/warm")"
printf '%-28s %s\n' "site tool, no cache:" "$(tr '\n' ' ' <"$tmp/cold")"
printf '%-28s %s\n' "hugo:" "$(tr '\n' ' ' <"$tmp/hugo-times")"
warm=$(median "$tmp/warm") cold=$(median "$tmp/cold") hugo=$(median "$tmp/hugo-times")
awk -v w="$warm" -v c="$cold" -v h="$hugo" 'BEGIN {
  printf "medians: site tool %.3f s warm, %.3f s with no cache; hugo %.3f s\n", w, c, h
  printf "site tool / hugo: %.2f warm, %.2f with no cache\n", w / h, c / h
}'
