#!/bin/sh
# A tconv-bench problem compiled ahead of time (tconv-compile) and called
# from C, against the same model JIT-compiled by `tconv-run --bench`: the
# speed an embedder gets next to the speed tconv-run reports. Alternating
# rounds; each prints its median, the last line the median of the rounds.
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
  aot=$(OMP_NUM_THREADS=$threads "$dir/time-entry" "$seconds" | awk '{ print $2 }')
  jit=$("$build/bin/tconv-run" "$dir/model.mlir" --random-inputs --threads="$threads" \
    --bench="$calls" | awk '/^median:/ { print $2 }')
  echo "round $round: $shape at $threads thread(s): from C $aot ms, tconv-run --bench $jit ms"
  echo "$aot $jit" >>"$dir/medians"
done
awk '{ print $1 > "'"$dir"'/aot"; print $2 > "'"$dir"'/jit" }' "$dir/medians"
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
aot=$(median "$dir/aot") jit=$(median "$dir/jit")
awk -v a="$aot" -v j="$jit" -v s="$shape" -v t="$threads" 'BEGIN {
  printf "%s at %s thread(s): from C %.4f ms, tconv-run --bench %.4f ms, ratio %.2f\n", s, t, a, j, a / j }'
