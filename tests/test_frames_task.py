"""The frames task of benchmarks/accuracy.py: sentences named by snippets, kappa rows per frame."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from tasks import frames as task


def test_kappa_rows_count_each_frame_and_average_the_defined_kappas():
    hand = pd.DataFrame({"a": [1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0], "b": [0] * 12}).astype(bool)
    auto = pd.DataFrame({"a": [1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0], "b": [0] * 12}).astype(bool)
    rows = task.kappa_rows(hand, auto, ["a", "b"]).set_index("field")
    assert rows.loc["frame a", ["gold", "found", "correct"]].tolist() == [4, 4, 3]
    assert rows.loc["frame a", "kappa"] == pytest.approx(0.625)  # the methods brief's worked example
    assert pd.isna(rows.loc["frame b", "kappa"])  # never coded by either side: undefined, left out
    assert rows.loc["mean kappa (1 frames)", "kappa"] == pytest.approx(0.625)


SENTENCES = pd.DataFrame(
    {"doc_id": ["d", "d"], "sent_id": [0, 1], "text": ["Ties were upgraded.", "Ties were upgraded again."]}
)


def test_sentence_keys_name_each_gold_sentence_by_its_snippet():
    documents = [{"id": "d", "expect": [{"sentence": "again", "frame": "x"}]}]
    assert task.sentence_keys(SENTENCES, documents) == {("d", 0): "Ties were upgraded.", ("d", 1): "again"}


@pytest.mark.parametrize("snippet", ["Ties were", "missing words"])  # in two sentences; in none
def test_a_snippet_must_name_exactly_one_sentence(snippet):
    documents = [{"id": "d", "expect": [{"sentence": snippet, "frame": "x"}]}]
    with pytest.raises(ValueError, match="article sentences"):
        task.sentence_keys(SENTENCES, documents)
