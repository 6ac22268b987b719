"""What the rare-earth notebook shows: rows and documents chosen by its parameters (tables built by hand)."""

from __future__ import annotations

import pandas as pd

from xivn import rare_earths


def matrix(rows: dict[str, list[float]], documents: list[str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows.values()), columns=documents, index=pd.Index(list(rows), name="claim"))


MATRIX = matrix({"R": [1, 0, 2, 0], "S": [1, 0, 1, 3], "T": [1, 0, 0, 0]}, ["A", "B", "C", "D"])


def test_shown_documents_keep_those_making_most_claims_in_corpus_order():
    assert rare_earths.shown_documents(MATRIX, 2) == ["A", "C"]  # 3 and 2 claims; D makes 1, B none
    assert rare_earths.shown_documents(MATRIX, 3) == ["A", "C", "D"]
    assert rare_earths.shown_documents(MATRIX, 15) == ["A", "B", "C", "D"]  # few enough: all, even B
    assert rare_earths.shown_documents(MATRIX.iloc[:, :0], 15) == []


def test_shown_matrix_cuts_columns_and_keeps_every_claim():
    shown = rare_earths.shown_matrix(MATRIX, 2)
    assert shown.columns.tolist() == ["A", "C"] and shown.index.tolist() == ["R", "S", "T"]
    assert shown.loc["R"].tolist() == [1, 2]


def test_for_documents_selects_rows_by_label_and_columns():
    table = pd.DataFrame({"label": ["A", "B", None, "C"], "claim": ["x", "y", "z", "w"], "n": [1, 2, 3, 4]})
    shown = rare_earths.for_documents(table, pd.Index(["A", "C"]), ["claim", "n"])
    assert shown.to_dict("list") == {"claim": ["x", "w"], "n": [1, 4]}
    assert shown.index.tolist() == [0, 3]
    assert rare_earths.for_documents(table, [], ["claim"]).empty


def test_shown_mentions_label_the_rows_and_cut_them():
    mentions = pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3"],
            "sent_id": [1, 2, 3],
            "left": ["l", "m", "n"],
            "quote": ["rare earths", "minerals", None],
            "right": ["r", "s", "t"],
            "start": [0, 5, 9],
        }
    )
    shown = rare_earths.shown_mentions(mentions, {"d1": "Wire", "d2": "*Blog*"}, 2)
    assert shown.columns.tolist() == ["label", "sent_id", "left", "quote", "right"]
    assert shown["label"].tolist() == ["Wire", "*Blog*"]  # a table: pandas escapes its HTML itself
    assert rare_earths.shown_mentions(mentions, {}, 30)["label"].tolist() == ["d1", "d2", "d3"]
    assert rare_earths.shown_mentions(mentions.iloc[:0], {}, 30).empty


def test_leading_reserves_keep_ties_at_the_cut():
    ranks = pd.DataFrame(
        {
            "edition": ["E"] * 4,
            "published": ["2023-01"] * 4,
            "country": ["China", "Brazil", "Russia", "India"],
            "reserves_t": [44.0, 21.0, 21.0, 6.9],
            "rank": [1, 2, 2, 4],
            "listed": [4] * 4,
        }
    )
    shown = rare_earths.leading_reserves(ranks, 2)
    assert shown["country"].tolist() == ["China", "Brazil", "Russia"]
    assert shown.columns.tolist() == ["edition", "country", "reserves_t", "rank", "listed"]


def test_shown_claims_label_documents_and_claims_and_keep_the_first_rows():
    found = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d2"],
            "sent_id": [3, 3, 0],
            "claim_id": ["reserves_size", "reserves_size", "no_deal_announced"],
            "country": ["Vietnam", "China", ""],
            "country_from": ["sentence", "sentence", ""],
            "number_quote": ["22 million tonnes", "44 million tonnes", ""],
            "quote": ["...", "...", "..."],
        }
    )
    shown = rare_earths.shown_claims(found, {"d1": "Wire"}, {"reserves_size": "Reserves (t)"}, 2)
    assert shown.columns.tolist() == ["label", "sent_id", "claim", "country", "country_from", "number_quote"]
    assert shown.values.tolist() == [
        ["Wire", 3, "Reserves (t)", "Vietnam", "sentence", "22 million tonnes"],
        ["Wire", 3, "Reserves (t)", "China", "sentence", "44 million tonnes"],
    ]
    # a document without a label shows its id, a claim without one its id
    unlabelled = rare_earths.shown_claims(found, {}, {}, 5)
    assert unlabelled[["label", "claim"]].iloc[2].tolist() == ["d2", "no_deal_announced"]
