"""Metadata of saved HTML pages: the headline, date, outlet, byline, URL and language each page
states, against the hand annotation of ``tests/gold/html_metadata.toml``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from scoring import GOLD, field_scores, gold_rows, load_gold, misreads

from tasks.html_chrome import pages_corpus

TASK = "html_metadata"
KEY = ["doc_id"]
FIELDS = ["headline", "date", "outlet", "byline", "url", "language"]


def evaluate(folder: Path, gold_folder: Path = GOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    documents = load_gold(TASK, gold_folder)
    corpus = pages_corpus(documents, folder)
    found = corpus.documents[KEY + FIELDS]
    gold = gold_rows(documents, FIELDS)
    return field_scores(TASK, gold, found, KEY, FIELDS), misreads(gold, found, KEY, FIELDS)
