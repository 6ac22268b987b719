"""The rows and shapes the deal notebook shows: pure table-to-table selections of the deal tables.

Each function takes tables built by :mod:`~xivn.deals.mentions` or :mod:`~xivn.deals.counts`
(and scalars or mappings from the taxonomy) and returns a new table; nothing is read from files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from xivn.deals.parties import UNRESOLVED
from xivn.display.wording import top_documents

DOUBTFUL_SOURCES = ("paragraph", "document", "default")
"""Status rules that look outside the mention's own sentence."""
DOUBTFUL_STATUSES = ("absent", "urged", "proposed", "denied")
EVIDENCE_COLUMNS = ["source", "quote", "item_id", "status", "status_source", "status_cue", "sentence"]
COUNT_COLUMNS = ["source", "quote", "low", "high", "scope", "status", "official", "verdict"]
CANNOT_BOTH = "cannot both be right"


def own_mentions(mentions: pd.DataFrame, parties: str) -> pd.DataFrame:
    """The mentions of one partnership's deals (``parties``: the event's pair, as mentions label it)."""
    return mentions[mentions["parties"] == parties]


def reported_items(taxonomy: pd.DataFrame, mentions: pd.DataFrame, parties: str) -> pd.DataFrame:
    """The rows of a taxonomy table (:meth:`~xivn.deals.taxonomy.Taxonomy.table`) a reader of this
    corpus needs: the areas and items of any pair, the items of ``parties`` (the event's pair) and
    those of the pairs some mention names both sides of."""
    pairs = {parties, *mentions.loc[~mentions["parties_from"].isin(UNRESOLVED), "parties"]}
    return taxonomy[(taxonomy["parties"].fillna("") == "") | taxonomy["parties"].isin(pairs)]


def parties_summary(mentions: pd.DataFrame, focal: str) -> pd.DataFrame:
    """Mentions per parties value, so a reader sees whose deals the texts report.

    Columns: ``parties`` (as in the mentions; "" when the text names no side), ``resolved``
    (whether the text names both sides), ``mentions``, ``documents``. Rows: the ``focal`` pair,
    then the other resolved pairs, then the mentions with one side named, then those with none;
    within each group the most mentioned first, then by name.
    """
    resolved = ~mentions["parties_from"].isin(UNRESOLVED)
    table = (
        mentions.assign(resolved=resolved)
        .groupby(["parties", "resolved"], as_index=False)
        .agg(mentions=("doc_id", "size"), documents=("doc_id", "nunique"))
    )
    group = (
        table["parties"].ne(focal).astype(int) + (~table["resolved"]).astype(int) + table["parties"].eq("").astype(int)
    )
    order = table.assign(group=group, negative=-table["mentions"]).sort_values(["group", "negative", "parties"])
    return order[["parties", "resolved", "mentions", "documents"]].reset_index(drop=True)


def shown_coverage(coverage: pd.DataFrame, labels: Mapping[str, str], max_documents: int) -> pd.DataFrame:
    """The coverage rows of the ``max_documents`` documents with the most mentions (corpus order),
    indexed by document label instead of ``doc_id``."""
    keep = top_documents(coverage.sum(axis=1), list(coverage.index), max_documents)
    return coverage.loc[keep].rename(index=dict(labels))


def status_by_category(mentions: pd.DataFrame, categories: Mapping[str, str], statuses: Sequence[str]) -> pd.DataFrame:
    """Mentions per category (rows: category labels in ``categories`` order) and status (columns in
    ``statuses`` order); 0 where none."""
    table = pd.crosstab(mentions["category"], mentions["status"]).reindex(
        index=list(categories), columns=list(statuses), fill_value=0
    )
    return table.rename(index=dict(categories)).rename_axis(index="category", columns="status").astype("int64")


def doubtful_mentions(mentions: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """Mentions a reader might doubt: status taken from outside the sentence (paragraph, document,
    default), and every absence, call, proposal or denial; with the document's label as ``source``."""
    doubt = mentions["status_source"].isin(DOUBTFUL_SOURCES) | mentions["status"].isin(DOUBTFUL_STATUSES)
    chosen = mentions[doubt]
    return chosen.assign(source=chosen["doc_id"].map(dict(labels)))[EVIDENCE_COLUMNS]


def anticipated_evidence(outcomes: pd.DataFrame) -> pd.DataFrame:
    """The items the pre-visit texts mention, with the sentences of both sides."""
    return outcomes.loc[outcomes["before"] != "", ["label", "before_evidence", "after_evidence"]]


def count_evidence(counts: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """The number claims with the document's label as ``source``, in the columns a reader checks."""
    return counts.assign(source=counts["doc_id"].map(dict(labels)))[COUNT_COLUMNS]


def impossible_pairs(conflicts: pd.DataFrame) -> pd.DataFrame:
    """The pairs of stated totals that cannot both be right."""
    return conflicts[conflicts["relation"] == CANNOT_BOTH]


def signed_by_sector(packages: pd.DataFrame, categories: Sequence[str]) -> pd.DataFrame:
    """Signed items per sector (rows: category labels in ``categories`` order) and partnership (columns)."""
    wide = packages.pivot(index="category", columns="parties", values="n_items")
    return wide.reindex(list(categories))


def signed_packages(packages: pd.DataFrame) -> pd.DataFrame:
    """The rows of the partner packages with at least one signed item."""
    return packages[packages["n_items"] > 0]


def shared_sectors(wide: pd.DataFrame) -> list[str]:
    """The sectors (rows of :func:`signed_by_sector`) where every partnership has a signed item."""
    if wide.empty or wide.shape[1] == 0:
        return []
    return [str(sector) for sector in wide.index[(wide.fillna(0) > 0).all(axis=1)]]
