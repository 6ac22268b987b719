"""Which rows the framing notebook shows, the first flagged rewrite told, and the quote check."""

from __future__ import annotations

import pandas as pd
from conftest import AF, INQUIRER, PAMIR, PREVIEW, REWRITE

from xivn.framing import checks, selection
from xivn.framing.rewrite_detection import ALIGNMENT_COLUMNS, DIRECTION_COLUMNS, rewrites, top_rewrite
from xivn.framing.tonality import tone


def test_shown_documents_are_those_with_most_frame_sentences_in_corpus_order():
    evidence = pd.DataFrame({"doc_id": ["c", "c", "a", "b", "b", "b"]})
    assert selection.shown_documents(evidence, ["a", "b", "c", "d"], 2) == ["b", "c"]
    assert selection.shown_documents(evidence, ["a", "b", "c"], 15) == ["a", "b", "c"]
    assert selection.shown_documents(evidence.iloc[:0], [], 15) == []


def test_of_documents_keeps_order_and_index():
    table = pd.DataFrame({"doc_id": ["a", "b", "a", "c"], "x": [1, 2, 3, 4]}, index=[10, 11, 12, 13])
    picked = selection.of_documents(table, ["c", "a"])
    assert picked["x"].tolist() == [1, 3, 4]
    assert picked.index.tolist() == [10, 12, 13]
    assert selection.of_documents(table, []).empty


def test_frame_table_writes_k_of_n():
    profile = pd.DataFrame(
        {
            "doc_id": ["a"],
            "label": ["A"],
            "frame_id": ["conflict"],
            "n_sentences": [5],
            "n_article_sentences": [21],
            **{c: [0.1] for c in ("share", "ci_low", "ci_high", "wilson_low", "wilson_high")},
            "n_attributed": [2],
            "n_words": [300],
        }
    )
    table = selection.frame_table(profile)
    assert table.columns.tolist() == [
        *("label", "frame_id", "k_of_n", "share", "ci_low", "ci_high", "wilson_low", "wilson_high", "n_attributed")
    ]
    assert table["k_of_n"].tolist() == ["5 of 21"]
    assert selection.frame_table(profile.iloc[:0]).empty


def test_found_rewrites_need_the_rule_and_a_direction():
    pairs = pd.DataFrame(
        {
            "doc_a": ["a", "a", "b", "c"],
            "doc_b": ["b", "c", "c", "d"],
            "is_derivation": [True, True, False, True],
            "original": ["a", "", "b", None],
        }
    )
    assert selection.found_rewrites(pairs)["doc_b"].tolist() == ["b"]
    assert selection.found_rewrites(pairs.iloc[:0]).empty


def test_closest_documents_are_the_texts_of_the_first_pairs_in_corpus_order():
    pairs = pd.DataFrame({"doc_a": ["c", "a", "b"], "doc_b": ["d", "c", "d"]})
    assert selection.closest_documents(pairs, ["a", "b", "c", "d"], 3) == ["a", "c", "d"]
    assert selection.closest_documents(pairs, ["a", "b", "c", "d"], 15) == ["a", "b", "c", "d"]
    assert selection.closest_documents(pairs.iloc[:0], ["a"], 15) == []


def test_pairs_among_keeps_pairs_of_two_chosen_texts():
    pairs = pd.DataFrame({"doc_a": ["a", "a", "b"], "doc_b": ["b", "c", "c"]})
    assert selection.pairs_among(pairs, ["a", "b"]).index.tolist() == [0]
    assert selection.pairs_among(pairs, []).empty


def test_top_rewrite_tells_the_seed_rewrite(seeds):
    tones = tone(seeds)
    found = selection.found_rewrites(rewrites(seeds))
    story = top_rewrite(seeds, found, tones)
    assert (story.original, story.derived) == (AF, REWRITE)
    assert story.evidence.columns.tolist() == DIRECTION_COLUMNS
    assert story.summary["n_kept"] == len(story.changes) > 0
    assert checks.quote_mismatches([story.changes], seeds) == 0


def test_top_rewrite_without_a_rewrite_gives_empty_tables_with_columns(seeds):
    subset = seeds.subset([PREVIEW, INQUIRER, PAMIR])
    story = top_rewrite(subset, selection.found_rewrites(rewrites(subset)), tone(subset))
    assert (story.original, story.derived, story.summary) == ("", "", {})
    assert story.evidence.empty and story.evidence.columns.tolist() == DIRECTION_COLUMNS
    assert story.alignment.empty and story.alignment.columns.tolist() == ALIGNMENT_COLUMNS
    assert story.alignment.attrs["tau"] == 0.3
    assert story.changes.empty and "attribution_dropped" in story.changes.columns


def test_quote_mismatches_counts_rows_whose_quote_is_not_the_text(seeds):
    text = seeds.text(AF)
    good = pd.DataFrame({"doc_id": [AF], "start": [0], "end": [10], "quote": [text[:10]]})
    bad = good.assign(quote=["not it"])
    assert checks.quote_mismatches([], seeds) == 0
    assert checks.quote_mismatches([good, good.iloc[:0]], seeds) == 0
    assert checks.quote_mismatches([good, bad, bad], seeds) == 2


def test_republications_name_the_source_and_the_republishing_outlets():
    documents = pd.DataFrame(
        [
            ("a", "Wire", "Global Wire", "2023-12-12"),
            ("b", "b", "Mekong Daily", "2023-12-13"),
            ("c", "Copy C", "", ""),
            ("d", "Alpha", "", ""),
            ("e", "e", "Hanoi Times", ""),
            ("f", "Brief", "VNA", "2023-12-11"),
            ("g", "g", "Saigon Post", "2023-12-12"),
        ],
        columns=["doc_id", "label", "outlet", "date"],
    )
    rows = [
        ("d", "d", True, "exact"),
        ("e", "d", False, "exact"),
        ("a", "a", True, "exact"),
        ("b", "a", False, "near"),
        ("c", "a", False, "exact"),
        ("f", "f", True, "exact"),
        ("g", "f", False, "near"),
    ]
    groups = pd.DataFrame(rows, columns=["doc_id", "group_id", "is_source", "match"])
    assert selection.republications(groups, documents).values.tolist() == [
        ["a", "Wire", "Global Wire", "2023-12-12", "Mekong Daily; Copy C", 2, "exact and near"],
        ["f", "Brief", "VNA", "2023-12-11", "Saigon Post", 1, "near"],
        ["d", "Alpha", "", "", "Hanoi Times", 1, "exact"],
    ]


def test_republications_of_a_corpus_without_copies_are_empty(seeds):
    table = selection.republications(seeds.syndication, seeds.documents)
    assert table.empty
    assert "republished_by" in table.columns
