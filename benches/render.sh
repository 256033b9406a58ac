#!/usr/bin/env bash
# Whole-process speed and peak memory of `archc render` next to Graphviz `dot -Tsvg`, on the
# same review-shaped graphs (benches/gen_review.py) of 10, 50, 200 and 1000 nodes.
#
# dot gets `archc export FILE --to dot`: clusters nested as the model, the same edges and
# labels. It runs with -Gnewrank=true, without which Graphviz 2.43 (Debian) stops with
# "trouble in init_rank" on clustered graphs of a few hundred nodes.
#
# Needs hyperfine, graphviz and python3:  apt-get install -y hyperfine graphviz
# Usage: benches/render.sh [SIZES...]      (default: 10 50 200 1000)
# Prints a Markdown table per size (hyperfine) and a peak-memory table (GNU time's max RSS).
# Timings are wall-clock: on a shared machine, read them next to each other, not alone.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 50 200 1000)
for tool in hyperfine dot python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (see the header of $0)" >&2; exit 2; }
done

cargo build --quiet --profile dist --manifest-path "$root/Cargo.toml"
archc="$root/target/dist/archc"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for n in "${sizes[@]}"; do
  python3 "$root/benches/gen_review.py" --nodes "$n" >"$work/review-$n.arch"
  "$archc" export "$work/review-$n.arch" --to dot >"$work/review-$n.dot"
done

for n in "${sizes[@]}"; do
  runs=20
  [ "$n" -ge 1000 ] && runs=5
  echo
  echo "### $n nodes"
  # Output goes to stdout, which hyperfine discards (never `-o /dev/null`: the atomic writer
  # would rename a temporary file over it).
  hyperfine -N --warmup 2 --runs "$runs" --style basic \
    --export-markdown "$work/time-$n.md" \
    -n "archc render" "$archc render $work/review-$n.arch" \
    -n "dot -Tsvg" "dot -Gnewrank=true -Tsvg $work/review-$n.dot" >/dev/null
  cat "$work/time-$n.md"
done

echo
echo "### Peak memory (max RSS)"
echo
echo "| nodes | archc render | dot -Tsvg |"
echo "|---:|---:|---:|"
for n in "${sizes[@]}"; do
  ours=$(/usr/bin/time -f %M "$archc" render "$work/review-$n.arch" 2>&1 >/dev/null | tail -1)
  theirs=$(/usr/bin/time -f %M dot -Gnewrank=true -Tsvg "$work/review-$n.dot" 2>&1 >/dev/null | tail -1)
  echo "| $n | $((ours / 1024)) MB | $((theirs / 1024)) MB |"
done
