#!/bin/sh
# tconv-bench problems compiled ahead of time (tconv-compile) and called
# from C, against the same models JIT-compiled by `tconv-run --bench`: the
# speed an embedder gets next to the speed tconv-run reports. The C caller
# takes its arrays from malloc, then aligned as the header advises
# (<ENTRY>_ARRAY_ALIGNMENT). Alternating rounds; each prints its medians,
# then one line per problem: the median of the rounds and their ratios to
# tconv-run's.
#
#   bench/aot-vs-jit.sh [SHAPES [THREADS [ROUNDS [SECONDS]]]]   (all 1 3 1)
#
# SHAPES is a comma-separated list of tconv-bench's problems (T2,C1) or
# all. BUILD_DIR (default build) holds the tools; CC (default clang-22's)
# builds the caller.
set -eu
shapes=${1:-all} threads=${2:-1} rounds=${3:-3} seconds=${4:-1}
build=${BUILD_DIR:-build}
cc=${CC:-/usr/lib/llvm-22/bin/clang}
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

if [ "$shapes" = all ]; then
  shapes=$("$build/bin/tconv-bench" --list | awk '{ print $1 }' | paste -sd, -)
fi
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

compare() {
  shape=$1 work="$dir/$1"
  mkdir -p "$work"
  "$build/bin/tconv-bench" --shapes="$shape" --print-model="$shape" >"$work/model.mlir"
  "$build/bin/tconv-compile" "$work/model.mlir" -o "$work/model.o" --header="$work/model.h"
  "$cc" -O2 -I"$work" -DTCONV_HEADER='"model.h"' "$here/aot/time-entry.c" \
    "$work/model.o" -lm -L/usr/lib/llvm-22/lib -lomp -Wl,-rpath,/usr/lib/llvm-22/lib \
    -o "$work/time-entry"
  # tconv-run --bench=N: about SECONDS of calls, from a first estimate.
  calls=$("$build/bin/tconv-run" "$work/model.mlir" --random-inputs --threads="$threads" --bench=3 |
    awk -v s="$seconds" '/^median:/ { n = int(s * 1000 / $2); print (n < 3 ? 3 : n) }')
  for round in $(seq "$rounds"); do
    malloced=$(OMP_NUM_THREADS=$threads "$work/time-entry" "$seconds" malloc | awk '{ print $2 }')
    aligned=$(OMP_NUM_THREADS=$threads "$work/time-entry" "$seconds" aligned | awk '{ print $2 }')
    jit=$("$build/bin/tconv-run" "$work/model.mlir" --random-inputs --threads="$threads" \
      --bench="$calls" | awk '/^median:/ { print $2 }')
    echo "round $round: $shape at $threads thread(s): from C $malloced ms (malloc), $aligned ms (aligned), tconv-run --bench $jit ms"
    echo "$malloced" >>"$work/malloc"
    echo "$aligned" >>"$work/aligned"
    echo "$jit" >>"$work/jit"
  done
  malloced=$(median "$work/malloc") aligned=$(median "$work/aligned") jit=$(median "$work/jit")
  awk -v m="$malloced" -v a="$aligned" -v j="$jit" -v s="$shape" -v t="$threads" 'BEGIN {
    printf "%s at %s thread(s): from C %.4f ms (malloc, ratio %.2f), %.4f ms (aligned, ratio %.2f), tconv-run --bench %.4f ms\n", s, t, m, m / j, a, a / j, j }' |
    tee -a "$dir/summary"
}

for shape in $(echo "$shapes" | tr , ' '); do
  compare "$shape"
done
echo "summary ($(date -u '+%Y-%m-%d %H:%M UTC')):"
cat "$dir/summary"
