#!/usr/bin/env bash
# Hostile sizes: how long `archc render` takes, and how much memory, on inputs made to be
# large: a 300 KB label (of words, and of one word) as SVG and PNG, a 300 KB connection label,
# dense graphs (N systems, M random connections) around and past the layout's element budget
# (ELEMENT_BUDGET in src/layout/engine.rs), and a 20 MB file of 1e6 connections.
#
# Needs hyperfine, GNU time and python3:  apt-get install -y hyperfine time
# Usage: benches/bounds.sh [ARCHC]   (default: a dev build, `cargo build`; pass
#        target/dist/archc, from `cargo build --profile dist`, for recorded figures).
#        A refused diagram exits 1; that is timed too.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (see the header of $0)" >&2; exit 2; }
done
archc="${1:-}"
if [ -z "$archc" ]; then
  cargo build --quiet --manifest-path "$root/Cargo.toml"
  archc="$root/target/debug/archc"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import random, sys
out = sys.argv[1]
r = random.Random(1)
words = ["order", "stock", "sync", "pipeline", "warehouse", "ledger", "export", "import"]
text = " ".join(r.choice(words) for _ in range(300000 // 7))[:300000]
def write(name, body):
    open(f"{out}/{name}.arch", "w").write(body)
write("label-words", 'customer c "C" {\n  system s "%s"\n  system t "T"\n}\ns -> t : rest\n' % text)
write("label-word", 'customer c "C" {\n  system s "%s"\n  system t "T"\n}\ns -> t : rest\n' % ("x" * 300000))
write("edge-label", 'customer c "C" {\n  system s "S"\n  system t "T"\n}\ns -> t : rest "%s"\n' % text)
for n, m in [(100, 2500), (100, 5000), (200, 10000), (1000, 1000000)]:
    lines = ['customer c "C" {'] + [f'  system s{i} "System {i}"' for i in range(n)] + ['}']
    for _ in range(m):
        a, b = r.randrange(n), r.randrange(n - 1)
        lines.append(f"s{a} -> s{b + (b >= a)} : rest")
    write(f"dense-{n}-{m}", "\n".join(lines) + "\n")
PY

cd "$work"
hyperfine -N --runs 3 --ignore-failure --export-markdown "$work/labels.md" \
  "$archc render label-words.arch -o out.svg" \
  "$archc render label-word.arch -o out.svg" \
  "$archc render edge-label.arch -o out.svg" \
  "$archc render label-words.arch -o out.png" \
  "$archc render label-word.arch -o out.png" \
  "$archc render edge-label.arch -o out.png"
cat "$work/labels.md"

echo
printf '%-22s %10s %14s %6s\n' input seconds "max RSS (KiB)" exit
for f in dense-100-2500 dense-100-5000 dense-200-10000 dense-1000-1000000; do
  /usr/bin/time -f '%e %M %x' -o time.txt "$archc" render "$f.arch" -o out.svg 2>/dev/null || true
  # GNU time puts "Command exited with non-zero status N" first when the exit is not 0.
  read -r seconds rss code < <(tail -n 1 time.txt)
  printf '%-22s %10s %14s %6s\n' "$f" "$seconds" "$rss" "$code"
done
