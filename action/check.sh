#!/usr/bin/env bash
# Runs archc for action.yml: writes SARIF for code scanning (when ARCHC_SARIF names a file),
# then `archc check --format github`, whose findings become annotations and whose exit
# status is the step's. ARCHC_PATHS and ARCHC_ARGS are split on whitespace, unglobbed.
set -euo pipefail

set -f
read -r -d '' -a paths <<<"${ARCHC_PATHS:-.}" || true
read -r -d '' -a args <<<"${ARCHC_ARGS:-}" || true
set +f
((${#paths[@]})) || paths=(.)

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; fi
}

version="$(archc --version)"
echo "$version"
output version "$version"

sarif="${ARCHC_SARIF:-}"
if [ -n "$sarif" ]; then
  # Findings exit 1 and are still written; only 2 (a usage or I/O error) stops here.
  status=0
  archc check --format sarif "${args[@]}" -- "${paths[@]}" >"$sarif" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "::error title=archc::archc check --format sarif failed (exit $status)" >&2
    exit "$status"
  fi
  echo "wrote $sarif"
fi
output sarif "$sarif"

archc check --format github "${args[@]}" -- "${paths[@]}"
