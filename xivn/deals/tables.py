"""The deal notebook's tables as a reader sees them: labelled, explained columns, whole sentences,
documents and reference sources by their names (the analysis functions keep returning raw frames)."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from xivn.display.tables import Column, Table, table, with_labels

STATUS = Column(
    "Status", note="signed, agreed, pledged, expected, proposed, urged, denied or absent, read from the text"
)
CATEGORY = Column("Category")
ITEM = Column("Item")


def source_names(reference: pd.DataFrame) -> dict[str, str]:
    """Reference count ids ("COUNT-NIKKEI") → the publisher a reader knows ("Nikkei Asia"), the part of
    the source title before its colon."""
    titles = reference.drop_duplicates("doc_no").set_index("doc_no")["source_title"]
    return {doc_no: str(title).split(":", 1)[0].strip() for doc_no, title in titles.items()}


def _labelled(text: object, labels: Mapping[str, str]) -> object:
    """Evidence text "doc_id: sentence" with each document id replaced by its label."""
    if not isinstance(text, str) or not labels:
        return text
    pattern = re.compile("|".join(re.escape(doc) for doc in sorted(labels, key=len, reverse=True)))
    return pattern.sub(lambda found: labels[found.group(0)], text)


def shown_parties(parties: pd.DataFrame) -> Table:
    """Mentions and documents per pair of parties."""
    columns = {
        "parties": "Parties",
        "resolved": Column("Both sides named", "flag", note="whether the text names both sides of the deal"),
        "mentions": Column("Mentions", "count"),
        "documents": Column("Documents", "count"),
    }
    return table(parties, columns)


def shown_taxonomy(taxonomy: pd.DataFrame) -> Table:
    """The taxonomy's categories and items."""
    columns = {
        "category": CATEGORY,
        "item_id": Column("Id", note="the item's stable id in deal_taxonomy.toml"),
        "label": ITEM,
        "kind": Column("Kind", note="item: a specific deal; area: a sector named without a specific document"),
        "parties": Column("Parties", missing="any"),
        "reference": Column("Official list row", missing="none", note="the row of deals_official.csv documenting it"),
    }
    return table(taxonomy, columns)


def _count_grid(grid: pd.DataFrame, rows: Column) -> Table:
    """A grid of counts (rows in the index, one column per heading) with its row header ``rows``."""
    frame = grid.reset_index()
    first = frame.columns[0]
    return table(frame, {first: rows} | {name: Column(str(name), "count") for name in frame.columns[1:]})


def shown_status(status: pd.DataFrame) -> Table:
    """Mentions per category and status, as counts."""
    return _count_grid(status, CATEGORY)


def shown_coverage_counts(shown: pd.DataFrame) -> Table:
    """The event pair's deal mentions per document (by label) and category, as counts."""
    return _count_grid(shown.fillna(0), Column("Document"))


def shown_evidence(evidence: pd.DataFrame, max_rows: int) -> Table:
    """Mentions whose status a reader might doubt, each with its whole sentence."""
    columns = {
        "source": "Document",
        "quote": Column("Mention", "quote"),
        "item_id": Column("Item id"),
        "status": STATUS,
        "status_source": Column(
            "Status read from",
            note="the clause, a list's lead-in, an earlier sentence, the document's prevailing tone or the default",
        ),
        "status_cue": Column("Cue", missing="none", note="the words that gave the status"),
        "sentence": Column("Sentence", "quote"),
    }
    return table(evidence.head(max_rows), columns)


def shown_outcomes(outcomes: pd.DataFrame) -> Table:
    """Each item's statuses before and after the visit, and the outcome computed from them."""
    columns = {
        "category": CATEGORY,
        "label": ITEM,
        "before": Column("Before the visit", missing="not mentioned"),
        "after": Column("After the visit", missing="not mentioned"),
        "outcome": Column("Outcome", note="computed from the statuses before and after"),
    }
    return table(outcomes, columns)


def shown_anticipated(anticipated: pd.DataFrame, labels: Mapping[str, str], max_rows: int) -> Table:
    """The sentences behind each anticipated item, before and after, with document labels."""
    frame = anticipated.head(max_rows)
    frame = frame.assign(**{name: frame[name].map(lambda text: _labelled(text, labels)) for name in frame.columns[1:]})
    columns = {
        "label": ITEM,
        "before_evidence": Column("Before the visit", "quote", missing="not mentioned"),
        "after_evidence": Column("After the visit", "quote", missing="not mentioned"),
    }
    return table(frame, columns)


def shown_count_evidence(evidence: pd.DataFrame, max_rows: int) -> Table:
    """Each number claim, the range it stands for and its verdict against the official count."""
    columns = {
        "source": "Document",
        "quote": Column("Claim", "quote"),
        "low": Column("At least", "count", note="the smallest number the words allow (dozens: 24)"),
        "high": Column("At most", "count", missing="no upper limit"),
        "scope": Column("Counts", note="all deals or one sector"),
        "status": STATUS,
        "official": Column("Official count", "count", missing="none"),
        "verdict": Column("Verdict", note="conflicts when the claim's range excludes the official count"),
    }
    return table(evidence.head(max_rows), columns)


def shown_clash(clash: pd.DataFrame, labels: Mapping[str, str], max_rows: int) -> Table:
    """Pairs of stated totals that cannot both be right, each side by its document or source name."""
    frame = with_labels(clash.head(max_rows), labels, "a", "b")
    columns = {
        "a_label": "Source",
        "a_claim": Column("It says", "quote"),
        "b_label": "Other source",
        "b_claim": Column("The other says", "quote"),
        "relation": "Relation",
    }
    return table(frame, columns)


def shown_packages(packages: pd.DataFrame) -> Table:
    """Signed items per sector and pair of parties, with the words they were read from."""
    columns = {
        "category": CATEGORY,
        "parties": "Parties",
        "n_items": Column("Signed items", "count"),
        "items": Column("Items", "quote"),
        "evidence": Column("As written", "quote"),
    }
    return table(packages, columns)
