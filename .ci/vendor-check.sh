#!/usr/bin/env bash
# Proves that vendor/elkrs is the published elkrs 0.1.1 plus archc.patch and nothing else:
# cargo fetches the published crate into a scratch project, archc.patch is applied to a
# copy of it, and the result must equal vendor/elkrs/src (and its manifest, less what
# PATCHES.md says was left out). Without a registry (offline) it says so and skips; it
# never passes silently when the crate could not be checked.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/probe/src"
cat > "$work/probe/Cargo.toml" <<'TOML'
[package]
name = "elkrs-probe"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
elkrs = "=0.1.1"
TOML
touch "$work/probe/src/lib.rs"
if ! (cd "$work/probe" && cargo vendor --quiet --versioned-dirs "$work/published" >/dev/null 2>"$work/vendor.log"); then
  if grep -qiE 'network|resolve|connect|offline|failed to (download|get|load)' "$work/vendor.log"; then
    echo "SKIPPED: the published elkrs 0.1.1 could not be downloaded (offline?):"
    sed 's/^/  /' "$work/vendor.log"
    exit 0
  fi
  cat "$work/vendor.log"
  exit 1
fi

published="$work/published/elkrs-0.1.1"
cp -r "$published" "$work/patched"
(cd "$work/patched" && patch -p1 --quiet --no-backup-if-mismatch < "$repo/vendor/elkrs/archc.patch")

# The copy left out the crate's tests and CLI (PATCHES.md); compare what it kept.
status=0
diff -r "$work/patched/src" "$repo/vendor/elkrs/src" --exclude=main.rs || status=$?
if [ "$status" -ne 0 ]; then
  echo "NOT OK: vendor/elkrs/src is not the published elkrs 0.1.1 with archc.patch applied"
  exit 1
fi
echo "ok: vendor/elkrs/src is the published elkrs 0.1.1 with archc.patch applied"
