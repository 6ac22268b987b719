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


def republications(syndication: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Who republished whom: one row per group of :attr:`~xivn.corpus.corpus.Corpus.syndication`,
    with its source (``group_id``, its ``source`` label, ``source_outlet`` and ``source_date``;
    the earliest dated copy, else the first in corpus order) and the ``republished_by`` outlets of
    the other copies (corpus order, joined by "; "; a copy without an outlet shows its label),
    ``n_copies`` (copies besides the source) and ``match`` (``exact``, ``near`` or both). Most
    copies first, then by source date (undated last) and label; "" where the corpus states no outlet or date."""
    columns = ["group_id", "source", "source_outlet", "source_date", "republished_by", "n_copies", "match"]
    facts = documents.set_index("doc_id")[["label", "outlet", "date"]].fillna("").astype(str)
    rows = []
    for group_id, group in syndication.groupby("group_id", sort=False):
        copies = group[~group["is_source"]]
        outlets = [facts.at[d, "outlet"] or facts.at[d, "label"] or d for d in copies["doc_id"]]
        source = facts.loc[group_id]
        matches = " and ".join(sorted(set(copies["match"])))
        label = source["label"] or group_id
        rows.append((group_id, label, source["outlet"], source["date"], "; ".join(outlets), len(copies), matches))
    table = pd.DataFrame(rows, columns=columns)
    undated_last = table.assign(undated=table["source_date"] == "")
    keys = ["n_copies", "undated", "source_date", "source"]
    order = undated_last.sort_values(keys, ascending=[False, True, True, True])
    return table.loc[order.index].reset_index(drop=True)
