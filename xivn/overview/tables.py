"""Corpus overview: how much of each document is article text and how much is page chrome."""

from __future__ import annotations

import pandas as pd

from xivn.corpus.corpus import Corpus
from xivn.display.wording import document_label

CHART_DOCUMENTS = 15
"""Most documents drawn one bar each; a larger corpus shows the heaviest ones and the mean of the rest."""
TABLE_DOCUMENTS = 12
"""Most documents given a column each in :func:`kind_counts`; a larger corpus gets one total column."""


def composition(corpus: Corpus) -> pd.DataFrame:
    """Characters and paragraphs of article text and of chrome, per document.

    Columns: ``doc_id``, ``label``, ``article_chars``, ``chrome_chars``, ``article_paragraphs``,
    ``chrome_paragraphs``, ``chrome_share`` (chrome characters / all paragraph characters).
    Sorted by ``doc_id``.
    """
    paragraphs = corpus.paragraphs.assign(chars=lambda t: t["end"] - t["start"])
    shape = {"index": corpus.doc_ids, "columns": [False, True], "fill_value": 0}
    chars = paragraphs.pivot_table(index="doc_id", columns="is_chrome", values="chars", aggfunc="sum").reindex(**shape)
    counts = pd.crosstab(paragraphs["doc_id"], paragraphs["is_chrome"]).reindex(**shape)
    table = (
        pd.DataFrame(
            {
                "article_chars": chars[False],
                "chrome_chars": chars[True],
                "article_paragraphs": counts[False],
                "chrome_paragraphs": counts[True],
            }
        )
        .fillna(0)
        .astype("int64")
    )
    table["chrome_share"] = (table["chrome_chars"] / (table["article_chars"] + table["chrome_chars"])).round(3)
    table.insert(0, "label", table.index.map(corpus.labels()))
    return table.rename_axis("doc_id").reset_index().sort_values("doc_id", ignore_index=True)


def composition_chart_rows(table: pd.DataFrame, limit: int = CHART_DOCUMENTS) -> pd.DataFrame:
    """The rows of a :func:`composition` table to draw as bars, so that a chart stays readable.

    Up to ``limit`` documents: all of them. More: the ``limit - 1`` documents with the highest
    chrome share (ties by ``doc_id``) and one row labelled "mean of the other N documents" holding
    the mean characters of the rest (its ``doc_id`` is empty). Same columns as ``table``.
    """
    if len(table) <= limit:
        return table
    ranked = table.sort_values(["chrome_share", "doc_id"], ascending=[False, True])
    top, rest = ranked.iloc[: limit - 1], ranked.iloc[limit - 1 :]
    means = rest[["article_chars", "chrome_chars", "article_paragraphs", "chrome_paragraphs"]].mean()
    chars = means.round().astype("int64")
    summary = {
        "doc_id": "",
        "label": f"mean of the other {len(rest):,} documents",
        "article_chars": chars["article_chars"],
        "chrome_chars": chars["chrome_chars"],
        "article_paragraphs": chars["article_paragraphs"],
        "chrome_paragraphs": chars["chrome_paragraphs"],
        "chrome_share": round(chars["chrome_chars"] / (chars["article_chars"] + chars["chrome_chars"]), 3),
    }
    return pd.concat([top, pd.DataFrame([summary])], ignore_index=True)


def kind_counts(corpus: Corpus, max_documents: int = TABLE_DOCUMENTS) -> pd.DataFrame:
    """Paragraph counts per kind (rows) and document label (columns), chrome kinds last.

    With more than ``max_documents`` documents, one column "all N documents" holds the totals.
    """
    paragraphs = corpus.paragraphs
    if len(corpus) > max_documents:
        total = paragraphs.groupby(["is_chrome", "kind"]).size()
        return total.to_frame(f"all {len(corpus):,} documents").rename_axis(columns="label")
    paragraphs = paragraphs.assign(label=lambda t: t["doc_id"].map(corpus.labels()))
    table = pd.crosstab([paragraphs["is_chrome"], paragraphs["kind"]], paragraphs["label"])
    return table.reindex(columns=[corpus.labels()[d] for d in corpus.doc_ids])


def chrome_kind_counts(corpus: Corpus) -> pd.Series:
    """Paragraphs per kind of page chrome, most frequent first (ties in kind order); empty when
    no paragraph is chrome. Index ``kind``, values the paragraph counts."""
    chrome = corpus.paragraphs.loc[corpus.paragraphs["is_chrome"], "kind"]
    return chrome.value_counts().sort_index().sort_values(ascending=False, kind="stable").rename_axis("kind")


def provenance_example(corpus: Corpus) -> pd.Series:
    """One article sentence with its offsets: the longest body sentence of the first document
    that has one (ties broken by position). Fields ``doc_id``, ``sent_id``, ``start``, ``end``,
    ``text``."""
    sentences = corpus.article_sentences()
    body = sentences[sentences["kind"] == "body"]
    if body.empty:
        body = sentences
    first_doc = body[body["doc_id"] == body["doc_id"].iloc[0]]
    lengths = first_doc["end"] - first_doc["start"]
    row = first_doc.loc[lengths.idxmax()]
    return row[["doc_id", "sent_id", "start", "end", "text"]]


def provenance_layer(example: pd.Series) -> pd.DataFrame:
    """The :func:`provenance_example` as a one-row layer for :func:`xivn.show`: its fields and a
    ``label`` "sentence N, quoted above"."""
    return example.to_frame().T.assign(label=f"sentence {example['sent_id']}, quoted above")


def syndication_table(syndication: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """One row per group of :attr:`~xivn.corpus.corpus.Corpus.syndication`: the ``source``
    document's label, the ``copies``' labels (corpus order, joined by "; "), ``group_size`` and the
    ``lowest_similarity`` of a copy to its source. Largest groups first, then by source label;
    labels fall back to the ``doc_id``. Keeps ``group_id`` (the source's doc_id) for provenance."""
    columns = ["group_id", "source", "copies", "group_size", "lowest_similarity"]
    rows = []
    for group_id, group in syndication.groupby("group_id", sort=False):
        copies = group[~group["is_source"]]
        rows.append(
            (
                group_id,
                document_label(labels, group_id),
                "; ".join(document_label(labels, d) for d in copies["doc_id"]),
                int(group["group_size"].iloc[0]),
                float(copies["similarity"].min()),
            )
        )
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["group_size", "source"], ascending=[False, True], ignore_index=True)


def with_timing(documents: pd.DataFrame, timing: pd.DataFrame) -> pd.DataFrame:
    """``documents`` with ``timing`` and ``timing_from`` from :func:`~xivn.event.document_timing`
    (the curated ``timing`` where given, else placed by the document's date)."""
    placed = timing.set_index("doc_id")
    return documents.assign(
        timing=documents["doc_id"].map(placed["timing"]), timing_from=documents["doc_id"].map(placed["timing_from"])
    )
