#!/usr/bin/env bash
# The scale table of issue 15: generated corpora of 200, 1,000 and 5,000
# articles (stories of 8) and one story of 2,000 articles, each analysed in
# its own process (so peak memory is per size), with time, peak memory,
# passages, recall and precision against the generator's truth; then
# `parallax export --no-model` of the 1,000 and 5,000 corpora timed by
# /usr/bin/time (the export targets are the lexical path's; with the model
# an export of a pile whose vectors are not cached computes them all, which
# takes minutes to hours).
# Exits non-zero if any size falls below its recall or precision floor.
#   scripts/scale-table.sh            (builds the release example and binary)
set -uo pipefail
cargo build --release --example scale --bin parallax >&2 || exit 2
scale=target/release/examples/scale
tmp=$(mktemp -d)
status=0
echo "| articles | time | peak memory | passages | recall | precision |"
echo "|---|---|---|---|---|---|"
for run in "200" "1000 --write $tmp/c1000" "5000 --write $tmp/c5000" "2000 --one-story"; do
  # shellcheck disable=SC2086
  out=$("$scale" $run 2>"$tmp/err") || { status=1; cat "$tmp/err" >&2; }
  grep '^|' <<<"$out"
  grep -v '^|' <<<"$out" >&2
done
for size in 1000 5000; do
  /usr/bin/time -f "parallax export --no-model of $size articles: %e s, %M KiB peak" \
    target/release/parallax export --no-model "$tmp/c$size" --format json >"$tmp/out.json" 2>"$tmp/time" || status=1
  tail -1 "$tmp/time"
  echo "  JSON: $(du -h "$tmp/out.json" | cut -f1)"
done
rm -rf "$tmp"
exit $status
