"""The deal notebook's tables as shown: whole sentences, names instead of ids, missing values as words."""

from __future__ import annotations

import pandas as pd

from xivn.deals import tables

REFERENCE = pd.DataFrame(
    {
        "doc_no": ["COUNT-NIKKEI", "COUNT-REUTERS", "COUNT-REUTERS"],
        "source_title": ["Nikkei Asia: Vietnam and China agree", "Reuters text: 37 Deals", "Reuters text: 37 Deals"],
    }
)


def test_reference_sources_are_named_by_their_publisher():
    assert tables.source_names(REFERENCE) == {"COUNT-NIKKEI": "Nikkei Asia", "COUNT-REUTERS": "Reuters text"}


def test_impossible_pairs_name_documents_and_sources_never_ids():
    clash = pd.DataFrame(
        {
            "a": ["d1", "COUNT-NIKKEI"],
            "a_claim": ["37 deals", "36 documents"],
            "b": ["COUNT-NIKKEI", "COUNT-REUTERS"],
            "b_claim": ["36 documents", "37 deals"],
            "relation": ["cannot both be right"] * 2,
        }
    )
    labels = {"d1": "Pamir (blog)"} | tables.source_names(REFERENCE)
    shown = tables.shown_clash(clash, labels, max_rows=5).shown
    assert shown["Source"].tolist() == ["Pamir (blog)", "Nikkei Asia"]
    assert shown["Other source"].tolist() == ["Nikkei Asia", "Reuters text"]
    assert not shown.apply(lambda column: column.str.contains("COUNT-")).any().any()


def test_an_open_ended_count_reads_as_no_upper_limit():
    evidence = pd.DataFrame(
        {
            "source": ["AF (Reuters)"],
            "quote": ["dozens of co-operation pacts"],
            "low": pd.array([24], dtype="Int64"),
            "high": pd.array([pd.NA], dtype="Int64"),
            "scope": ["all"],
            "status": ["signed"],
            "official": pd.array([36], dtype="Int64"),
            "verdict": ["consistent"],
        }
    )
    table = tables.shown_count_evidence(evidence, max_rows=5)
    assert table.shown.iloc[0]["At most"] == "no upper limit"
    assert "<NA>" not in repr(table)


def test_a_claim_without_an_official_count_reads_as_none():
    evidence = pd.DataFrame(
        {
            "source": ["Wire"],
            "quote": ["a dozen agreements"],
            "low": pd.array([12], dtype="Int64"),
            "high": pd.array([12], dtype="Int64"),
            "scope": ["all"],
            "status": ["signed"],
            "official": pd.array([pd.NA], dtype="Int64"),
            "verdict": ["no official count"],
        }
    )
    row = tables.shown_count_evidence(evidence, max_rows=5).shown.iloc[0]
    assert (row["Official count"], row["Verdict"]) == ("none", "no official count")


def test_evidence_sentences_are_shown_whole():
    sentence = (
        "In his meeting with Xi, Prime Minister Pham Minh Chinh called the decision “a historically important "
        "milestone”, adding that being part of a community with a shared future was a “strategic” choice."
    )
    evidence = pd.DataFrame(
        {
            "source": ["AF (Reuters)"],
            "quote": ["community with a shared future"],
            "item_id": ["shared_future_community"],
            "status": ["signed"],
            "status_source": ["document"],
            "status_cue": [""],
            "sentence": [sentence],
        }
    )
    row = tables.shown_evidence(evidence, max_rows=5).shown.iloc[0]
    assert (row["Sentence"], row["Cue"]) == (sentence, "none")


def test_anticipated_evidence_names_documents_by_their_labels():
    anticipated = pd.DataFrame(
        {
            "label": ["Joint statement"],
            "before_evidence": ["002_de74f18409056071: A “community with a shared future” would matter."],
            "after_evidence": [None],
        }
    )
    row = tables.shown_anticipated(anticipated, {"002_de74f18409056071": "Preview (unattributed)"}, 5).shown.iloc[0]
    assert row["Before the visit"] == "Preview (unattributed): A “community with a shared future” would matter."
    assert row["After the visit"] == "not mentioned"


def test_coverage_counts_have_a_document_column_and_whole_numbers():
    shown = pd.DataFrame({"Digital & telecoms": [5.0, None]}, index=pd.Index(["AF (Reuters)", "Pamir (blog)"]))
    table = tables.shown_coverage_counts(shown).shown
    assert table.columns.tolist() == ["Document", "Digital & telecoms"]
    assert table.values.tolist() == [["AF (Reuters)", "5"], ["Pamir (blog)", "0"]]
