#!/usr/bin/env bash
# Opens the HTML review summary of every example in headless Chromium, as a reader would:
# a screenshot of the page on screen, and a print to PDF that is checked three ways:
# - no ink in the page margins (something wider than the page would draw there);
# - no shrink-to-fit (Chromium scales a too-wide page down, then clips what still overflows);
# - every section heading and every word of every table cell is in the PDF's text.
#
# Needs Debian's `chromium` and `poppler-utils` (pdftoppm, pdftotext, pdfinfo):
#   apt-get update && apt-get install -y chromium poppler-utils
# Usage: tests/browser/report.sh [OUT_DIR]   (default: target/browser-report)
# Look at OUT_DIR/*.png afterwards: NAME.png is the screen, NAME-page-N.png the printed pages.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/target/browser-report}"
mkdir -p "$out"
for tool in chromium pdftoppm pdftotext pdfinfo python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (see the header of $0)" >&2; exit 2; }
done

cargo build --quiet --manifest-path "$root/Cargo.toml"
archc="$root/target/debug/archc"

# No network, no updates, no profile: the page must stand on its own.
chromium_headless() {
  local profile
  profile="$(mktemp -d)"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking \
    --disable-component-update --no-first-run --disable-sync --user-data-dir="$profile" "$@" \
    >/dev/null 2>&1
  rm -rf "$profile"
}

status=0
for example in "$root"/examples/*.arch "$root"/tests/table/tricky.arch; do
  name="$(basename "$example" .arch)"
  html="$out/$name.html"
  "$archc" report "$example" --format html -o "$html"

  chromium_headless --window-size=1200,3000 --screenshot="$out/$name.png" "file://$html"
  chromium_headless --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$html"

  pages="$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}')"
  rm -f "$out/$name"-page-*.p?m "$out/$name"-page-*.png
  pdftoppm -r 50 -gray "$out/$name.pdf" "$out/$name-page"
  pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name-page"

  # Ink within 5 mm of a page edge means something overflowed the 14-16 mm print margins.
  if ! python3 - "$out" "$name" <<'PY'
import glob, sys
out, name = sys.argv[1], sys.argv[2]
edge = 10  # pixels at 50 dpi, about 5 mm
bad = []
for path in sorted(glob.glob(f"{out}/{name}-page-*.pgm")):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:  # P5 header: magic, width, height, maxval
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    width, height = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:]
    def dark(x, y):
        return pixels[y * width + x] < 200
    for y in range(height):
        for x in list(range(edge)) + list(range(width - edge, width)):
            if dark(x, y):
                bad.append(f"{path}: ink at x={x}, y={y} (side margin)")
                break
    for y in list(range(edge)) + list(range(height - edge, height)):
        if any(dark(x, y) for x in range(width)):
            bad.append(f"{path}: ink at y={y} (top or bottom margin)")
for line in bad[:10]:
    print(line)
sys.exit(1 if bad else 0)
PY
  then
    echo "FAIL $name: content reaches the page edge" >&2
    status=1
  fi
  rm -f "$out/$name"-page-*.pgm

  # Shrink-to-fit: Chromium scales the whole page down when something is wider than the
  # paper (and clips what still does not fit). Print text is 10 pt, tables 8.5 pt (a 9.9 pt
  # box); the median text box stays above 9 pt unless the page was scaled. (Not the smallest box: a wide diagram is
  # scaled to the page width on purpose, and its labels are small in print.)
  if ! pdftotext -bbox "$out/$name.pdf" - | python3 -c '
import re, sys
heights = [float(b) - float(a) for a, b in
           re.findall(r"yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\"", sys.stdin.read())]
heights.sort()
sys.exit(0 if heights and heights[len(heights) // 2] >= 9.0 else 1)'; then
    echo "FAIL $name: the printed page was shrunk to fit something too wide" >&2
    status=1
  fi

  # Nothing cut off: every section, and every word of every table cell, is in the PDF's text.
  pdftotext "$out/$name.pdf" "$out/$name.txt"
  for kind in integrations gaps inventory risks actions; do
    "$archc" table "$example" --kind "$kind" --format json >"$out/$name-$kind.json"
  done
  if ! python3 - "$out" "$name" <<'PY'
import glob, json, sys
out, name = sys.argv[1], sys.argv[2]
text = "".join(open(f"{out}/{name}.txt", encoding="utf-8").read().split())
sections = ["Current State", "Proposed Architecture", "Integration Points", "Gaps and Mitigations",
            "Prerequisites", "Recommended Next Steps", "Open Questions", "Risks",
            "Non-functional Requirements", "Security and Compliance", "Review Checklist",
            "Integration prerequisites are documented", "Generated by archc"]
missing = ["".join(s.split()) for s in sections if "".join(s.split()) not in text]
for path in sorted(glob.glob(f"{out}/{name}-*.json")):
    for row in json.load(open(path, encoding="utf-8")):
        for cell in row.values():
            # Long tokens may wrap at any <wbr>, so only whole words are looked for.
            missing += [w for w in cell.split() if len(w) <= 20 and w not in text]
for word in missing[:10]:
    print(f"missing from the PDF: {word}")
sys.exit(1 if missing else 0)
PY
  then
    echo "FAIL $name: text is missing from the printed PDF" >&2
    status=1
  fi
  rm -f "$out/$name"-*.json "$out/$name.txt"
  echo "ok   $name: $pages printed pages; screen $out/$name.png, pages $out/$name-page-*.png"
done
exit "$status"
