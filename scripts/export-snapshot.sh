#!/usr/bin/env bash
# Exports JSON and Markdown for the bundled sample, the dev sets in
# ../shared/eval/dev and the stories in tests/stories, with a given binary,
# into a folder: one file per input and format, stderr and exit status
# beside it. Each set is exported a second time as saved web pages
# (scripts/html-pages.py, written to target/export-snapshot-pages), so
# that reading HTML is covered too.
#
# For refactors that must not change any output:
#   scripts/export-snapshot.sh target/before/parallax /tmp/before
#   scripts/export-snapshot.sh target/release/parallax /tmp/after
#   diff -r /tmp/before /tmp/after && echo byte-identical
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BINARY OUT_DIR" >&2
  exit 2
fi
binary=$(realpath "$1")
out=$2
cd "$(dirname "$0")/.."
mkdir -p "$out"

# name, then the paths given to the binary (none: the bundled sample).
inputs=("sample:")
for dir in ../shared/eval/dev/*/; do
  [ -d "$dir" ] && inputs+=("dev-$(basename "$dir"):$dir")
done
for dir in tests/stories/*/articles/; do
  [ -d "$dir" ] && inputs+=("story-$(basename "$(dirname "$dir")"):$dir")
done

# The same articles as web pages, at a fixed path (paths are in the exports).
pages=target/export-snapshot-pages
rm -rf "$pages"
for entry in "${inputs[@]}"; do
  name=${entry%%:*}
  path=${entry#*:}
  [ -z "$path" ] && path=seeds/
  # shellcheck disable=SC2046 # one argument per article file
  python3 scripts/html-pages.py "$pages/$name" $(find "$path" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) | sort)
  inputs+=("pages-$name:$pages/$name/")
done

for entry in "${inputs[@]}"; do
  name=${entry%%:*}
  path=${entry#*:}
  for format in json markdown; do
    # The exit status is kept in the snapshot too: a change in it is a change.
    status=0
    # shellcheck disable=SC2086 # an empty $path means no argument
    "$binary" export --format "$format" $path >"$out/$name.$format" 2>"$out/$name.$format.stderr" || status=$?
    echo "$status" >"$out/$name.$format.status"
  done
done
echo "${#inputs[@]} inputs, 2 formats each, in $out"
