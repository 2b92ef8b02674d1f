#!/usr/bin/env bash
# Peak memory and time of `check` on the zip bomb and the million-row sheet
# (and the other generated hostile files), measured with /usr/bin/time -v.
# Figures go into docs/fiabilite.md. Needs /usr/bin/time (Debian « time »).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bins --examples
work=${TMPDIR:-/tmp}/barometre-fiabilite
mkdir -p "$work"
target/release/examples/corpus "$work"
cp tests/corpus/bombe.xlsx tests/corpus/chiffre.xlsx tests/corpus/chiffre.xls "$work/"
for file in "$work"/*; do
  out=$( { /usr/bin/time -v target/release/barometre verifier "$file" >"$work.sortie"; } 2>&1 || true)
  code=$(grep -oE '^    [A-Z][0-9]{3}' "$work.sortie" | head -1 | tr -d ' ')
  rss=$(awk -F: '/Maximum resident set size/ {printf "%.1f", $2/1024}' <<<"$out")
  wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' <<<"$out")
  printf '%-36s %-5s %8s Mo %10s\n' "$(basename "$file")" "$code" "$rss" "$wall"
done
# The bomb again with the inflated-size cap lifted: the cell-count cap still bounds it.
out=$( { /usr/bin/time -v target/release/barometre verifier --decompresse-max 100000 "$work/bombe.xlsx" >"$work.sortie"; } 2>&1 || true)
printf '%-36s %-5s %8s Mo %10s\n' "bombe.xlsx (--decompresse-max 100000)" \
  "$(grep -oE '^    [A-Z][0-9]{3}' "$work.sortie" | head -1 | tr -d ' ')" \
  "$(awk -F: '/Maximum resident set size/ {printf "%.1f", $2/1024}' <<<"$out")" \
  "$(awk '/Elapsed \(wall clock\)/ {print $NF}' <<<"$out")"
