#!/bin/sh
# Installs clausewright on Linux or macOS from a release, without Rust:
#
#   curl -LsSf RELEASE/clausewright-installer.sh | sh
#
# It picks the archive built for this machine, checks it against the SHA-256 checksum published
# beside it, and puts the binary in $CLAUSEWRIGHT_INSTALL_DIR (default ~/.local/bin), its manual
# pages in ~/.local/share/man/man1 and its bash completion in
# ~/.local/share/bash-completion/completions. Nothing is replaced until every file has been
# downloaded and checked.
#
# The release workflow (.github/workflows/release.yml) writes the release's download address
# into `release` below. CLAUSEWRIGHT_RELEASE_URL overrides it: another release's address, or a
# local folder holding the archives.
set -eu

release=""

fail() {
    echo "clausewright installer: $*" >&2
    exit 1
}

base=${CLAUSEWRIGHT_RELEASE_URL:-$release}
[ -n "$base" ] || fail "no release to install from; set CLAUSEWRIGHT_RELEASE_URL to a release's download address"

os=$(uname -s)
arch=$(uname -m)
case "$os/$arch" in
# The static (musl) build runs on every Linux distribution, whatever its C library.
Linux/x86_64 | Linux/amd64) target=x86_64-unknown-linux-musl ;;
Linux/aarch64 | Linux/arm64) target=aarch64-unknown-linux-gnu ;;
Darwin/x86_64) target=x86_64-apple-darwin ;;
Darwin/arm64) target=aarch64-apple-darwin ;;
*) fail "no prebuilt clausewright for $os on $arch; with Rust installed, build it from the source: cargo install --locked --path ." ;;
esac
archive="clausewright-$target.tar.xz"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

fetch() { # fetch NAME: copies the release's file NAME into $work
    case "$base" in
    http://* | https://* | file://*)
        if command -v curl >/dev/null 2>&1; then
            curl --proto '=https,file' --tlsv1.2 -fsSL "$base/$1" -o "$work/$1" ||
                fail "could not download $base/$1"
        elif command -v wget >/dev/null 2>&1; then
            wget -q "$base/$1" -O "$work/$1" || fail "could not download $base/$1"
        else
            fail "neither curl nor wget is installed"
        fi
        ;;
    *) cp "$base/$1" "$work/$1" 2>/dev/null || fail "$base/$1 does not exist" ;;
    esac
}

echo "downloading $archive" >&2
fetch "$archive"
fetch "$archive.sha256"
expected=$(cut -d ' ' -f 1 <"$work/$archive.sha256")
if command -v sha256sum >/dev/null 2>&1; then
    actual=$(sha256sum "$work/$archive" | cut -d ' ' -f 1)
else
    actual=$(shasum -a 256 "$work/$archive" | cut -d ' ' -f 1)
fi
[ -n "$expected" ] && [ "$expected" = "$actual" ] ||
    fail "$archive does not match its checksum (expected $expected, got $actual); nothing was installed"

tar -xJf "$work/$archive" -C "$work" || fail "could not unpack $archive (is xz installed?)"
unpacked="$work/clausewright-$target"
"$unpacked/clausewright" --version >/dev/null 2>&1 ||
    fail "the downloaded clausewright does not run on this machine; nothing was installed"

bin=${CLAUSEWRIGHT_INSTALL_DIR:-$HOME/.local/bin}
share=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$bin" "$share/man/man1" "$share/bash-completion/completions"
# Each file is copied beside its target and renamed over it: a running clausewright, or one
# interrupted half-way through the copy, never sees a partial file.
place() { # place FROM TO
    cp "$1" "$2.partial.$$" && mv -f "$2.partial.$$" "$2"
}
place "$unpacked/clausewright" "$bin/clausewright"
chmod +x "$bin/clausewright"
for page in "$unpacked"/man/*.1; do
    place "$page" "$share/man/man1/$(basename "$page")"
done
place "$unpacked/completions/clausewright.bash" "$share/bash-completion/completions/clausewright"

echo "installed $("$bin/clausewright" --version) in $bin" >&2
case ":$PATH:" in
*":$bin:"*) ;;
*) echo "$bin is not on your PATH; add it, for example: echo 'export PATH=\"$bin:\$PATH\"' >> ~/.profile" >&2 ;;
esac
