"""Trade figures: :func:`xivn.trade.trade_figures` on ``tests/gold/trade.toml``.

Rows are matched on the document and the quoted amount; the fields compared are who reports the
flow and with whom, which flow, the year and period, the value in billions of the stated currency
(signed for balances) and the currency code.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from scoring import GOLD, corpus_of, field_scores, gold_rows, load_gold, misreads

import xivn

TASK = "trade"
KEY = ["doc_id", "quote"]
FIELDS = ["reporter", "partner", "flow", "year", "period", "value", "currency"]


def evaluate(folder: Path, gold_folder: Path = GOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and misreads of the trade figures read from the gold documents."""
    documents = load_gold(TASK, gold_folder)
    found = xivn.trade.trade_figures(corpus_of(documents, folder)).rename(columns={"value_bn": "value"})
    gold = gold_rows(documents, ["quote", *FIELDS])
    return field_scores(TASK, gold, found, KEY, FIELDS), misreads(gold, found, KEY, FIELDS)
