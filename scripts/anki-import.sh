#!/usr/bin/env bash
# Imports what `daynotes export --format anki` and `--format anki-csv` write
# into a fresh Anki collection with Anki's own Python library (pip install
# anki), and prints the notes and cards Anki counts; then exports the notes
# again with one answer edited and imports that too, to show the notes are
# updated, not added twice. Skipped, with a word, when Python or Anki's
# library is missing.
#
#   scripts/anki-import.sh [NOTES]      (default: the card fixtures in markdown)
#   PYTHON=~/venv/bin/python scripts/anki-import.sh

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "skipped: $PYTHON is not installed"
    exit 0
fi
if ! "$PYTHON" -c 'import anki.collection' >/dev/null 2>&1; then
    echo "skipped: Anki's Python library is not installed (pip install anki)"
    exit 0
fi

notes="${1:-tests/fixtures/cards/cards.md}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

cargo build --release --quiet
./target/release/daynotes export --format anki --output "$dir/first.apkg" "$notes"
./target/release/daynotes export --format anki-csv --output "$dir/cards.txt" "$notes"
# The same notes, one answer edited: the second import updates that note.
sed 's/Transmission Control Protocol/Transmission Control Protocol (edited)/' "$notes" >"$dir/edited.md"
sleep 1 # Anki updates a note only when the package's is newer, in seconds
./target/release/daynotes export --format anki --deck cards --output "$dir/edited.apkg" "$dir/edited.md"

"$PYTHON" - "$dir" <<'PY'
import os
import sys

from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest, ImportCsvRequest

folder = sys.argv[1]


def fresh(name):
    return Collection(os.path.join(folder, name))


def counts(col, label):
    notes, cards = col.note_count(), col.card_count()
    kinds = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        model = note.note_type()["name"]
        kinds[model] = kinds.get(model, 0) + 1
    decks = sorted(d.name for d in col.decks.all_names_and_ids() if d.name != "Default")
    tags = sorted(col.tags.all())
    print(f"{label}: {notes} notes, {cards} cards")
    for model, n in sorted(kinds.items()):
        print(f"  {n:3} {model}")
    print(f"  decks: {', '.join(decks)}")
    print(f"  tags: {' '.join(tags)}")


def package(col, path):
    options = ImportAnkiPackageOptions(update_notes=0, update_notetypes=0, with_scheduling=False)
    log = col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=options)).log
    return len(log.new), len(log.updated), len(log.duplicate)


col = fresh("package.anki2")
new, updated, same = package(col, os.path.join(folder, "first.apkg"))
print(f"package imported: {new} new")
counts(col, "Anki counts")
front = col.get_note(col.find_notes('"Front:TCP"')[0])
print(f"  a note: {front['Front']} → {front['Back']}")
new, updated, same = package(col, os.path.join(folder, "edited.apkg"))
print(f"imported again, one answer edited: {new} new, {updated} updated, {same} unchanged")
front = col.get_note(col.find_notes('"Front:TCP"')[0])
print(f"  the note now: {front['Front']} → {front['Back']}")
counts(col, "Anki counts")
col.close()

col = fresh("text.anki2")
path = os.path.join(folder, "cards.txt")
metadata = col.get_csv_metadata(path=path, delimiter=None)
log = col.import_csv(ImportCsvRequest(path=path, metadata=metadata)).log
print(f"text import: {len(log.new)} new")
counts(col, "Anki counts")
col.close()
PY
