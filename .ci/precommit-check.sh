#!/usr/bin/env bash
# Proves the pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit tool, as a
# user's repository runs them: a scratch git repo with one clean and one faulty `.arch` file
# and a `.pre-commit-config.yaml` naming this repository at its HEAD commit; `pre-commit run`
# must pass each hook on the clean file and fail it, printing the finding, on the faulty
# one. pre-commit builds archc from this repository (language: rust → cargo install, the
# release profile) once, into the one store all runs share, so the run needs cargo and
# crates.io, nothing else. The system hooks (language: system) then run that same binary,
# put on PATH, and must say so plainly when no archc is on PATH: no second build.
#
#   bash .ci/precommit-check.sh            # this repository's HEAD (commit first)
#   ARCHC_REPO=/path/to/clone bash ...     # another clone
set -euo pipefail

repo="${ARCHC_REPO:-$(cd "$(dirname "$0")/.." && pwd)}"
start=$SECONDS
section() { printf '\n=== %s (%ss)\n' "$1" "$((SECONDS - start))"; }

section "pre-commit"
if ! command -v pre-commit >/dev/null 2>&1; then
  python3 -m pip install --quiet 'pre-commit>=3.2,<5'
fi
pre-commit --version
cargo --version

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="${PRECOMMIT_TARGET_DIR:-$work/target}"
export PRE_COMMIT_HOME="$work/store"
export NO_COLOR=1
rev="$(git -C "$repo" rev-parse HEAD)"

section "scratch repository"
scratch="$work/scratch"
mkdir -p "$scratch"
cd "$scratch"
git init -q
git config user.email "ci@archc.invalid"
git config user.name "archc CI"
cat > clean.arch <<'ARCH'
# A fragment: two systems and the connection between them, formatted and lint-clean.
customer acme "Acme Corp" {
  hosting: cloud
  system crm "CRM" { kind: crm, owner: "Sales IT", criticality: high, build: saas, data: [pii] }
  system erp "ERP" { kind: erp, owner: "Finance IT", criticality: high, build: cots, data: [pii] }
}

crm -> erp : rest "Orders" { data: "orders", frequency: daily }
ARCH
cat > faulty.arch <<'ARCH'
# Misaligned on purpose, and the connection names a system that does not exist.
customer acme "Acme Corp" {
    hosting: cloud
    system crm "CRM" { kind: crm, owner: "Sales IT", criticality: high, build: saas, data: [pii] }
}

crm -> erpp : rest "Orders" { data: "orders", frequency: daily }
ARCH
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: archc-check
      - id: archc-fmt
      - id: archc-check-system
      - id: archc-fmt-system
YAML
git add clean.arch faulty.arch .pre-commit-config.yaml
git commit -q -m "fixtures"

section "install the hooks (builds archc once)"
pre-commit install-hooks

failures=0
expectations=0
# expect PASS|FAIL HOOK FILE [TEXT]: run the hook on FILE; the exit status
# must match, and TEXT (if given) must appear in pre-commit's output.
expect() {
  local want="$1" hook="$2" file="$3" text="${4:-}" log="$work/$2-$3.log" status=0
  expectations=$((expectations + 1))
  section "pre-commit run $hook --files $file (expect $want)"
  pre-commit run "$hook" --files "$file" --verbose >"$log" 2>&1 || status=$?
  sed -n '/^\(archc\|- hook id\|- exit code\|- duration\)/,$p' "$log"
  local ok=1
  if [ "$want" = PASS ] && [ "$status" -ne 0 ]; then ok=0; fi
  if [ "$want" = FAIL ] && [ "$status" -eq 0 ]; then ok=0; fi
  if [ -n "$text" ] && ! grep -qF -- "$text" "$log"; then ok=0; fi
  if [ "$ok" -eq 1 ]; then
    echo "ok: $hook on $file: exit $status as expected${text:+, printed \"$text\"}"
  else
    echo "NOT OK: $hook on $file: exit $status, expected $want${text:+ with \"$text\"}; full log:"
    cat "$log"
    failures=$((failures + 1))
  fi
}

expect PASS archc-check clean.arch
expect FAIL archc-check faulty.arch "unknown-reference"
expect PASS archc-fmt clean.arch
expect FAIL archc-fmt faulty.arch "would reformat: faulty.arch"

section "system hooks with no archc on PATH"
# PATH without any directory that holds an archc, so the hooks cannot find one by chance.
bare_path="$(tr ':' '\n' <<<"$PATH" | while read -r dir; do
  if [ -n "$dir" ] && [ ! -x "$dir/archc" ]; then printf '%s:' "$dir"; fi
done)"
PATH="${bare_path%:}" expect FAIL archc-check-system clean.arch "Executable \`archc\` not found"

section "system hooks with the archc the rust hooks built on PATH"
built="$(find "$PRE_COMMIT_HOME" -type f -path '*/rustenv-*/bin/archc' | head -n 1)"
if [ -z "$built" ]; then
  echo "NOT OK: no archc under $PRE_COMMIT_HOME/*/rustenv-*/bin; pre-commit's layout changed?"
  exit 1
fi
echo "archc: $built ($("$built" --version))"
PATH="$(dirname "$built"):${bare_path%:}"
expect PASS archc-check-system clean.arch
expect FAIL archc-check-system faulty.arch "unknown-reference"
expect PASS archc-fmt-system clean.arch
expect FAIL archc-fmt-system faulty.arch "would reformat: faulty.arch"

section "done"
if [ "$failures" -ne 0 ]; then
  echo "$failures of $expectations expectation(s) failed"
  exit 1
fi
echo "$expectations passed, 0 failed"
