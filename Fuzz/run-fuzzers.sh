#!/usr/bin/env bash
# Builds flowscan's libFuzzer targets and runs each with its committed seed corpus.
#
# Usage: Fuzz/run-fuzzers.sh [options] [target...]      (from any directory)
#
#   target             records, gzip, prefixes, companions, parquet (default: all five, one after another)
#   -r, --runs N       executions per target (default 100000)
#   -t, --time S       run each target for S seconds instead (-max_total_time)
#   -b, --build-only   build the binaries and stop
#   --replay           run every seed and regression file of the targets once, without fuzzing;
#                      prints each file that crashes
#   -h, --help         this text
#   -- ARG...          passed on to libFuzzer (e.g. -- -jobs=2 -workers=2)
#
# Examples:
#   Fuzz/run-fuzzers.sh                         # every target, 100000 executions each
#   Fuzz/run-fuzzers.sh -t 1800 records gzip    # two targets, 30 minutes each
#   Fuzz/run-fuzzers.sh --replay                # check the corpus, e.g. after a fix
#
# Build: Sources/FlowLogs/**/*.swift and the shared target bodies (Tests/FlowLogsTests/Fuzz/Bodies/,
# compiled with -D FUZZING) become one library, compiled once with -O -sanitize=fuzzer,address;
# each Fuzz/Targets/<target>.swift (the LLVMFuzzerTestOneInput wrapper) is linked against it into
# Fuzz/build/<target>. Binaries are rebuilt only when a source is newer.
#
# Runs: libFuzzer grows a working corpus in Fuzz/build/corpus/<target>/, seeded from the committed
# Fuzz/Corpus/<target>/ (never written to), with Fuzz/Dictionaries/<target>.dict when present.
# Crash, timeout and out-of-memory inputs go to Fuzz/artifacts/<target>/, the full log to
# Fuzz/build/logs/<target>.log. To reproduce a crash:   Fuzz/build/<target> Fuzz/artifacts/<target>/crash-…
# To minimise it:   Fuzz/build/<target> -minimize_crash=1 -runs=100000 -exact_artifact_path=OUT CRASH
#
# Prints one line per target (executions, seconds, exec/s, cov, ft, corpus inputs/size) and exits 1 when
# any target crashed, hung or ran out of memory (2 for usage or build errors).
set -euo pipefail

fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$fuzz_dir")
build="$fuzz_dir/build"
all_targets=(records gzip prefixes companions parquet)

# Longest input per target: a few dozen log lines; a gzip file of a few KB (it may inflate
# to 4 MB); an ip-ranges.json of ~100 entries; a describe-nat-gateways or pricing file; a Parquet
# file of a few dozen rows.
max_len() {
    case "$1" in
        records) echo 8192 ;;
        gzip) echo 4096 ;;
        prefixes) echo 16384 ;;
        companions) echo 4096 ;;
        parquet) echo 16384 ;;
    esac
}

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

runs=100000
seconds=""
build_only=false
replay=false
targets=()
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        -r|--runs) runs=${2:?}; shift 2 ;;
        -t|--time) seconds=${2:?}; shift 2 ;;
        -b|--build-only) build_only=true; shift ;;
        --replay) replay=true; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; extra=("$@"); break ;;
        -*) echo "run-fuzzers.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *)
            if [[ " ${all_targets[*]} " != *" $1 "* ]]; then
                echo "run-fuzzers.sh: unknown target '$1'; the targets are: ${all_targets[*]}" >&2
                exit 2
            fi
            targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

# MARK: Build

# -g: crash stacks name files and lines.
swift_flags=(-O -g -sanitize=fuzzer,address -parse-as-library -swift-version 6 -D FUZZING
             -I "$root/Sources/CZlib/include" -Xcc -I/usr/include)

# ld.gold warns about every internal symbol of a -enable-testing library; nothing else is dropped.
quiet() { grep -v "Cannot export local symbol" || true; }

# True when $1 is missing or older than any of the remaining files.
stale() {
    local output=$1; shift
    [ -e "$output" ] || return 0
    [ -n "$(find "$@" -newer "$output" -print -quit)" ]
}

build_library() {
    # CZlib's own C (CRC-32 by carry-less multiplication), linked into every target.
    mkdir -p "$build/lib"
    if stale "$build/lib/crc32_clmul.o" "$root/Sources/CZlib/crc32_clmul.c" "$root/Sources/CZlib/include/shim.h"; then
        clang -O2 -g -fsanitize=address -I "$root/Sources/CZlib/include" -c "$root/Sources/CZlib/crc32_clmul.c" \
            -o "$build/lib/crc32_clmul.o" || { echo "run-fuzzers.sh: crc32_clmul.c does not build" >&2; exit 2; }
    fi
    mapfile -t sources < <(find "$root/Sources/FlowLogs" "$root/Tests/FlowLogsTests/Fuzz/Bodies" -name '*.swift' | sort)
    local library="$build/lib/libFlowLogsFuzz.a"
    stale "$library" "${sources[@]}" || return 0
    echo "building the FlowLogs fuzzing library (${#sources[@]} files; about 2 minutes)…" >&2
    mkdir -p "$build/lib"
    swiftc "${swift_flags[@]}" -module-name FlowLogsFuzz -enable-testing -emit-library -static \
        -emit-module -emit-module-path "$build/lib/FlowLogsFuzz.swiftmodule" -o "$library.tmp" \
        "${sources[@]}" 2>&1 | quiet
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "run-fuzzers.sh: the library does not build" >&2; exit 2; }
    mv "$library.tmp" "$library"
}

build_target() {
    local target=$1 binary="$build/$1"
    stale "$binary" "$fuzz_dir/Targets/$target.swift" "$build/lib/libFlowLogsFuzz.a" "$root/Sources/CZlib/crc32_clmul.c" || return 0
    echo "linking $target…" >&2
    swiftc "${swift_flags[@]}" -I "$build/lib" -L "$build/lib" -lFlowLogsFuzz -lz \
        "$build/lib/crc32_clmul.o" "$fuzz_dir/Targets/$target.swift" -o "$binary" 2>&1 | quiet
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "run-fuzzers.sh: target $target does not build" >&2; exit 2; }
}

build_library
for target in "${targets[@]}"; do build_target "$target"; done
$build_only && exit 0

# Swift's own crash backtracer would race libFuzzer's handler (and trip ASan): let libFuzzer print
# the stack. Swift's runtime caches look like leaks to LeakSanitizer: leak checking is off.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:symbolize=1}

# MARK: Replay

if $replay; then
    failed=0
    for target in "${targets[@]}"; do
        for file in "$fuzz_dir/Corpus/$target"/* "$fuzz_dir/Corpus/regressions/$target"-*; do
            [ -f "$file" ] || continue
            if ! "$build/$target" -rss_limit_mb=2048 -timeout=10 "$file" >"$build/replay.log" 2>&1; then
                echo "$target: ${file#"$root/"} crashes:" >&2
                grep -m1 -E "Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer" "$build/replay.log" >&2 || true
                failed=1
            fi
        done
        echo "$target: replayed"
    done
    exit $failed
fi

# MARK: Fuzz

status=0
printf '%-11s %11s %8s %8s %7s %7s %14s  %s\n' target executions seconds exec/s cov ft corpus result
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target" artifacts="$fuzz_dir/artifacts/$target" log="$build/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$build/logs"
    options=(-rss_limit_mb=2048 -timeout=10 -max_len="$(max_len "$target")" -print_final_stats=1
             -artifact_prefix="$artifacts/")
    if [ -n "$seconds" ]; then options+=(-max_total_time="$seconds"); else options+=(-runs="$runs"); fi
    [ -f "$fuzz_dir/Dictionaries/$target.dict" ] && options+=(-dict="$fuzz_dir/Dictionaries/$target.dict")
    started=$(date +%s)
    result=ok
    "$build/$target" "${options[@]}" "${extra[@]}" "$corpus" "$fuzz_dir/Corpus/$target" >"$log" 2>&1 || {
        result="FAILED (see ${log#"$root/"}; inputs in ${artifacts#"$root/"}/)"
        status=1
    }
    elapsed=$(( $(date +%s) - started ))
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    # The last status line: "cov: 6416 ft: 22916 corp: 1982/1588Kb" (corpus: inputs kept/their size).
    status_line=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1)
    read -r _ cov _ ft _ corp <<<"$status_line" || true
    printf '%-11s %11s %8s %8s %7s %7s %14s  %s\n' "$target" "${executions:-?}" "$elapsed" "${speed:-?}" \
        "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
done
exit $status
