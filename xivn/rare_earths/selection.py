"""Which rows and documents the rare-earth notebook shows: pure table-to-table selections.

On a large corpus the per-document tables and the claim chart keep the ``max_documents`` documents
that make the most claims (corpus order), and long tables their first ``max_rows`` rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from xivn.display.wording import top_documents

MENTION_COLUMNS = ["label", "sent_id", "left", "quote", "right"]
RANK_COLUMNS = ["edition", "country", "reserves_t", "rank", "listed"]
CLAIM_COLUMNS = ["label", "sent_id", "claim", "country", "country_from", "number_quote"]


def shown_mentions(mentions: pd.DataFrame, labels: Mapping[str, str], max_rows: int) -> pd.DataFrame:
    """The first ``max_rows`` rows of the concordance with the document's label: ``label``,
    ``sent_id``, ``left``, ``quote``, ``right`` (a document without a label shows its id)."""
    label = mentions["doc_id"].map(lambda doc_id: labels.get(doc_id, doc_id))
    return mentions.assign(label=label)[MENTION_COLUMNS].head(max(max_rows, 0))


def shown_documents(matrix: pd.DataFrame, max_documents: int) -> list[str]:
    """The documents (columns of the claim matrix) making the most claims, at most
    ``max_documents``, in corpus order (ties: corpus order); all of them when there are that few."""
    return top_documents((matrix > 0).sum(axis=0).to_dict(), list(matrix.columns), max_documents)


def shown_matrix(matrix: pd.DataFrame, max_documents: int) -> pd.DataFrame:
    """The claim matrix cut to :func:`shown_documents` (every claim row kept)."""
    return matrix[shown_documents(matrix, max_documents)]


def for_documents(table: pd.DataFrame, documents: Iterable[str], columns: Iterable[str]) -> pd.DataFrame:
    """The rows of ``table`` whose ``label`` is one of ``documents``, with ``columns`` (index kept)."""
    return table.loc[table["label"].isin(list(documents)), list(columns)]


def leading_reserves(ranks: pd.DataFrame, max_rank: int = 6) -> pd.DataFrame:
    """The countries ranked ``max_rank`` or better by reserves in each edition (ties included):
    ``edition``, ``country``, ``reserves_t``, ``rank``, ``listed`` (index kept)."""
    return ranks.loc[ranks["rank"] <= max_rank, RANK_COLUMNS]


def shown_claims(
    found: pd.DataFrame, labels: Mapping[str, str], claim_labels: Mapping[str, str], max_rows: int
) -> pd.DataFrame:
    """The first ``max_rows`` claim rows with whom each is about and the number it states:
    ``label`` (document), ``sent_id``, ``claim`` (its label), ``country``, ``country_from``
    (``sentence``, ``previous sentence``, ``document``, ``unresolved``; "" for a claim about no
    country) and
    ``number_quote`` (the number as written, "" when none)."""
    shown = found.assign(
        label=found["doc_id"].map(lambda doc_id: labels.get(doc_id, doc_id)),
        claim=found["claim_id"].map(lambda claim_id: claim_labels.get(claim_id, claim_id)),
    )
    return shown[CLAIM_COLUMNS].head(max(max_rows, 0))
