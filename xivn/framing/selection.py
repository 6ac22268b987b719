"""Which rows the framing notebook shows: the texts shown one by one, their rows of each table,
the flagged rewrites and the texts of the closest pairs (pure DataFrame -> DataFrame or list)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from xivn.display.wording import top_documents


def shown_documents(evidence: pd.DataFrame, doc_ids: Sequence[str], n: int) -> list[str]:
    """The ``n`` documents of ``doc_ids`` with the most frame sentences in ``evidence`` (corpus
    order; every document when there are ``n`` or fewer)."""
    return top_documents(evidence["doc_id"].value_counts(), list(doc_ids), n)


def of_documents(table: pd.DataFrame, doc_ids: Sequence[str]) -> pd.DataFrame:
    """The rows of ``table`` whose ``doc_id`` is one of ``doc_ids`` (order and index kept)."""
    return table[table["doc_id"].isin(list(doc_ids))]


def frame_table(profile: pd.DataFrame) -> pd.DataFrame:
    """A :func:`~xivn.framing.frames.frame_profile` table as shown: ``k_of_n`` ("5 of 21") and the
    intervals, one row per document x frame."""
    k_of_n = profile["n_sentences"].astype(str) + " of " + profile["n_article_sentences"].astype(str)
    shown = profile.assign(k_of_n=k_of_n)
    columns = ["label", "frame_id", "k_of_n", "share", "ci_low", "ci_high", "wilson_low", "wilson_high"]
    return shown[[*columns, "n_attributed"]]


def found_rewrites(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs of a :func:`~xivn.framing.rewrite_detection.rewrites` table that pass the rewrite
    rule and have a direction (an ``original``), in the table's order."""
    return pairs[pairs["is_derivation"].astype(bool) & (pairs["original"].fillna("") != "")]


def closest_documents(pairs: pd.DataFrame, doc_ids: Sequence[str], n: int) -> list[str]:
    """The texts of the closest pairs (``pairs`` ranked closest first), up to ``n`` of them, in corpus order."""
    first_seen = dict.fromkeys(doc for pair in zip(pairs["doc_a"], pairs["doc_b"], strict=True) for doc in pair)
    closest = set(list(first_seen)[: max(n, 0)])
    return [doc_id for doc_id in doc_ids if doc_id in closest]


def pairs_among(pairs: pd.DataFrame, doc_ids: Sequence[str]) -> pd.DataFrame:
    """The pairs whose two texts are both among ``doc_ids``."""
    wanted = list(doc_ids)
    return pairs[pairs["doc_a"].isin(wanted) & pairs["doc_b"].isin(wanted)]
