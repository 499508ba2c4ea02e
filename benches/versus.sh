#!/usr/bin/env bash
# Markdown + PDF by clausewright against the same contract typeset by pandoc and Typst, in the
# same run (the issue's budget: clausewright under 0.1 times pandoc + Typst).
#
# clausewright: one whole `build --format md,pdf` process of the first-time example on the
# release binary (answers to Markdown and PDF), timed by hyperfine. pandoc + Typst: one whole
# `pandoc contract.md -t typst` process (the same contract's Markdown, as build writes it, to
# Typst source), timed by hyperfine, plus Typst compiling that source to a PDF, timed inside
# Python around `typst.compile` (the median of 20 runs after a warm-up, so Python's start-up
# is not counted against Typst). Needs hyperfine (apt install hyperfine), pandoc 3.1.2 or later
# (`-t typst`; PANDOC=path, e.g. from pip's pypandoc-binary) and Python with the `typst`
# package (PYTHON=path). Run from anywhere; prints each time and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
pandoc=${PANDOC:-pandoc}
python=${PYTHON:-python3}
cargo build --release --locked --quiet
bin=target/release/clausewright
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" build examples/first-time-us.yaml --format md -o "$out/contract.md" 2>/dev/null
"$pandoc" "$out/contract.md" -s -t typst -o "$out/contract.typ"
hyperfine --warmup 5 --runs 40 --export-json "$out/times.json" \
    -n "clausewright build --format md,pdf" \
    "$bin build examples/first-time-us.yaml --format md,pdf -o $out/c --force" \
    -n "pandoc -t typst" "$pandoc $out/contract.md -s -t typst -o $out/p.typ" >&2
"$python" - "$out" <<'PY'
import json, statistics, sys, time
import typst

out = sys.argv[1]
source = f"{out}/contract.typ"
typst.compile(source, output=f"{out}/t.pdf")  # warm-up
runs = []
for _ in range(20):
    start = time.perf_counter()
    typst.compile(source, output=f"{out}/t.pdf")
    runs.append(time.perf_counter() - start)
typst_s = statistics.median(runs)
results = {r["command"]: r["median"] for r in json.load(open(f"{out}/times.json"))["results"]}
ours = results["clausewright build --format md,pdf"]
pandoc = results["pandoc -t typst"]
print(f"clausewright build --format md,pdf  {ours * 1e3:8.1f} ms (median, whole process)")
print(f"pandoc -t typst                     {pandoc * 1e3:8.1f} ms (median, whole process)")
print(f"typst compile (in process)          {typst_s * 1e3:8.1f} ms (median of 20)")
print(f"ratio clausewright / (pandoc + Typst) = {ours / (pandoc + typst_s):.3f}")
PY
