#!/usr/bin/env bash
# Packages a built clausewright binary the way cargo-dist lays out a release artifact:
#
#   OUT/clausewright-TARGET.tar.xz    (.zip for Windows) holding the folder clausewright-TARGET/
#       clausewright                  the binary (clausewright.exe on Windows)
#       README.md  fonts/OFL.txt      the README and the licence of the embedded fonts
#       man/clausewright.1 ...        one manual page per command, made by `clausewright man`
#       completions/                  bash, zsh, fish, PowerShell and elvish completion scripts
#   OUT/clausewright-TARGET.tar.xz.sha256   "HASH  NAME", as `sha256sum -c` reads it
#
# The binary must run on the machine that packages it (the release workflow builds every
# target on a runner of that platform), since the manual pages and completions come from it.
#
# Usage: dist/package.sh TARGET BINARY OUT
set -euo pipefail

if (($# != 3)); then
    echo "usage: $0 TARGET BINARY OUT" >&2
    exit 2
fi
target=$1
binary=$2
out=$3
root=$(cd "$(dirname "$0")/.." && pwd)

name="clausewright-$target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
folder="$stage/$name"
mkdir -p "$folder/man" "$folder/completions" "$folder/fonts" "$out"

exe=clausewright
case "$target" in *windows*) exe=clausewright.exe ;; esac
cp "$binary" "$folder/$exe"
chmod +x "$folder/$exe"
cp "$root/README.md" "$folder/"
cp "$root/fonts/OFL.txt" "$folder/fonts/"

run() { "$folder/$exe" "$@"; }

# Every command's page: the names listed under "Commands:" in the help, but `help` itself.
run man >"$folder/man/clausewright.1"
commands=$(run help | awk '/^Commands:/ { listing = 1; next } listing && /^$/ { exit }
    listing && /^  [a-z]/ && $1 != "help" { print $1 }')
for command in $commands; do
    run man "$command" >"$folder/man/clausewright-$command.1"
done

run completions bash >"$folder/completions/clausewright.bash"
run completions zsh >"$folder/completions/_clausewright"
run completions fish >"$folder/completions/clausewright.fish"
run completions powershell >"$folder/completions/_clausewright.ps1"
run completions elvish >"$folder/completions/clausewright.elv"

case "$target" in
*windows*)
    archive="$name.zip"
    rm -f "$out/$archive"
    if command -v 7z >/dev/null; then
        (cd "$stage" && 7z a -tzip -bd "$PWD/$archive" "$name" >/dev/null)
        mv "$stage/$archive" "$out/$archive"
    else
        (cd "$stage" && zip -qr "$archive" "$name")
        mv "$stage/$archive" "$out/$archive"
    fi
    ;;
*)
    archive="$name.tar.xz"
    # Sorted names, fixed owner and mode bits: the same binary gives the same archive.
    tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner -cJf "$stage/$archive" \
        "$name" 2>/dev/null ||
        tar -C "$stage" -cJf "$stage/$archive" "$name"
    mv "$stage/$archive" "$out/$archive"
    ;;
esac

if command -v sha256sum >/dev/null; then
    (cd "$out" && sha256sum "$archive" >"$archive.sha256")
else
    (cd "$out" && shasum -a 256 "$archive" >"$archive.sha256")
fi
echo "$out/$archive"
