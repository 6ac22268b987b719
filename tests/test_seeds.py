"""The seed texts are byte-identical copies, and each has exactly one curated metadata row."""

from __future__ import annotations

import csv
import hashlib

from conftest import REPO

SEEDS = REPO / "seeds"


def test_seed_files_match_the_recorded_sha256():
    recorded = dict(line.split()[::-1] for line in (SEEDS / "SHA256SUMS").read_text().splitlines())
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(SEEDS.glob("*.txt"))}
    assert len(on_disk) == 5
    assert on_disk == recorded


def test_every_seed_has_exactly_one_metadata_row():
    with (SEEDS / "metadata.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sorted(row["file"] for row in rows) == files
    for row in rows:
        assert row["timing"] in {"before", "after"}
        assert row["date"][:7] == "2023-12"
        assert row["date_basis"].split(":")[0] in {"stated", "inferred"}
        assert row["genre"] and row["outlet"] and row["note"]


def test_seed_metadata_reaches_the_documents_table(seeds):
    docs = seeds.documents.set_index("doc_id")
    assert docs.loc["002_de74f18409056071", "date"] == "2023-12-12"
    assert docs.loc["002_de74f18409056071", "date_basis"].startswith("stated")
    assert docs.loc["000_1a56b2a50d2ad841", "outlet"] == "Asia Financial (AF)"
    assert docs.loc["004_7f647e3ecafc4dc6", "genre"] == "consultancy blog"
    assert list(docs["timing"]) == ["after", "before", "before", "after", "after"]
