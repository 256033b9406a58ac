#!/usr/bin/env python3
"""Edge crossings of `archc render` next to Graphviz `dot` on the same graphs.

    python3 benches/crossings.py [--archc target/dist/archc] [FILE.arch ...]

Without files: every example, then review-shaped graphs of 10, 50 and 200 nodes from
benches/gen_review.py. For each graph:

- ours: `archc render FILE` (default options); every `<g class="edge">`'s route is a
  polyline of horizontal and vertical segments;
- dot: `archc export FILE --to dot` (clusters nested as the model, the same edges and
  labels) laid out by `dot -Gnewrank=true -Tplain`; each edge's B-spline is sampled into a polyline
  (8 points per cubic piece).

A crossing is a pair of segments of two different edges that properly intersect (touching
at an end or running along each other does not count). Also printed: each diagram's size.
Needs python3, graphviz (`dot`) and a built archc. Standard library only.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SVG = "{http://www.w3.org/2000/svg}"
CELL = 64.0  # grid cell for pairing segments


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def ours(archc, path):
    """(polylines, width, height) of archc's SVG."""
    svg = run([archc, "render", path])
    root = ET.fromstring(svg)
    lines = []
    edge_index = 0
    for g in root.iter(SVG + "g"):
        if g.get("class") != "edge":
            continue
        for p in g.findall(SVG + "path"):
            if p.get("class") == "route":
                # One polyline per subpath: a route is cut where it passes beneath a title.
                for part in p.get("d").split("M")[1:]:
                    nums = [float(v) for v in re.findall(r"-?[0-9.]+", part)]
                    lines.append((edge_index, list(zip(nums[0::2], nums[1::2]))))
        edge_index += 1
    return lines, float(root.get("width")), float(root.get("height"))


def dot(archc, path):
    """(polylines, width, height) of dot's layout of archc's DOT export, in points."""
    source = run([archc, "export", path, "--to", "dot"])
    # newrank: Graphviz 2.43 (Debian) fails with "trouble in init_rank" on clustered graphs of
    # a few hundred nodes without it.
    plain = run(["dot", "-Gnewrank=true", "-Tplain"], input=source)
    lines, width, height = [], 0.0, 0.0
    for line in plain.splitlines():
        fields = shlex.split(line)
        if not fields:
            continue
        if fields[0] == "graph":
            width, height = float(fields[2]) * 72, float(fields[3]) * 72
        elif fields[0] == "edge":
            n = int(fields[3])
            coords = [float(v) * 72 for v in fields[4:4 + 2 * n]]
            control = list(zip(coords[0::2], coords[1::2]))
            lines.append((len(lines), sample_bspline(control)))
    return lines, width, height


def sample_bspline(points, steps=8):
    """dot's splines are piecewise cubic Beziers p0 (p1 p2 p3)+; sample each piece."""
    out = [points[0]]
    for k in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[k:k + 4]
        for i in range(1, steps + 1):
            t = i / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
            out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                        a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def orient(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return 0 if abs(v) < 1e-9 else (1 if v > 0 else -1)


def proper(s, t):
    """The two segments cross at a point inside both (not at an end, not collinear)."""
    (a, b), (c, d) = s, t
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def crossings(polylines):
    grid = {}
    segments = []
    for e, line in polylines:
        for a, b in zip(line, line[1:]):
            if a == b:
                continue
            i = len(segments)
            segments.append((e, (a, b)))
            x0, x1 = sorted((a[0], b[0]))
            y0, y1 = sorted((a[1], b[1]))
            for gx in range(int(x0 // CELL), int(x1 // CELL) + 1):
                for gy in range(int(y0 // CELL), int(y1 // CELL) + 1):
                    grid.setdefault((gx, gy), []).append(i)
    seen = set()
    count = 0
    for cell in grid.values():
        for i_pos, i in enumerate(cell):
            for j in cell[i_pos + 1:]:
                if segments[i][0] == segments[j][0] or (i, j) in seen:
                    continue
                seen.add((i, j))
                if proper(segments[i][1], segments[j][1]):
                    count += 1
    return count


def nodes_in(path):
    text = open(path, encoding="utf-8").read()
    return len(re.findall(r"^\s*(?:system|module)\s", text, re.M))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archc", default=os.path.join(ROOT, "target", "dist", "archc"))
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files
    tmp = tempfile.mkdtemp(prefix="archc-crossings-")
    if not files:
        files = [os.path.join(ROOT, "examples", f) for f in sorted(os.listdir(os.path.join(ROOT, "examples")))
                 if f.endswith(".arch")]
        for n in (10, 50, 200):
            path = os.path.join(tmp, f"review-{n}.arch")
            with open(path, "w", encoding="utf-8") as out:
                out.write(run([sys.executable, os.path.join(ROOT, "benches", "gen_review.py"), "--nodes", str(n)]))
            files.append(path)
    print("| graph | nodes | edges | archc crossings | dot crossings | archc size (px) | dot size (pt) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in files:
        mine, w, h = ours(args.archc, path)
        theirs, dw, dh = dot(args.archc, path)
        name = os.path.relpath(path, ROOT) if path.startswith(ROOT) else os.path.basename(path)
        edges = len({e for e, _ in mine})
        print(f"| {name} | {nodes_in(path)} | {edges} | {crossings(mine)} | {crossings(theirs)} "
              f"| {w:.0f} × {h:.0f} | {dw:.0f} × {dh:.0f} |")


if __name__ == "__main__":
    main()
