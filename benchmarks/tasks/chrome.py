"""Page chrome line by line on ``tests/gold/chrome.toml``: is each non-blank line of a capture
article text or page furniture, and of which paragraph kind.

A line is read as chrome when the paragraph holding it is chrome (a line belongs to exactly one
paragraph), and takes that paragraph's kind. Besides the per-field scores of
:func:`scoring.field_scores` (``chrome`` and ``kind``, the latter only on lines whose gold row
gives a kind), the scores hold ``chrome lines``: precision, recall and F1 with chrome as the
positive class (``gold`` = lines labelled chrome, ``found`` = lines read as chrome).
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import pandas as pd
from scoring import SCORE_COLUMNS, corpus_of, field_scores, gold_rows, load_gold, misreads

import xivn
from xivn.corpus.structure import line_spans

TASK = "chrome"
KEY = ["doc_id", "quote", "occurrence"]
FIELDS = ["chrome", "kind"]


def line_rows(corpus: xivn.Corpus) -> pd.DataFrame:
    """One row per non-blank line of every document: ``doc_id``, ``quote`` (the line, trimmed),
    ``chrome`` and ``kind`` of the paragraph that holds it (the last one starting at or before
    the line's first character)."""
    rows = []
    for doc_id, paragraphs in corpus.paragraphs.groupby("doc_id", sort=False):
        starts = paragraphs["start"].tolist()
        flags, kinds = paragraphs["is_chrome"].tolist(), paragraphs["kind"].tolist()
        raw = corpus.text(doc_id)
        for start, end in line_spans(raw):
            line = raw[start:end].strip()
            if line:
                first = start + raw[start:end].index(line[0])
                holder = bisect_right(starts, first) - 1
                rows.append({"doc_id": doc_id, "quote": line, "chrome": bool(flags[holder]), "kind": kinds[holder]})
    return pd.DataFrame(rows, columns=["doc_id", "quote", *FIELDS])


def _numbered(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with ``occurrence``: how many times the same line came earlier in its document."""
    return table.assign(occurrence=table.groupby(["doc_id", "quote"]).cumcount())


def chrome_line_scores(gold: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 of the lines read as chrome, chrome being the positive class."""
    both = gold.merge(found, on=KEY, how="inner", suffixes=("_gold", "_found"))
    n_gold, n_found = int(gold["chrome"].sum()), int(found["chrome"].sum())
    correct = int((both["chrome_gold"] & both["chrome_found"]).sum())
    precision, recall = correct / n_found if n_found else 0.0, correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    row = (TASK, "chrome lines", n_gold, n_found, correct, precision, recall, f1)
    return pd.DataFrame([row], columns=SCORE_COLUMNS)


def evaluate(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and misreads of the chrome flags and kinds of every line of the gold captures."""
    documents = load_gold(TASK)
    gold = _numbered(gold_rows(documents, ["quote", *FIELDS]))
    gold["chrome"] = gold["chrome"].astype(bool)
    found = _numbered(line_rows(corpus_of(documents, folder)))
    # a kind is compared only where the gold row gives one
    unannotated = found.merge(gold[[*KEY, "kind"]], on=KEY, how="left", suffixes=("", "_gold"))["kind_gold"]
    found.loc[unannotated.fillna("").eq("").to_numpy(), "kind"] = ""
    scores = field_scores(TASK, gold, found, KEY, FIELDS)
    scores = pd.concat([scores, chrome_line_scores(gold, found)], ignore_index=True)
    return scores, misreads(gold, found, KEY, FIELDS)
