#!/usr/bin/env bash
# Installs archc for action.yml, in two steps around the cache:
#
#   install.sh plan    decide how (ARCHC_INSTALL: auto | release | source | path), download
#                      the release binary when that is the way, put its folder on PATH, and
#                      write `method`, `dir` and `key` to $GITHUB_OUTPUT
#   install.sh build   cargo install this action's source into $ARCHC_DIR (on a cache miss)
#
# A release binary is the asset archc-<target>.tar.gz (the `archc` executable, built with
# `cargo build --profile dist --locked`) of the release named by the action's tag (vX.Y.Z);
# docs/ci.md says how releases are made.
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:?run by action.yml, which sets GITHUB_ACTION_PATH}"

output() { printf '%s=%s\n' "$1" "$2" >>"${GITHUB_OUTPUT:?}"; }
fail() { echo "::error title=archc action::$1" >&2; exit 2; }

# The Rust target triple of this runner, or nothing where no release binary is made.
runner_target() {
  case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) echo x86_64-unknown-linux-gnu ;;
    Linux/ARM64) echo aarch64-unknown-linux-gnu ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
  esac
}

# What the binary is built from, so a cached build is reused exactly while the source is the same.
source_hash() {
  (cd "$action_path" && find Cargo.toml Cargo.lock build.rs src assets vendor -type f -print0 |
    LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

# Downloads the release binary of tag $1 into $2/bin; fails quietly when there is none.
download_release() {
  local tag="$1" dir="$2" target url archive
  target="$(runner_target)"
  [[ -n "$target" && "$tag" =~ ^v[0-9] && -n "${ARCHC_ACTION_REPOSITORY:-}" ]] || return 1
  url="${GITHUB_SERVER_URL:-https://github.com}/$ARCHC_ACTION_REPOSITORY/releases/download/$tag/archc-$target.tar.gz"
  archive="$(mktemp)"
  if ! curl -fsSL --retry 2 -o "$archive" "$url"; then
    echo "no release binary at $url"
    return 1
  fi
  mkdir -p "$dir/bin"
  tar -xzf "$archive" -C "$dir/bin" archc
  rm -f "$archive"
  echo "downloaded $url"
}

plan() {
  local install="${ARCHC_INSTALL:-auto}" ref="${ARCHC_ACTION_REF:-}" base key dir
  base="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/archc"
  case "$install" in
    path)
      command -v archc >/dev/null || fail "install: path, but there is no archc on PATH; install it first or use install: auto"
      output method path
      return
      ;;
    auto | release)
      dir="$base/release-$ref"
      if download_release "$ref" "$dir"; then
        output method release
        output dir "$dir"
        echo "$dir/bin" >>"${GITHUB_PATH:?}"
        return
      fi
      [ "$install" = auto ] || fail "install: release, but the action's ref '$ref' has no release binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}; use install: source"
      ;;
    source) ;;
    *) fail "install: '$install' is not one of auto, release, source, path" ;;
  esac
  command -v cargo >/dev/null || fail "building archc needs cargo (a Rust toolchain, 1.85 or newer) on the runner"
  key="archc-${RUNNER_OS:-os}-${RUNNER_ARCH:-arch}-$(source_hash)"
  dir="$base/$key"
  output method source
  output dir "$dir"
  output key "$key"
  echo "$dir/bin" >>"${GITHUB_PATH:?}"
}

build() {
  local dir="${ARCHC_DIR:?set by the plan step}"
  cargo install --locked --path "$action_path" --root "$dir"
}

case "${1:-}" in
  plan) plan ;;
  build) build ;;
  *) fail "usage: install.sh plan|build" ;;
esac
