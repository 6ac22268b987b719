"""Deal mentions: :func:`xivn.deals.deal_mentions` on ``tests/gold/deals.toml``.

A document's mentions are reduced to its distinct deals (the same item, parties and status once,
however often repeated), matched to the gold rows on the document and the taxonomy category; the
fields compared are the item, the parties and the status.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from scoring import GOLD, corpus_of, field_scores, gold_rows, load_gold, misreads

import xivn

TASK = "deals"
KEY = ["doc_id", "category"]
FIELDS = ["item_id", "parties", "status"]


def evaluate(folder: Path, gold_folder: Path = GOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and misreads of the deal mentions read from the gold documents."""
    documents = load_gold(TASK, gold_folder)
    mentions = xivn.deals.deal_mentions(corpus_of(documents, folder))
    found = mentions.drop_duplicates(["doc_id", *FIELDS])
    gold = gold_rows(documents, ["category", *FIELDS])
    return field_scores(TASK, gold, found, KEY, FIELDS), misreads(gold, found, KEY, FIELDS)
