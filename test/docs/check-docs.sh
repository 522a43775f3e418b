#!/usr/bin/env bash
# Runs every command the docs show and compares the output they show, so that
# the docs cannot drift from the tools.
#
#   test/docs/check-docs.sh SOURCE_DIR BUILD_DIR [DOC.md...]
#
# DOCs are relative to SOURCE_DIR (default: README.md, examples/README.md,
# docs/*.md). In a Markdown fenced block:
#
#  * ```console (or unlabelled) blocks: a line "$ CMD" is a command; the
#    lines after it, up to the next "$ " line or the end of the block, are
#    its expected output (stdout and stderr together). A line "..." (alone,
#    indentation aside) stands for any number of lines. Numbers match to 4
#    significant digits; in lines that show times, speeds, rounding errors
#    or page faults (" ms", "GFLOP/s", "compile:", "verify result", "expected result",
#    "page faults") they are not compared.
#    A command showing no output must exit 0.
#  * ```sh blocks: the whole block is one bash script (cd and variables carry
#    over between its lines) that must exit 0; its output is not compared.
#    Lines running `make` are left out: they are what CI runs around this
#    check (no recursion into `make check`).
#  * Other blocks (mlir, c, cmake, ...) are not commands.
#
# Commands run from a scratch copy of the repository root (examples/ and
# docs/ copied, so commands may write there; the rest linked; build/ is
# BUILD_DIR), with BUILD_DIR/bin first on PATH (then $LLVM_TOOLS_DIR,
# default /usr/lib/llvm-22/bin) and HOME inside the scratch
# directory. Prints one line per failure and ends with "N passed, M failed";
# exits 1 if any failed.
set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 SOURCE_DIR BUILD_DIR [DOC.md...]" >&2
  exit 2
fi
src=$(cd "$1" && pwd) || exit 2
build=$(cd "$2" && pwd) || exit 2
shift 2
if [ $# -gt 0 ]; then
  docs=("$@")
else
  docs=(README.md examples/README.md)
  for doc in "$src"/docs/*.md; do docs+=("docs/$(basename "$doc")"); done
fi

# Debian's own LLVM tools (mlir-opt) come after ours.
llvm_tools=${LLVM_TOOLS_DIR:-/usr/lib/llvm-22/bin}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# A fresh scratch root for each document.
make_root() {
  root=$work/root
  rm -rf "$root" "$work/home"
  mkdir -p "$root" "$work/home"
  for entry in "$src"/* "$src"/.[!.]*; do
    [ -e "$entry" ] || continue
    name=$(basename "$entry")
    case $name in
    build | .git) ;;
    examples | docs) cp -r "$entry" "$root/$name" ;;
    *) ln -s "$entry" "$root/$name" ;;
    esac
  done
  ln -s "$build" "$root/build"
}

run_in_root() {
  (cd "$root" && HOME=$work/home PATH="$build/bin:$PATH:$llvm_tools" \
    timeout 900 bash -c "$1") </dev/null
}

fail() {
  echo "FAIL: $1"
  failed=$((failed + 1))
}

# Compares actual output (file $1) with expected output (file $2).
matches() {
  awk '
    function norm(line) {
      sub(/[ \t\r]+$/, "", line)
      if (line ~ / ms|GFLOP\/s|^compile:|^verify result|^expected result|page faults/)
        gsub(/[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?/, "N", line)
      return line
    }
    # Equal text, and numbers equal to 4 significant digits: the last digits
    # of computed values move with the schedule and the CPU.
    function same(a, e,    x, y, scale) {
      while (1) {
        if (!match(e, /-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?/))
          return a == e
        if (substr(a, 1, RSTART - 1) != substr(e, 1, RSTART - 1))
          return 0
        y = substr(e, RSTART, RLENGTH) + 0
        e = substr(e, RSTART + RLENGTH)
        a = substr(a, RSTART)
        if (!match(a, /^-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?/))
          return 0
        x = substr(a, 1, RLENGTH) + 0
        a = substr(a, RLENGTH + 1)
        scale = (x < 0 ? -x : x) > (y < 0 ? -y : y) ? (x < 0 ? -x : x) : (y < 0 ? -y : y)
        if ((x - y < 0 ? y - x : x - y) > 1e-4 * scale)
          return 0
      }
    }
    FNR == NR { actual[++na] = norm($0); next }
    { expected[++ne] = norm($0) }
    END {
      # Trailing empty lines do not count.
      while (na > 0 && actual[na] == "") na--
      while (ne > 0 && expected[ne] == "") ne--
      exit !match_from(1, 1)
    }
    function match_from(i, j,    k) {
      while (j <= ne) {
        if (expected[j] ~ /^[ \t]*\.\.\.$/) {
          if (j == ne) return 1
          for (k = i; k <= na; k++)
            if (match_from(k, j + 1)) return 1
          return 0
        }
        if (i > na || !same(actual[i], expected[j])) return 0
        i++; j++
      }
      return i > na
    }' "$1" "$2"
}

check_console() { # doc, line, command, expected-file
  local doc=$1 line=$2 cmd=$3 expected=$4 actual=$work/actual status
  run_in_root "$cmd" >"$actual" 2>&1
  status=$?
  if [ ! -s "$expected" ]; then
    if [ $status -ne 0 ]; then
      fail "$doc:$line: \$ $cmd: exit status $status"
      sed 's/^/  | /' "$actual" | head -20
      return
    fi
  elif ! matches "$actual" "$expected"; then
    fail "$doc:$line: \$ $cmd: output differs from the doc"
    diff "$expected" "$actual" | head -40 | sed 's/^/  /'
    return
  fi
  passed=$((passed + 1))
}

check_script() { # doc, line, script-file
  local doc=$1 line=$2 script=$3 actual=$work/actual status
  run_in_root "set -e; $(grep -vE '^[[:space:]]*make( |$)' "$script")" \
    >"$actual" 2>&1
  status=$?
  if [ $status -ne 0 ]; then
    fail "$doc:$line: sh block exits with status $status"
    tail -20 "$actual" | sed 's/^/  | /'
    return
  fi
  passed=$((passed + 1))
}

for doc in "${docs[@]}"; do
  if [ ! -f "$src/$doc" ]; then
    fail "$doc: no such file"
    continue
  fi
  make_root
  kind="" # console, sh, other, or empty outside blocks
  cmd="" cmdline=0 blockline=0
  expected=$work/expected script=$work/script
  lineno=0
  while IFS= read -r text || [ -n "$text" ]; do
    lineno=$((lineno + 1))
    if [[ $text =~ ^\`\`\` ]]; then
      if [ -z "$kind" ]; then
        lang=${text#\`\`\`}
        case $lang in
        "" | console) kind=console ;;
        sh | bash | shell) kind=sh ;;
        *) kind=other ;;
        esac
        blockline=$lineno
        cmd=""
        : >"$script"
      else
        if [ "$kind" = console ] && [ -n "$cmd" ]; then
          check_console "$doc" "$cmdline" "$cmd" "$expected"
        elif [ "$kind" = sh ] && [ -s "$script" ]; then
          check_script "$doc" "$blockline" "$script"
        fi
        kind=""
        cmd=""
      fi
      continue
    fi
    case $kind in
    console)
      if [[ $text == '$ '* ]]; then
        [ -n "$cmd" ] && check_console "$doc" "$cmdline" "$cmd" "$expected"
        cmd=${text#\$ }
        cmdline=$lineno
        : >"$expected"
      elif [ -n "$cmd" ]; then
        printf '%s\n' "$text" >>"$expected"
      fi
      ;;
    sh) printf '%s\n' "$text" >>"$script" ;;
    esac
  done <"$src/$doc"
  [ -n "$kind" ] && fail "$doc:$blockline: unterminated code block"
done

echo "docs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
