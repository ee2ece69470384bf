#!/usr/bin/env bash
# Times `daynotes search --count WORD FILE` against `rg -c -i -F WORD FILE`
# on generated notes (100 MB unless MB is set) and prints the ratio.
# Needs rg; uses hyperfine when it is installed, else a plain loop.
set -euo pipefail

WORDS=("${@:-sse}")
BUILD="--bin daynotes"
# shellcheck source=scripts/generated.sh
source "$(dirname "$0")/generated.sh"

# Mean wall time of a command in milliseconds.
mean_ms() {
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine -N --warmup 2 --runs 10 --export-json "$dir/t.json" "$1" >/dev/null 2>&1 ||
            hyperfine --warmup 2 --runs 10 --export-json "$dir/t.json" "$1" >/dev/null
        python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["mean"]*1000, 1))' "$dir/t.json"
    else
        local start end
        start=$(date +%s%N)
        for _ in 1 2 3 4 5 6 7 8 9 10; do eval "$1" >/dev/null || true; done
        end=$(date +%s%N)
        echo $(((end - start) / 10000000))
    fi
}

for word in "${WORDS[@]}"; do
    ours="./target/release/daynotes search --count $word $file"
    theirs="rg -c -i -F $word $file"
    a=$($ours || true)
    b=$($theirs || true)
    if [ "$a" != "$b" ]; then
        echo "counts differ for $word: daynotes $a, rg $b" >&2
        exit 1
    fi
    t_ours=$(mean_ms "$ours")
    t_rg=$(mean_ms "$theirs")
    ratio=$(python3 -c "print(f'{$t_ours / $t_rg:.2f}')")
    echo "$word: $a lines; daynotes ${t_ours} ms, rg ${t_rg} ms, ratio ${ratio}x"
done
