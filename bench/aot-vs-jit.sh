#!/bin/sh
# A tconv-bench problem compiled ahead of time (tconv-compile) and called
# from C, against the same model JIT-compiled by `tconv-run --bench`: the
# speed an embedder gets next to the speed tconv-run reports. The C caller
# takes its arrays from malloc, then aligned as the header advises
# (<ENTRY>_ARRAY_ALIGNMENT). Alternating rounds; each prints its medians,
# the last line the median of the rounds and their ratios to tconv-run's.
#
#   bench/aot-vs-jit.sh [SHAPE [THREADS [ROUNDS [SECONDS]]]]   (T2 1 5 1)
#
# BUILD_DIR (default build) holds the tools; CC (default clang-22's) builds
# the caller.
set -eu
shape=${1:-T2} threads=${2:-1} rounds=${3:-5} seconds=${4:-1}
build=${BUILD_DIR:-build}
cc=${CC:-/usr/lib/llvm-22/bin/clang}
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$build/bin/tconv-bench" --shapes="$shape" --print-model="$shape" >"$dir/model.mlir"
"$build/bin/tconv-compile" "$dir/model.mlir" -o "$dir/model.o" --header="$dir/model.h"
"$cc" -O2 -I"$dir" -DTCONV_HEADER='"model.h"' "$here/aot/time-entry.c" \
  "$dir/model.o" -lm -L/usr/lib/llvm-22/lib -lomp -Wl,-rpath,/usr/lib/llvm-22/lib \
  -o "$dir/time-entry"

# tconv-run --bench=N: about SECONDS of calls, from a first estimate.
calls=$("$build/bin/tconv-run" "$dir/model.mlir" --random-inputs --threads="$threads" --bench=3 |
  awk -v s="$seconds" '/^median:/ { n = int(s * 1000 / $2); print (n < 3 ? 3 : n) }')
for round in $(seq "$rounds"); do
  malloced=$(OMP_NUM_THREADS=$threads "$dir/time-entry" "$seconds" malloc | awk '{ print $2 }')
  aligned=$(OMP_NUM_THREADS=$threads "$dir/time-entry" "$seconds" aligned | awk '{ print $2 }')
  jit=$("$build/bin/tconv-run" "$dir/model.mlir" --random-inputs --threads="$threads" \
    --bench="$calls" | awk '/^median:/ { print $2 }')
  echo "round $round: $shape at $threads thread(s): from C $malloced ms (malloc), $aligned ms (aligned), tconv-run --bench $jit ms"
  echo "$malloced" >>"$dir/malloc"
  echo "$aligned" >>"$dir/aligned"
  echo "$jit" >>"$dir/jit"
done
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
malloced=$(median "$dir/malloc") aligned=$(median "$dir/aligned") jit=$(median "$dir/jit")
awk -v m="$malloced" -v a="$aligned" -v j="$jit" -v s="$shape" -v t="$threads" 'BEGIN {
  printf "%s at %s thread(s): from C %.4f ms (malloc, ratio %.2f), %.4f ms (aligned, ratio %.2f), tconv-run --bench %.4f ms\n", s, t, m, m / j, a, a / j, j }'
