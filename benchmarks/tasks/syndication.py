"""Syndication groups: each copy of an article in its group, with the earliest dated copy as the
source, against the hand annotation of ``tests/gold/syndication.toml``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from scoring import GOLD, corpus_of, field_scores, gold_rows, load_gold, misreads

TASK = "syndication"
KEY = ["doc_id"]
FIELDS = ["group_id", "is_source"]


def evaluate(folder: Path, gold_folder: Path = GOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    documents = load_gold(TASK, gold_folder)
    found = corpus_of(documents, folder).syndication[KEY + FIELDS]
    gold = gold_rows(documents, FIELDS)
    return field_scores(TASK, gold, found, KEY, FIELDS), misreads(gold, found, KEY, FIELDS)
