#!/usr/bin/env bash
# Times the parse of generated notes (100 MB unless MB is set) against
# `rg -c` on the same file, the two taking turns so that a busy machine
# slows both alike, and prints the medians and their ratio.
# The parse is timed inside `examples/parse-file` (a fresh process each
# run, so each parse is a first one); rg is timed from outside, start to
# exit. Needs rg: without it there is nothing to compare with.
set -euo pipefail

RUNS="${RUNS:-11}"
BUILD="--example parse-file"
# shellcheck source=scripts/generated.sh
source "$(dirname "$0")/generated.sh"

rg -c 握手 "$file" >/dev/null # into the page cache

for _ in $(seq "$RUNS"); do
    ./target/release/examples/parse-file "$file" |
        sed -nE 's/.*parse ([0-9.]+) ms.*/\1/p' >>"$dir/parse"
    start=$(date +%s%N)
    rg -c 握手 "$file" >/dev/null
    end=$(date +%s%N)
    echo "$(((end - start) / 1000))" >>"$dir/rg"
done

python3 - "$dir/parse" "$dir/rg" "$MB" <<'EOF'
import statistics, sys
parse = statistics.median(float(x) for x in open(sys.argv[1]))
rg = statistics.median(float(x) / 1000 for x in open(sys.argv[2]))
mb = float(sys.argv[3])
print(f"parse {parse:.0f} ms ({mb / parse * 1000:.0f} MB/s), rg -c {rg:.0f} ms: {parse / rg:.1f}x")
EOF
