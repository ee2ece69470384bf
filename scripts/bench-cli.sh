#!/usr/bin/env bash
# The whole command against ripgrep on the same file: each row's daynotes
# command and its rg counterpart run in turns (so that a busy machine slows
# both alike), RUNS times each (11 unless set); prints the medians, their
# ratio against the target, each command's peak resident size against the
# limit (1.5 × the file + 30 MB), and checks that the outputs agree (the
# same lines, the same counts).
#
#   scripts/bench-cli.sh                 # 100 MB of generated notes
#   SHAPE=seed scripts/bench-cli.sh      # ... in the bundled notes' year-less shape
#   CRLF=1 SHAPE=seed scripts/bench-cli.sh  # ... every line ending in \r\n
#   MB=20 RUNS=5 scripts/bench-cli.sh
#   BEFORE=path/to/old/daynotes scripts/bench-cli.sh   # adds its times
#
# ripgrep is optional: without it the daynotes commands are timed alone and
# the ratios are skipped, with a message. hyperfine is optional too: with
# it, the two rows with targets are timed once more by hyperfine, as a
# second opinion. Needs python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

MB="${MB:-100}"
RUNS="${RUNS:-11}"
SHAPE="${SHAPE:-}"
case "$SHAPE" in
    seed) SHAPE_ARG="--seed-shape" ;;
    markdown) SHAPE_ARG="--markdown" ;;
    "") SHAPE_ARG="" ;;
    *) echo "SHAPE is seed, markdown or nothing"; exit 2 ;;
esac
if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is not installed: it times the runs. Nothing measured."
    exit 0
fi
if command -v rg >/dev/null 2>&1; then
    RG=rg
else
    RG=
    echo "rg (ripgrep) is not installed: daynotes is timed alone, no ratios (apt-get install ripgrep)."
fi

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
file="$dir/notes.txt"
cargo build --release --quiet --bin daynotes --example gen-notes
CRLF_ARG=""
if [ -n "${CRLF:-}" ]; then CRLF_ARG="--crlf"; fi
./target/release/examples/gen-notes --mb "$MB" --seed 1 $SHAPE_ARG $CRLF_ARG --out "$file"
cat "$file" >/dev/null # into the page cache

echo "machine: $(nproc) cores, $(uname -sm); load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); file: $MB MB of generated notes (gen-notes --mb $MB --seed 1 $SHAPE_ARG $CRLF_ARG); $RUNS runs each, taking turns"

python3 - "$file" "$RUNS" "$RG" "${BEFORE:-}" <<'EOF'
import json, os, statistics, subprocess, sys, time

file, runs, rg, before = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ours = os.path.abspath("target/release/daynotes")
size = os.path.getsize(file)
limit_kb = (1.5 * size + 30 * 2**20) / 1024

def run(argv):
    """Wall time in ms and peak resident size in KiB of one run, output to /dev/null."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return (time.perf_counter() - start) * 1000, usage.ru_maxrss

def out(argv):
    return subprocess.run(argv, capture_output=True).stdout

def turns(a, b):
    """Runs `a` and `b` (b may be None) in turns; medians and a's peak."""
    ta, tb, peak = [], [], 0
    for argv in ([a] + ([b] if b else [])):
        run(argv)  # warm up
    for _ in range(runs):
        t, kb = run(a)
        ta.append(t)
        peak = max(peak, kb)
        if b:
            tb.append(run(b)[0])
    return statistics.median(ta), (statistics.median(tb) if tb else None), peak

def agree_lines(query):
    """search QUERY and rg -i QUERY: the same lines, numbers and texts."""
    plain = out([ours, "search", "--color", "never", query, file]).count(b"\n")
    hits = json.loads(out([ours, "search", "--json", query, file]))["hits"]
    theirs = []
    for row in out([rg, "-n", "-i", "--no-heading", query, file]).decode().splitlines():
        n, text = row.split(":", 1)
        theirs.append((int(n), text))
    mine = [(h["line"], h["text"]) for h in hits]
    return mine == theirs and plain == len(theirs), f"{len(theirs)} lines"

def agree_count(query):
    """list --depth 1 prints a row per day; rg -c counts what it counts:
    here the days are counted both ways, from the export and by rg."""
    days = out([ours, "list", "--depth", "1", file]).count(b"\n")
    mine = len(json.loads(out([ours, "export", "--format", "json", file]))["days"])
    theirs = int(out([rg, "-c", "-F", query, file]) or b"0")
    mine_q = json.loads(out([ours, "search", "--count", "--json", query, file]))["count"]
    return days == mine and mine_q == theirs, f"{days} days; {theirs} lines hold {query}"

rows = [
    ("list --depth 1", ["list", "--depth", "1"], ["-c", "-F", "timeout"], 4.0, lambda: agree_count("timeout")),
    ("list", ["list"], None, None, None),
    ("search timeout", ["search", "timeout"], ["-i", "timeout"], 3.0, lambda: agree_lines("timeout")),
    ("search --json timeout", ["search", "--json", "timeout"], ["-i", "timeout"], 4.0, None),
    ("export --format json", ["export", "--format", "json"], None, None, None),
    ("export --format yaml", ["export", "--format", "yaml"], None, None, None),
    ("check", ["check"], None, None, None),
]

# Every row is timed before any output is read here: a child's peak size
# counts this process's size when it was started (the kernel carries it
# over the exec), and reading a large export would make this one large.
results = []
for name, args, rg_args, target, agree in rows:
    a = [ours, *args, "--color", "never", file]
    b = [rg, *rg_args, file] if (rg and rg_args) else None
    results.append(turns(a, b))

print()
print(f"{'daynotes …':24} {'median':>9} {'rg counterpart':>24} {'median':>9} {'ratio':>7} {'target':>7} {'peak RSS':>10} {'(limit)':>11}  output")
failed = False
for (name, args, rg_args, target, agree), (ta, tb, peak) in zip(rows, results):
    b = rg and rg_args
    ratio = f"{ta / tb:.1f}×" if tb else "-"
    goal = f"≤{target:.0f}×" if (target and b) else "-"
    rss = f"{peak / 1024:.0f} MB"
    within = "ok" if peak <= limit_kb else "OVER"
    verdict = "-"
    if agree and rg:
        same, what = agree()
        verdict = ("same: " if same else "DIFFER: ") + what
        failed |= not same
    if target and tb and ta / tb > target:
        goal += " (missed)"
    them = " ".join(["rg", *rg_args]) if b else "-"
    limit = f"{limit_kb / 1024:.0f} MB"
    print(f"{name:24} {ta:7.0f} ms {them:>24} {(f'{tb:.0f} ms' if tb else '-'):>9} {ratio:>7} {goal:>7} {rss:>10} {within:>4} {limit}  {verdict}")

# Where a command's time goes: its own phases, against reading the file.
phases = subprocess.run([ours, "--timings", "list", "--depth", "1", file], capture_output=True).stderr.decode()
cat = statistics.median(run(["cat", file])[0] for _ in range(5))
print()
print("list --depth 1 --timings: " + ", ".join(" ".join(l.split()) for l in phases.splitlines()))
print(f"cat FILE > /dev/null: {cat:.0f} ms (median of 5)")

if before:
    print()
    for name, args in [("export --format json", ["export", "--format", "json"]), ("list --depth 1", ["list", "--depth", "1"]), ("search timeout", ["search", "timeout"])]:
        tn, to, _ = turns([ours, *args, "--color", "never", file], [before, *args, "--color", "never", file])
        print(f"{name}: {tn:.0f} ms, the build before {to:.0f} ms: {to / tn:.1f}× faster")
sys.exit(1 if failed else 0)
EOF

if command -v hyperfine >/dev/null 2>&1; then
    if [ -n "$RG" ]; then
        echo
        echo "hyperfine, as a second opinion (runs each command in a block, not in turns):"
        hyperfine -N --warmup 2 --runs "$RUNS" --style basic \
            "./target/release/daynotes list --depth 1 $file" "rg -c -F timeout $file" \
            "./target/release/daynotes search timeout $file" "rg -i timeout $file" 2>&1 |
            grep -E '^(Benchmark|  Time)'
    fi
else
    echo
    echo "hyperfine is not installed: no second opinion (apt-get install hyperfine)."
fi
