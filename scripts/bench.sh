#!/usr/bin/env bash
# Benchmarks of docs/performance.md, in one run (a few minutes on 2 cores):
#   - the floor (examples/plancher.rs): (a) calamine reads every cell of 1,000
#     submissions, single-threaded; (b) rust_xlsxwriter writes as many cells
#     as the report of that folder;
#   - barometre compute on the same 1,000 submissions (report written);
#   - barometre check on one 500-service workbook (process start included);
#   - peak memory of compute at 1,000 and 4,000 submissions (/usr/bin/time -v).
# Medians of RUNS runs (default 5). Needs only the README's set-up (Rust);
# /usr/bin/time (Debian package « time ») for the memory figures.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/barometre-bench}
cargo build --release --quiet --bins --examples
bin=target/release/barometre
mkdir -p "$work"
generate() { # count services seed folder
  [ -d "$4" ] || target/release/examples/generer --organisations "$1" --services "$2" --graine "$3" "$4" 2>/dev/null
}
generate 1000 200 1 "$work/s1000"
generate 4000 200 2 "$work/s4000"
[ -d "$work/s500" ] || target/release/examples/generer --organisations 1 --services 500 --graine 3 --invalides 0 "$work/s500" 2>/dev/null

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() { # command… → median seconds
  for _ in $(seq "$RUNS"); do
    local start; start=$(now)
    "$@" >/dev/null 2>&1
    calc "$(now) - $start"
  done | median
}

"$bin" calculer "$work/s1000" -o "$work/rapport-1000.xlsx" >/dev/null
floor_a=(); floor_b=(); floor_b1=()
for _ in $(seq "$RUNS"); do
  line=$(target/release/examples/plancher "$work/s1000" "$work/rapport-1000.xlsx")
  floor_a+=("$(sed -E 's/.*lecture_s=([0-9.]+).*/\1/' <<<"$line")")
  floor_b+=("$(sed -E 's/.*ecriture_s=([0-9.]+).*/\1/' <<<"$line")")
  floor_b1+=("$(sed -E 's/.*ecriture_niveau_rapport_s=([0-9.]+).*/\1/' <<<"$line")")
done
a=$(printf '%s\n' "${floor_a[@]}" | median)
b=$(printf '%s\n' "${floor_b[@]}" | median)
b1=$(printf '%s\n' "${floor_b1[@]}" | median)
compute=$(time_runs "$bin" calculer "$work/s1000" -o "$work/rapport-1000.xlsx")
check=$(time_runs "$bin" verifier "$work/s500/org00001.xlsx")
peak() { # folder → peak RSS in MB
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$bin" calculer "$1" -o "$work/rapport-pic.xlsx" 2>&1 >/dev/null \
      | awk -F: '/Maximum resident set size/ {printf "%.1f", $2/1024}'
  else
    echo "n.d. (/usr/bin/time absent)"
  fi
}
peak1000=$(peak "$work/s1000")
peak4000=$(peak "$work/s4000")

echo "Machine : $(nproc) cœurs, $(awk '/MemTotal/ {printf "%.0f Gio", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "Médianes de $RUNS exécutions"
printf 'Plancher (a) lecture calamine, 1 fil      : %6.3f s\n' "$a"
printf 'Plancher (b) écriture rust_xlsxwriter     : %6.3f s\n' "$b"
printf 'Plancher a + b                            : %6.3f s\n' "$(calc "$a + $b")"
printf 'compute, 1 000 formulaires (rapport écrit) : %6.3f s\n' "$compute"
printf 'Ratio compute / plancher                  : %6.3f (cible ≤ 0,75)\n' "$(calc "$compute / ($a + $b)")"
printf 'Plancher (b) au niveau de compression du rapport : %6.3f s\n' "$b1"
printf 'Ratio compute / plancher à ce niveau       : %6.3f\n' "$(calc "$compute / ($a + $b1)")"
printf 'check, 500 services (démarrage compris)   : %6.1f ms (cible < 50 ms)\n' "$(calc "$check * 1000")"
echo "Mémoire de pointe, compute 1 000           : $peak1000 Mo (cible ≤ 128 Mo)"
echo "Mémoire de pointe, compute 4 000           : $peak4000 Mo (cible < 1,5 × la précédente)"
