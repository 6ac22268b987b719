"""The overview notebook's tables as a reader sees them: labelled columns, counts with separators,
shares as percentages, descriptions whole, documents by label (never by id) and no pandas index.

Each function takes the raw table the analysis returns (kept as :attr:`~xivn.display.tables.Table.data`)
and returns a :class:`~xivn.display.tables.Table`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from xivn.display.tables import Column, Table, table, with_labels
from xivn.event import EventProfile, event_dates, verdicts

TEXT = Column("Text", note="the document, by outlet and credit line")
KIND = Column("Paragraph kind")
CHROME = Column("Page chrome", "flag", note="yes: part of the web page around the article, left out of the analyses")


def documents_table(documents: pd.DataFrame, profile: EventProfile) -> Table:
    """One row per document of :attr:`~xivn.corpus.corpus.Corpus.documents` (with the ``timing``
    of :func:`~xivn.overview.tables.with_timing`): who published it, when, what kind of text it is,
    whether it was written before, during or after the event of ``profile``, and how long it is."""
    when = f"{profile.name}, {event_dates(profile)}; from metadata.csv, else from the document's date"
    return table(
        documents,
        {
            "label": TEXT,
            "outlet": Column("Outlet", missing="not stated"),
            "date": Column("Date", missing="not stated", note="as precise as the page states it"),
            "genre": Column("Genre", missing="not stated"),
            "timing": Column(f"Before or after the {profile.kind}", missing="not known", note=when),
            "n_chars": Column("Characters", "count"),
            "n_words": Column("Words", "count"),
        },
    )


def syndication_groups_table(groups: pd.DataFrame) -> Table:
    """The groups of :func:`~xivn.overview.tables.syndication_table`: a source and its copies."""
    return table(
        groups,
        {
            "source": Column("Source text"),
            "copies": Column("Copies", note="texts that repeat the source nearly word for word"),
            "group_size": Column("Texts in the group", "count"),
            "lowest_similarity": Column(
                "Lowest similarity",
                "percent",
                note="how much of its text the least similar copy shares with the source",
            ),
        },
    )


def composition_table(bars: pd.DataFrame) -> Table:
    """The rows of :func:`~xivn.overview.tables.composition_chart_rows`: article text against page
    chrome, in characters and paragraphs."""
    return table(
        bars,
        {
            "label": TEXT,
            "article_chars": Column("Article characters", "count"),
            "chrome_chars": Column("Chrome characters", "count"),
            "article_paragraphs": Column("Article paragraphs", "count"),
            "chrome_paragraphs": Column("Chrome paragraphs", "count"),
            "chrome_share": Column("Chrome share", "percent", note="chrome characters / all paragraph characters"),
        },
    )


def paragraph_kinds_table(kinds: pd.DataFrame) -> Table:
    """The paragraph kinds (:func:`xivn.corpus.paragraph_kinds`) with their descriptions, whole."""
    return table(kinds, {"kind": KIND, "is_chrome": CHROME, "description": Column("What it is", "quote")})


def kind_counts_table(counts: pd.DataFrame) -> Table:
    """The paragraph counts of :func:`~xivn.overview.tables.kind_counts`: one row per kind, one
    column per document (or one total column)."""
    per_text = {name: Column(str(name), "count", missing="0") for name in counts.columns}
    return table(
        counts.reset_index(),
        {"kind": KIND, "is_chrome": CHROME} | per_text,
        caption="Paragraphs of each kind, per text",
    )


def example_table(example: pd.Series, labels: Mapping[str, str]) -> Table:
    """The :func:`~xivn.overview.tables.provenance_example` as one row: its text by label, where it
    sits in the raw text, and the sentence whole."""
    row = with_labels(example.to_frame().T, labels, "doc_id")
    return table(
        row,
        {
            "doc_id_label": TEXT,
            "sent_id": Column("Sentence", "count", note="its number in the document, counted from 0"),
            "start": Column("From character", "count", note="offset in the raw text where the sentence starts"),
            "end": Column("To character", "count", note="offset where it ends (exclusive)"),
            "text": Column("Sentence text", "quote"),
        },
    )


def scope_shown(scope: pd.DataFrame, labels: Mapping[str, str]) -> Table:
    """The scope table (:func:`~xivn.event.scope_table`) as a reader sees it: each document by label,
    its verdict in words and the reason, with the country pairs it names."""
    words = verdicts().set_index("verdict")["label"].to_dict()
    rows = with_labels(scope, labels, "doc_id").assign(verdict=scope["verdict"].map(words))
    return table(
        rows,
        {
            "doc_id_label": TEXT,
            "verdict": Column(
                "About the event?", note="the scope verdict; the notebooks analyse 'in scope' by default"
            ),
            "reason": Column("Why", "quote"),
            "pairs": Column(
                "Country pairs named", missing="none", note="two countries in one sentence, with the count"
            ),
        },
    )
