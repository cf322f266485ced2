#!/usr/bin/env bash
# Writes the seeds of the `parquet` fuzz target into Fuzz/Corpus/parquet/ with flowscan's own
# Parquet writer (`flowscan generate --parquet`; no real data), plus two damaged copies.
#
# Usage: Fuzz/make-parquet-seeds.sh [FLOWSCAN]     (default .build/debug/flowscan; build it first)
set -euo pipefail
fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
flowscan=${1:-$(dirname "$fuzz_dir")/.build/debug/flowscan}
out="$fuzz_dir/Corpus/parquet"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
"$flowscan" generate "$work/a" --parquet --connections 1 --minutes 10 --format both --seed 2 2>/dev/null
"$flowscan" generate "$work/b" --parquet --connections 2 --minutes 5 --format v5 --interfaces nat --seed 3 2>/dev/null
"$flowscan" generate "$work/c" --parquet --connections 0 --minutes 5 --format default --interfaces instances --seed 4 2>/dev/null
cp "$(find "$work/a" -name '*T0005Z*.log.parquet')" "$out/default-format"
cp "$(find "$work/a" -name '*T0010Z*.log.parquet')" "$out/v5-with-nulls"
cp "$(find "$work/b" -name '*.log.parquet')" "$out/v5-nat-interfaces"
cp "$(find "$work/c" -name '*.log.parquet')" "$out/default-instances"
python3 - "$out" <<'PY'
import sys
out = sys.argv[1] + "/"
data = open(out + "v5-with-nulls", "rb").read()
# 32 bytes cut from the end of the footer, its length and magic kept: the footer no longer parses.
open(out + "truncated-in-footer", "wb").write(data[:len(data) - 40] + data[-8:])
flipped = bytearray(data)
flipped[200] ^= 0xFF  # inside the first column's GZIP page
open(out + "flipped-page-byte", "wb").write(bytes(flipped))
PY
