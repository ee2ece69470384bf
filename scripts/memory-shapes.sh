#!/usr/bin/env bash
# Peak memory and time of each command on pathological 8 MB shapes, with
# GNU time (`apt-get install time`): 1.7 million bare day lines, one 8 MB
# line of `>`, one 12 MB line of text. DAYNOTES names another binary to
# measure (a build from before a change, say); the release build otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -x /usr/bin/time ]; then
    echo "GNU time (/usr/bin/time) is not installed: nothing to measure with."
    exit 0
fi
if [ -z "${DAYNOTES:-}" ]; then
    cargo build --release --quiet
    DAYNOTES=target/release/daynotes
fi
DAYNOTES="$(realpath "$DAYNOTES")"

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
awk 'BEGIN { while (n < 8388608) for (m = 1; m <= 12; m++) for (d = 1; d <= 28; d++) {
        s = m "." d; print s; n += length(s) + 1 } }' > "$dir/days.txt"
{ printf '8.22\n    1.quote\n        '; head -c 8388608 /dev/zero | tr '\0' '>'; echo; } > "$dir/quote.txt"
{ printf '8.22\n    1.long\n        '; { yes 'tcp握手 seq=x ' | tr -d '\n' | head -c 12582912 || true; }; echo; } > "$dir/long.txt"

cd "$dir"
printf '%-40s %10s %8s\n' command "peak MB" seconds
for cmd in "list days.txt" "export --format json days.txt" "export --format yaml days.txt" \
    "check days.txt" "show 8.22 quote.txt" "show 8.22 long.txt" "list long.txt"; do
    # shellcheck disable=SC2086 # $cmd is a list of arguments
    /usr/bin/time -f '%M %e' -o t "$DAYNOTES" $cmd --color never > /dev/null 2>&1 || true
    read -r kb secs < <(tail -1 t)
    printf '%-40s %10d %8s\n' "$cmd" $((kb / 1024)) "$secs"
done
