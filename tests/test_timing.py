"""Timing: whether a document was written before, during or after the event, and from what."""

from __future__ import annotations

from pathlib import Path

import pytest

import xivn
from xivn.event import document_timing, load_event

EVENTS = Path(__file__).parent / "fixtures" / "events"
METADATA = "doc_id,file,date,timing\n"


@pytest.fixture(scope="module")
def xi():
    return load_event()


def timings(make_corpus, profile, rows: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    files = {f"{name}.txt": "Some words about trade.\n" for name in rows}
    files["metadata.csv"] = METADATA + "".join(f"{n},{n}.txt,{d},{t}\n" for n, (d, t) in rows.items())
    table = document_timing(xivn.load_corpus(make_corpus(files)), profile)
    return {row.doc_id: (row.timing, row.timing_from) for row in table.itertuples()}


def test_a_dated_document_is_placed_by_its_date(make_corpus, xi):
    found = timings(
        make_corpus,
        xi,
        {
            "a": ("2023-12-11", ""),
            "b": ("2023-12-12", ""),
            "c": ("2023-12-13", ""),
            "d": ("2023-12-14", ""),
            "e": ("2023-11", ""),
            "f": ("2024", ""),
        },
    )
    assert found == {
        "a": ("before", "date"),
        "b": ("during", "date"),
        "c": ("during", "date"),
        "d": ("after", "date"),
        "e": ("before", "date"),
        "f": ("after", "date"),
    }


def test_a_month_or_year_that_holds_the_event_places_nothing(make_corpus, xi):
    found = timings(make_corpus, xi, {"a": ("2023-12", ""), "b": ("2023", ""), "c": ("", "")})
    assert found == {"a": ("", "date too coarse"), "b": ("", "date too coarse"), "c": ("", "no date")}


def test_a_curated_timing_wins_over_the_date(make_corpus, xi):
    assert timings(make_corpus, xi, {"a": ("2023-12-13", "before")}) == {"a": ("before", "metadata.csv")}


def test_another_events_dates_place_its_documents():
    corpus = xivn.load_corpus(EVENTS / "biden_vietnam_2023")
    table = document_timing(corpus, load_event(EVENTS / "biden_vietnam_2023.toml"))
    placed = dict(zip(table["doc_id"], table["timing"], strict=True))
    assert placed["005_other_pair"] == "during"  # dated 2023-09-10, no curated timing
    assert placed["001_preview"] == "before"  # undated, curated
