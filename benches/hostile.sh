#!/usr/bin/env bash
# Hostile inputs at the diagnostics (benches/gen_hostile.py): time and peak memory of
# `archc check` in the human format (the miette snippets) and the short format, to show
# that both stay linear in line length and that "did you mean" is bounded.
#
#   benches/hostile.sh [ARCHC]      # default: a `dist` build; needs hyperfine and GNU time
#
# Inputs and results go to target/bench/hostile/.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hyperfine time)" >&2; exit 2; }
done

archc=${1:-}
if [ -z "$archc" ]; then
    cargo build --profile dist --bin archc
    archc=target/dist/archc
fi
out=target/bench/hostile
python3 benches/gen_hostile.py "$out"

# --ignore-failure: every input has error-level findings (exit 1); only time matters here.
hyperfine -N --warmup 1 --runs 5 --ignore-failure \
    --export-markdown "$out/hyperfine.md" \
    "$archc check $out/wide.arch" \
    "$archc check $out/line59k.arch" \
    "$archc check --format short $out/line9m.arch" \
    "$archc check $out/line9m.arch" \
    "$archc check $out/misspell360k.arch"

echo
echo "peak memory (maximum resident set size) and output size of archc check:"
printf '%-20s %8s %14s %14s\n' input format "max RSS (KiB)" "output bytes"
for input in wide line59k line9m misspell360k; do
    for format in human short; do
        /usr/bin/time -f '%M' -o "$out/rss" "$archc" check --format "$format" "$out/$input.arch" \
            > "$out/output" 2>&1 || true
        # GNU time writes "Command exited with non-zero status 1" above the figure.
        printf '%-20s %8s %14s %14s\n' "$input" "$format" "$(tail -n 1 "$out/rss")" "$(wc -c < "$out/output")"
    done
done
