"""The rows and shapes the deal notebook shows (xivn.deals.selection), on small hand-made tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from xivn import deals

MENTION_COLUMNS = ["doc_id", "quote", "item_id", "category", "parties", "status", "status_source", "status_cue"]


def mentions(*rows) -> pd.DataFrame:
    table = pd.DataFrame(list(rows), columns=MENTION_COLUMNS)
    return table.assign(sentence=table["quote"] + ".")


MENTIONS = mentions(
    ("d1", "rail", "rail", "transport", "China-Vietnam", "signed", "clause", "signed"),
    ("d1", "chips", "chips", "chips", "US-Vietnam", "signed", "lead-in", "signed"),
    ("d2", "rare earths", "rare", "minerals", "China-Vietnam", "absent", "clause", "no deal"),
    ("d2", "5G", "five_g", "digital", "China-Vietnam", "expected", "document", ""),
    ("d3", "cables", "cables", "digital", "China-Vietnam", "signed", "default", ""),
)


def test_parties_summary_puts_the_focal_pair_first_and_the_unresolved_last():
    table = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d2", "d2", "d3", "d3", "d3"],
            "parties": ["China-Vietnam", "", "Japan-Vietnam", "China-Vietnam", "China", "ATR-India", "Japan-Vietnam"],
            "parties_from": ["clause", "", "sentence", "heading", "one side", "clause", "document"],
        }
    )
    found = deals.parties_summary(table, "China-Vietnam")
    assert found.values.tolist() == [
        ["China-Vietnam", True, 2, 2],
        ["Japan-Vietnam", True, 2, 2],
        ["ATR-India", True, 1, 1],
        ["China", False, 1, 1],
        ["", False, 1, 1],
    ]
    assert deals.parties_summary(table.iloc[:0], "China-Vietnam").empty


def test_pair_mentions_drop_the_unresolved():
    table = pd.DataFrame({"parties": ["China-Vietnam", "China", ""], "parties_from": ["clause", "one side", ""]})
    assert deals.pair_mentions(table)["parties"].tolist() == ["China-Vietnam"]


def test_own_mentions_keeps_one_partnership():
    assert deals.own_mentions(MENTIONS, "China-Vietnam")["item_id"].tolist() == ["rail", "rare", "five_g", "cables"]
    assert deals.own_mentions(MENTIONS.iloc[:0], "China-Vietnam").empty


def test_reported_items_keep_areas_the_event_pair_and_the_pairs_the_texts_name():
    taxonomy = pd.DataFrame(
        {
            "item_id": ["rail", "chips", "ferry", "drones", "trade_area", "fund"],
            "kind": ["item", "item", "item", "item", "area", "item"],
            "parties": ["China-Vietnam", "US-Vietnam", "Japan-Vietnam", "India-Vietnam", "", np.nan],
        }
    )
    found = pd.DataFrame(
        {"parties": ["Japan-Vietnam", "India-Vietnam", "India"], "parties_from": ["clause", "", "one side"]}
    )
    # the event pair US-Vietnam; Japan-Vietnam is read from a clause; an unresolved "India-Vietnam" does not count
    kept = deals.reported_items(taxonomy, found, "US-Vietnam")["item_id"].tolist()
    assert kept == ["chips", "ferry", "trade_area", "fund"]
    assert deals.reported_items(taxonomy, found.iloc[:0], "China-Vietnam")["item_id"].tolist() == [
        "rail",
        "trade_area",
        "fund",
    ]


def test_shown_coverage_keeps_the_documents_with_most_mentions_in_corpus_order():
    coverage = pd.DataFrame({"Rail": [1, 0, 2], "Digital": [0, 0, 2]}, index=["d1", "d2", "d3"])
    shown = deals.shown_coverage(coverage, {"d1": "A", "d2": "B", "d3": "C"}, 2)
    assert shown.index.tolist() == ["A", "C"]
    assert shown.loc["C"].tolist() == [2, 2]
    assert deals.shown_coverage(coverage, {}, 5).index.tolist() == ["d1", "d2", "d3"]  # no label: the doc_id
    assert deals.shown_coverage(coverage.iloc[:0], {}, 5).empty


def test_status_by_category_counts_in_taxonomy_and_status_order():
    categories = {"transport": "Transport", "digital": "Digital", "minerals": "Minerals", "other": "Other"}
    table = deals.status_by_category(MENTIONS, categories, ["signed", "expected", "absent"])
    assert table.index.tolist() == ["Transport", "Digital", "Minerals", "Other"]
    assert table.columns.tolist() == ["signed", "expected", "absent"]
    assert table.to_numpy().tolist() == [[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 0, 0]]  # "chips" is no category here
    empty = deals.status_by_category(MENTIONS.iloc[:0], categories, ["signed"])
    assert empty.to_numpy().tolist() == [[0], [0], [0], [0]]


def test_doubtful_mentions_are_outside_statuses_and_absences():
    evidence = deals.doubtful_mentions(MENTIONS, {"d2": "AF", "d3": np.nan})
    assert evidence.columns.tolist() == [
        "source",
        "quote",
        "item_id",
        "status",
        "status_source",
        "status_cue",
        "sentence",
    ]
    assert evidence["item_id"].tolist() == ["rare", "five_g", "cables"]
    assert evidence["source"].tolist()[:2] == ["AF", "AF"]
    denial = mentions(("d4", "rare earths", "rare", "minerals", "China-Vietnam", "denied", "clause", "denied"))
    assert deals.doubtful_mentions(denial, {})["status"].tolist() == ["denied"]  # a denial is checked too


def test_anticipated_evidence_keeps_items_with_a_before_side():
    outcomes = pd.DataFrame(
        {
            "label": ["Rail", "Hotline"],
            "before": ["expected", ""],
            "after": ["signed", "signed"],
            "before_evidence": ["d1: a", ""],
            "after_evidence": ["d2: b", "d2: c"],
        }
    )
    table = deals.anticipated_evidence(outcomes)
    assert table.to_numpy().tolist() == [["Rail", "d1: a", "d2: b"]]


def test_count_evidence_labels_the_source():
    counts = pd.DataFrame(
        {
            "doc_id": ["d1"],
            "quote": ["37 deals"],
            "low": [37],
            "high": [37],
            "scope": ["all"],
            "status": ["signed"],
            "official": [36],
            "verdict": ["conflicts"],
            "start": [4],
        }
    )
    table = deals.count_evidence(counts, {"d1": "Pamir (blog)"})
    assert table.columns.tolist() == ["source", "quote", "low", "high", "scope", "status", "official", "verdict"]
    assert table.iloc[0].tolist() == ["Pamir (blog)", "37 deals", 37, 37, "all", "signed", 36, "conflicts"]


def test_impossible_pairs_and_signed_packages():
    conflicts = pd.DataFrame({"a": ["x", "y"], "relation": ["cannot both be right", "agree"]})
    assert deals.impossible_pairs(conflicts)["a"].tolist() == ["x"]
    packages = pd.DataFrame({"category": ["Rail", "Rail"], "parties": ["CV", "US"], "n_items": [2, 0]})
    assert deals.signed_packages(packages)["parties"].tolist() == ["CV"]


def test_signed_by_sector_and_shared_sectors():
    packages = pd.DataFrame(
        {
            "category": ["Rail", "Rail", "Chips", "Chips", "Digital", "Digital"],
            "parties": ["CV", "US", "CV", "US", "CV", "US"],
            "n_items": [2, 1, 0, 3, 1, 0],
        }
    )
    wide = deals.signed_by_sector(packages, ["Digital", "Rail", "Chips"])
    assert wide.index.tolist() == ["Digital", "Rail", "Chips"]
    assert wide.columns.tolist() == ["CV", "US"]
    assert wide.to_numpy().tolist() == [[1, 0], [2, 1], [0, 3]]
    assert deals.shared_sectors(wide) == ["Rail"]
    assert deals.shared_sectors(wide.assign(US=[np.nan, np.nan, 1])) == []
    assert deals.shared_sectors(pd.DataFrame()) == []
