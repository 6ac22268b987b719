"""Sentence segmentation on ``tests/gold/sentences.toml``: the English Golden Rules of the
Pragmatic Segmenter and news cases.

The texts are segmented by :func:`xivn.corpus.sentences.segment` itself, not through a corpus:
the Golden Rules test where sentences end inside a text, and a corpus would first take the list
markers some of them open with ("1.) The first item") off as bullets. Besides the sentence rows
(field ``all``: a gold sentence is found when a span has exactly its text), the scores count the
cases with every sentence right, the Golden Rules and the news cases apart (fields
``cases: golden rules`` and ``cases: news``; ``gold`` is the number of cases).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
from scoring import SCORE_COLUMNS, field_scores, gold_rows, load_gold, misreads

from xivn.corpus.sentences import segment

TASK = "sentences"
KEY = ["doc_id", "quote"]
Segmenter = Callable[[str], list[str]]
GROUPS = {"golden rules": "golden-", "news": "news-"}


def xivn_sentences(text: str) -> list[str]:
    """The sentences xivn finds in ``text``."""
    return [text[start:end] for start, end in segment(text)]


def found_rows(documents: Iterable[dict], segmenter: Segmenter = xivn_sentences) -> pd.DataFrame:
    """One row per sentence ``segmenter`` finds: ``doc_id``, ``quote`` (whitespace trimmed)."""
    rows = [
        {"doc_id": d["id"], "quote": sentence.strip()}
        for d in documents
        for sentence in segmenter(d["text"])
        if sentence.strip()
    ]
    return pd.DataFrame(rows, columns=KEY)


def cases_right(documents: list[dict], segmenter: Segmenter = xivn_sentences) -> dict[str, tuple[int, int]]:
    """Per group of cases (:data:`GROUPS`), ``(cases with every sentence right, cases)``."""
    result = {}
    for group, prefix in GROUPS.items():
        cases = [d for d in documents if d["id"].startswith(prefix)]
        right = sum(
            [s.strip() for s in segmenter(d["text"]) if s.strip()] == [row["quote"] for row in d["expect"]]
            for d in cases
        )
        result[group] = (right, len(cases))
    return result


def evaluate(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and misreads of xivn's segmentation (``folder`` is unused: no corpus is written)."""
    documents = load_gold(TASK)
    gold, found = gold_rows(documents, ["quote"]), found_rows(documents)
    scores = field_scores(TASK, gold, found, KEY, [])
    cases = [
        (TASK, f"cases: {group}", total, total, right, right / total, right / total, right / total)
        for group, (right, total) in cases_right(documents).items()
    ]
    scores = pd.concat([scores, pd.DataFrame(cases, columns=SCORE_COLUMNS)], ignore_index=True)
    return scores, misreads(gold, found, KEY, [])
