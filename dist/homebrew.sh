#!/usr/bin/env bash
# Prints the Homebrew formula of a release, as cargo-dist's `homebrew` installer writes it: one
# archive per platform, each with its SHA-256 read from the `.sha256` file beside the archive.
#
# Usage: dist/homebrew.sh VERSION RELEASE_URL HOMEPAGE FOLDER
#   FOLDER holds clausewright-TARGET.tar.xz.sha256 for every macOS and Linux target.
set -euo pipefail

if (($# != 4)); then
    echo "usage: $0 VERSION RELEASE_URL HOMEPAGE FOLDER" >&2
    exit 2
fi
version=$1
base=$2
homepage=$3
folder=$4

# Every archive's checksum, read and checked before anything is printed.
declare -A hashes
for target in aarch64-apple-darwin x86_64-apple-darwin aarch64-unknown-linux-gnu \
    x86_64-unknown-linux-musl; do
    file="$folder/clausewright-$target.tar.xz.sha256"
    if [[ ! -f $file ]]; then
        echo "$0: $file is missing" >&2
        exit 1
    fi
    hash=$(cut -d ' ' -f 1 <"$file")
    if [[ ! $hash =~ ^[0-9a-f]{64}$ ]]; then
        echo "$0: $file holds no SHA-256" >&2
        exit 1
    fi
    hashes[$target]=$hash
done

# The `url` and `sha256` lines of one target.
artifact() {
    printf '      url "%s/clausewright-%s.tar.xz"\n' "$base" "$1"
    printf '      sha256 "%s"' "${hashes[$1]}"
}

cat <<EOF
class Clausewright < Formula
  desc "Freelance contracts that protect against silent and late-paying clients"
  homepage "$homepage"
  version "$version"

  on_macos do
    on_arm do
$(artifact aarch64-apple-darwin)
    end
    on_intel do
$(artifact x86_64-apple-darwin)
    end
  end

  on_linux do
    on_arm do
$(artifact aarch64-unknown-linux-gnu)
    end
    on_intel do
$(artifact x86_64-unknown-linux-musl)
    end
  end

  def install
    bin.install "clausewright"
    man1.install Dir["man/*.1"]
    bash_completion.install "completions/clausewright.bash" => "clausewright"
    zsh_completion.install "completions/_clausewright"
    fish_completion.install "completions/clausewright.fish"
  end

  test do
    assert_match "clause library", shell_output("#{bin}/clausewright --version")
    system bin/"clausewright", "check"
  end
end
EOF
