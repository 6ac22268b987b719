"""The framing notebook's tables: labels instead of ids, "none" instead of -1, words instead of NaN."""

from __future__ import annotations

import numpy as np
import pandas as pd

from xivn.framing import tables


def test_alignment_shows_none_for_a_sentence_without_counterpart():
    alignment = pd.DataFrame(
        {
            "status": ["aligned", "derived_only"],
            "similarity": [0.7, 0.1],
            "original_sent_id": [3, -1],
            "derived_sent_id": [0, 1],
            "original_quote": ["Old $1 words.", ""],
            "derived_quote": ["New words.", "Added words."],
        }
    )
    shown = tables.shown_alignment(alignment, 20).shown
    assert list(shown["Original sentence"]) == ["3", "none"]
    assert list(shown["In the original"]) == ["Old $1 words.", "none"]
    assert list(shown["Status"]) == ["aligned", "derived only"]


def test_agreement_reads_undefined_where_kappa_is_missing():
    agreement = pd.DataFrame(
        {"frame_label": ["Conflict", "Morality"], "n": [40, 40], "n11": [3, 0], "n10": [0, 0], "n01": [0, 0],
         "agreement": [1.0, 1.0], "precision": [1.0, np.nan], "recall": [1.0, np.nan], "kappa": [0.9, np.nan]}
    )  # fmt: skip
    shown = tables.shown_agreement(agreement).shown
    assert list(shown["Cohen's kappa"]) == ["0.90", "undefined"]
    assert "NaN" not in repr(tables.shown_agreement(agreement))


def test_pairs_show_labels_and_the_vote_of_a_flagged_pair_only():
    pairs = pd.DataFrame(
        {"doc_a": ["a", "a"], "doc_b": ["b", "c"], "c3_ab": [0.14, 0.01], "c3_ba": [0.1, 0.03],
         "coverage_ab": [0.38, 0.0], "coverage_ba": [0.2, 0.05], "cos_doc": [0.5, 0.3],
         "is_derivation": [True, False], "original": ["a", ""], "votes_for": [4, 0], "signals": [4, 0],
         "confidence": ["high", ""]}
    )  # fmt: skip
    shown = tables.shown_pairs(pairs, {"a": "AF (Reuters)", "b": "Rewrite", "c": "Blog"}, 20).shown
    assert list(shown["Text"]) == ["AF (Reuters)", "AF (Reuters)"]
    assert list(shown["3-gram containment"]) == ["14.0%", "3.0%"]
    assert list(shown["Original"]) == ["AF (Reuters)", "—"]
    assert list(shown["Signals agreeing"]) == ["4 of 4", "—"]


def test_long_tables_are_cut_and_say_so():
    evidence = pd.DataFrame({"doc_id": ["a"] * 3, "sent_id": [0, 1, 2], "cue": ["x"] * 3,
                             "attributed": [True, False, True], "quote": ["s"] * 3})  # fmt: skip
    shown = tables.shown_frame_evidence(evidence, {"a": "A"}, 2)
    assert len(shown) == 2 and shown.caption == "The table shows the first 2 of 3 sentences."
    assert list(shown.shown["Voiced by a source"]) == ["yes", "no"]
    assert tables.shown_frame_evidence(evidence.iloc[:0], {}, 2).caption == ""
