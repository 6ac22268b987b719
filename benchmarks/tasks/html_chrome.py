"""Page chrome on saved HTML pages: each visible block's chrome flag against the hand annotation
of ``tests/gold/html_chrome.toml``, and the chrome-line F1 (chrome as the positive class)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
from scoring import GOLD, SCORE_COLUMNS, field_scores, gold_rows, load_gold, misreads

import xivn

TASK = "html_chrome"
KEY = ["doc_id", "text"]
FIELDS = ["chrome"]


def pages_corpus(documents: list[dict], folder: Path) -> xivn.Corpus:
    """A corpus of the gold pages, one ``<id>.html`` each."""
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        (folder / f"{document['id']}.html").write_text(document["text"], encoding="utf-8")
    return xivn.load_corpus(folder)


def chrome_f1(gold: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of the blocks called chrome (a block missing from ``found`` counts
    as not called chrome), in the rows of :data:`scoring.SCORE_COLUMNS`."""
    merged = gold.merge(found, on=KEY, how="left", suffixes=("_gold", "_found"))
    expected = merged["chrome_gold"] == "true"
    called = merged["chrome_found"] == "true"
    correct = int((expected & called).sum())
    precision = correct / called.sum() if called.sum() else math.nan
    recall = correct / expected.sum() if expected.sum() else math.nan
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return pd.DataFrame(
        [(TASK, "chrome_line_f1", int(expected.sum()), int(called.sum()), correct, precision, recall, f1)],
        columns=SCORE_COLUMNS,
    )


def evaluate(folder: Path, gold_folder: Path = GOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    documents = load_gold(TASK, gold_folder)
    corpus = pages_corpus(documents, folder)
    found = corpus.paragraphs.rename(columns={"is_chrome": "chrome"})[KEY + FIELDS]
    found = found.assign(chrome=found["chrome"].map({True: "true", False: "false"}))
    gold = gold_rows(documents, FIELDS).rename(columns={})
    gold = gold.assign(text=[row["text"] for d in documents for row in d["expect"]])[KEY + FIELDS]
    gold = gold.assign(chrome=gold["chrome"].map({True: "true", False: "false"}))
    scores = pd.concat([field_scores(TASK, gold, found, KEY, FIELDS), chrome_f1(gold, found)], ignore_index=True)
    return scores, misreads(gold, found, KEY, FIELDS)
