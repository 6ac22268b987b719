"""The annotated development set (``tests/gold/``) is well formed, and every task of
``benchmarks/accuracy.py`` has its gold file and scores it."""

from __future__ import annotations

import sys
import tomllib

import pandas as pd
import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import accuracy
from scoring import GOLD, HELDOUT, field_scores, load_gold, misreads

GOLD_FILES = sorted(GOLD.glob("*.toml"))
HELDOUT_FILES = sorted(HELDOUT.glob("*.toml"))


@pytest.mark.parametrize("path", GOLD_FILES + HELDOUT_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_gold_document_has_a_unique_id_a_text_and_a_note(path):
    documents = tomllib.loads(path.read_text(encoding="utf-8"))["document"]
    ids = [d["id"] for d in documents]
    assert len(ids) == len(set(ids))
    for document in documents:
        assert document["text"].strip() and document.get("note", "").strip(), document["id"]


def test_every_task_has_a_gold_file_and_every_held_out_file_a_task():
    assert {p.stem for p in GOLD_FILES} >= set(accuracy.TASKS)
    assert {p.stem for p in HELDOUT_FILES} <= set(accuracy.TASKS)


def test_field_scores_count_right_values_against_found_and_gold_rows():
    gold = pd.DataFrame({"doc_id": ["a", "a", "b"], "quote": ["$1", "$2", "$3"], "partner": ["X", "Y", "Z"]})
    found = pd.DataFrame({"doc_id": ["a", "a", "c"], "quote": ["$1", "$2", "$9"], "partner": ["X", "Q", "Z"]})
    scores = field_scores("t", gold, found, ["doc_id", "quote"], ["partner"]).set_index("field")
    assert scores.loc["partner", ["gold", "found", "correct"]].tolist() == [3, 3, 1]
    assert scores.loc["all", "precision"] == pytest.approx(1 / 3)
    wrong = misreads(gold, found, ["doc_id", "quote"], ["partner"])
    assert sorted(wrong["found"]) == ["Q", "extra row", "missed"]


def test_missing_values_and_number_spellings_compare_equal():
    gold = pd.DataFrame({"doc_id": ["a"], "value": [60], "party": [""]})
    found = pd.DataFrame({"doc_id": ["a"], "value": [60.0], "party": [float("nan")]})
    scores = field_scores("t", gold, found, ["doc_id"], ["value", "party"]).set_index("field")
    assert scores.loc["all", "recall"] == 1.0


@pytest.mark.parametrize("task", accuracy.TASKS)
def test_each_task_scores_its_gold_file(task):
    scores, _ = accuracy.evaluate([task])
    assert set(scores["task"]) == {task}
    assert scores.loc[scores["field"] == "all", "gold"].iloc[0] == sum(len(d["expect"]) for d in load_gold(task))


def test_each_held_out_file_is_scored_on_every_expected_row():
    for task in [p.stem for p in HELDOUT_FILES]:  # the held-out set is rewritten blind from time to time
        scores, _ = accuracy.evaluate([task], HELDOUT)
        expected = sum(len(d["expect"]) for d in load_gold(task, HELDOUT))
        assert scores.loc[scores["field"] == "all", "gold"].iloc[0] == expected, task
