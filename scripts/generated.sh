# Sourced by the comparison scripts: stops quietly when rg is missing, then
# writes generated notes of $MB megabytes (100 unless set) to "$file", in a
# temporary directory "$dir" removed on exit, with the release build ready.
# The caller names the extra targets to build in $BUILD.

MB="${MB:-100}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v rg >/dev/null 2>&1; then
    echo "rg (ripgrep) is not installed: nothing to compare with."
    exit 0
fi

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
file="$dir/notes.txt"

# shellcheck disable=SC2086 # $BUILD is a list of cargo arguments
cargo build --release --quiet --example gen-notes $BUILD
./target/release/examples/gen-notes --mb "$MB" --seed 1 --out "$file"
echo "generated $(du -h "$file" | cut -f1) of notes"
