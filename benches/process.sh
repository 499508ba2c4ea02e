#!/usr/bin/env bash
# Times whole `clausewright` processes on the release binary with hyperfine (apt install hyperfine).
# Targets: build to Markdown under 20 ms; build to Markdown and PDF under 30 ms; check of the
# built-in library under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=target/release/clausewright
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
hyperfine --warmup 5 --runs 50 --export-markdown "$out/times.md" \
    -n "build --format md" "$bin build examples/first-time-us.yaml --format md -o $out/c --force" \
    -n "build --format md,pdf" "$bin build examples/first-time-us.yaml --format md,pdf -o $out/c --force" \
    -n "check (built-in library)" "$bin check clauses"
cat "$out/times.md"
ls -l "$out"/c.*
