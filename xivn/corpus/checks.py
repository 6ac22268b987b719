"""Invariants every table must satisfy, shared by the tests and the notebooks' closing checks."""

from __future__ import annotations

import pandas as pd

from xivn.corpus.corpus import Corpus


def offset_mismatches(table: pd.DataFrame, corpus: Corpus, text_column: str = "text") -> pd.DataFrame:
    """Rows of ``table`` whose ``text_column`` differs from the raw text at ``[start:end]``.

    An empty result means every row can be traced back to its source words.
    """
    if table.empty:
        return table
    source = [corpus.text(d)[s:e] for d, s, e in zip(table["doc_id"], table["start"], table["end"], strict=True)]
    return table[table[text_column].to_numpy() != pd.Series(source, dtype=object).to_numpy()]


def unaccounted_text(corpus: Corpus) -> pd.DataFrame:
    """Non-blank raw text that belongs to no paragraph: ``doc_id``, ``start``, ``end``, ``text``.

    Paragraphs cover every non-blank character of every document, so this is empty unless the
    splitter lost something.
    """
    rows = []
    for doc_id, spans in corpus.paragraphs.groupby("doc_id", sort=False)[["start", "end"]]:
        raw, position = corpus.text(doc_id), 0
        for start, end in spans.itertuples(index=False):
            if raw[position:start].strip():
                rows.append((doc_id, position, start, raw[position:start]))
            position = end
        if raw[position:].strip():
            rows.append((doc_id, position, len(raw), raw[position:]))
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text"])
