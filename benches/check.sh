#!/usr/bin/env sh
# Whole-process timings of `archc check`, as reported in the lint issue:
#   1. 1000 review-sized files in one folder (target: under 1 s), on all cores and on one;
#   2. the lint overhead on one 5 MB review: parse + lower (every lint rule off)
#      against parse + lower + lint (target: at most 20 % more).
# Needs python3 and hyperfine (apt-get install -y hyperfine). Usage: benches/check.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --profile dist --quiet
bin=target/dist/archc
work=${TMPDIR:-/tmp}/archc-bench-check
rm -rf "$work"
mkdir -p "$work"
python3 benches/gen_review.py --files 1000 --out "$work/k1000"
python3 benches/gen_review.py --bytes 5000000 > "$work/big.arch"

# The generated reviews are lint-clean: a finding here would skew the timings.
"$bin" check --format short "$work/k1000" "$work/big.arch"

hyperfine --warmup 3 -N \
  -n "check 1000 files" "$bin check $work/k1000"
if command -v taskset > /dev/null; then
  hyperfine --warmup 1 -N \
    -n "check 1000 files, one core" "taskset -c 0 $bin check $work/k1000"
fi

# Every warning rule off: lint::run checks no rule, so this is parse + lower.
lints_off=$("$bin" explain | awk '$3 == "warning" { printf "--allow %s ", $2 }')
hyperfine --warmup 2 -N \
  -n "5 MB: parse + lower" "$bin check $lints_off $work/big.arch" \
  -n "5 MB: parse + lower + lint" "$bin check $work/big.arch"
