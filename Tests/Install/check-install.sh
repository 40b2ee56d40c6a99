#!/usr/bin/env bash
# `make check-install`: installs phare into a temporary prefix, then checks it is a tool one can
# deploy: no Swift runtime library linked; with the toolchain's runtime hidden (a private mount
# namespace, when root) it prints its version and runs the bundled job, writing the same tables as
# the debug build; its man page covers every subcommand and its completions parse and complete.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "check-install: $*" >&2
  exit 1
}

make --no-print-directory install PREFIX="$work/prefix" >/dev/null
bin=$work/prefix/bin/phare
version=$(sed -n 's/.*static let released = "\(.*\)".*/\1/p' Sources/PhareKit/PhareVersion.swift)
[ -n "$version" ] || fail "Sources/PhareKit/PhareVersion.swift names no released version"

# 1. Linked libraries: the Debian ones only, nothing from the toolchain.
libraries=$(ldd "$bin")
if grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|not found' <<<"$libraries"; then
  fail "$bin links the Swift runtime or misses a library"
fi
echo "check-install: linked: $(awk '/=>/ {print $1}' <<<"$libraries" | tr '\n' ' ')"

# 2. The installed binary with the toolchain's runtime libraries hidden and an empty environment.
toolchain_lib=$(realpath "$(dirname "$(command -v swift)")/../lib/swift")
hidden() {
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
    unshare -m bash -c 'mount -t tmpfs none "$1" && shift && cd "$1" && shift && exec env -i PATH=/usr/bin:/bin "$@"' \
      hidden "$toolchain_lib" "$PWD" "$@"
  else
    echo "check-install: not root: the toolchain stays visible, only the empty environment is checked" >&2
    env -i PATH=/usr/bin:/bin "$@"
  fi
}
[ "$(hidden ls "$toolchain_lib" | wc -l)" = 0 ] || fail "the toolchain's runtime is not hidden"
printed=$(hidden "$bin" --version)
[ "$printed" = "$version" ] || fail "--version printed '$printed', expected '$version'"
quiet=$(hidden "$bin" run Pipelines --out "$work/installed" --quiet 2>&1) || fail "installed run failed: $quiet"
[ -z "$quiet" ] || fail "a quiet run that went well printed: $quiet"

# 3. The same tables (CSV, and SPSS clean.sav) as the debug build (manifests, feeds and the registry carry times and paths).
.build/debug/phare run Pipelines --out "$work/debug" --quiet
tables=$(cd "$work/debug" && find . -name '*.csv' -o -name '*.sav' | sort)
[ "$(wc -l <<<"$tables")" -ge 40 ] || fail "the debug run wrote only $(wc -l <<<"$tables") tables"
[ "$tables" = "$(cd "$work/installed" && find . -name '*.csv' -o -name '*.sav' | sort)" ] || fail "the two runs wrote different tables"
while read -r table; do
  cmp -s "$work/debug/$table" "$work/installed/$table" || fail "$table differs between the debug and installed builds"
done <<<"$tables"
echo "check-install: $(wc -l <<<"$tables") tables identical to the debug build's, toolchain hidden"

# 4. The man page documents every subcommand; the completions parse and complete subcommands.
man=$work/prefix/share/man/man1/phare.1
grep -q '^\.Dt PHARE 1' "$man" || fail "$man is not an mdoc page for phare(1)"
subcommands=$(hidden "$bin" --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | awk '/^  [a-z]/ {print $1}')
[ "$(wc -w <<<"$subcommands")" -ge 8 ] || fail "--help lists only: $subcommands"
for command in $subcommands; do
  grep -q "^\.It Em $command\$" "$man" || fail "$man lacks the subcommand $command"
done
completion=$work/prefix/share/bash-completion/completions/phare
completed=$(bash -c 'source "$1"; COMP_WORDS=(phare h); COMP_CWORD=1; COMP_LINE="phare h"; COMP_POINT=7
  _phare; printf "%s\n" "${COMPREPLY[@]}"' completion "$completion")
grep -qx history <<<"$completed" || fail "bash completion of 'phare h' gave: $completed"
head -1 "$work/prefix/share/zsh/site-functions/_phare" | grep -q '^#compdef phare' || fail "zsh completion lacks #compdef"
grep -q "complete -c 'phare'\|complete -c phare" "$work/prefix/share/fish/vendor_completions.d/phare.fish" ||
  fail "fish completion does not complete phare"
echo "check-install: man page lists $(wc -w <<<"$subcommands") subcommands; bash completes 'phare h' to history"
