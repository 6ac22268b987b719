"""The framing notebook's invariants: every quote of every table matches its offsets."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from xivn.corpus.checks import offset_mismatches
from xivn.corpus.corpus import Corpus


def quote_mismatches(tables: Sequence[pd.DataFrame], corpus: Corpus) -> int:
    """How many rows, over all ``tables``, have a ``quote`` that is not the raw text at their offsets (0: all match)."""
    return sum(len(offset_mismatches(table, corpus, text_column="quote")) for table in tables)
