#!/usr/bin/env python3
"""Writes the hostile inputs of benches/hostile.sh into a folder.

  wide.arch          65,536 spaces then `}`: one finding past column 65,535
  line59k.arch       one 59 KB line of `a -> b : rest;` (7,866 unknown references)
  line9m.arch        the same, 9.6 MB long (1,280,000 findings)
  misspell360k.arch  650 systems with 170-character names, each referenced once
                     misspelled (one edit), about 360 KB: "did you mean" over long names
"""
import random
import sys
from pathlib import Path


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "target/bench/hostile")
    out.mkdir(parents=True, exist_ok=True)
    (out / "wide.arch").write_text(" " * 65_536 + "}\n")
    statement = "a -> b : rest; "
    (out / "line59k.arch").write_text(statement * (59_000 // len(statement)) + "\n")
    (out / "line9m.arch").write_text(statement * (9_600_000 // len(statement)) + "\n")
    rng = random.Random(1)
    names = ["".join(rng.choice("abcdefghij") for _ in range(170)) for _ in range(650)]
    text = "customer c {\n"
    text += "".join(f'  system {n} {{ owner: "x" }}\n' for n in names)
    text += "}\n"
    text += "".join(f"{n[:-1]}q -> {n} : rest\n" for n in names)
    (out / "misspell360k.arch").write_text(text)


if __name__ == "__main__":
    main()
