#!/usr/bin/env bash
# Whole-process figures for `archc check`: hyperfine timings on the worked example and on a
# generated ~5 MB review, and peak memory (GNU time's maximum resident set size) for 1, 2.5
# and 5 MB reviews, to show that memory grows linearly with the input.
#
#   benches/hyperfine.sh            # needs hyperfine and GNU time: apt-get install -y hyperfine time
#
# Targets (issue "compiler core"): under 5 ms whole-process on examples/acme.arch.
# Inputs and results go to target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hyperfine time)" >&2; exit 2; }
done

cargo build --profile dist --bin archc
archc=target/dist/archc
out=target/bench
mkdir -p "$out"

for bytes in 1000000 2500000 5000000; do
    python3 benches/gen_review.py --bytes "$bytes" > "$out/review-$bytes.arch"
done

# -N: no intermediate shell, which would cost more than archc itself on the small example.
# --ignore-failure: a generated review may carry lint findings; only time matters here.
hyperfine -N --warmup 3 --ignore-failure \
    --export-markdown "$out/hyperfine.md" \
    "$archc check examples/acme.arch" \
    "$archc check $out/review-5000000.arch"

echo
echo "peak memory (maximum resident set size) of archc check:"
printf '%12s %14s\n' bytes "max RSS (KiB)"
for file in examples/acme.arch "$out"/review-1000000.arch "$out"/review-2500000.arch "$out"/review-5000000.arch; do
    # time -o keeps GNU time's report apart from archc's own output; exit 1 is fine here.
    /usr/bin/time -f '%M' -o "$out/rss" "$archc" check "$file" > /dev/null 2>&1 || true
    printf '%12s %14s\n' "$(wc -c < "$file")" "$(cat "$out/rss")"
done
