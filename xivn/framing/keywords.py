"""Keyness: which words each source uses more than the others, by weighted log-odds.

The statistic is Monroe, Colaresi & Quinn's (2008) log-odds ratio with an informative Dirichlet
prior, each source (i) against the rest pooled (j), in natural logarithms::

    delta_w = ln[(y_wi + a_w) / (n_i + a0 - y_wi - a_w)] - ln[(y_wj + a_w) / (n_j + a0 - y_wj - a_w)]
    var_w  ~= 1 / (y_wi + a_w) + 1 / (y_wj + a_w)          z_w = delta_w / sqrt(var_w)

with the prior a_w = a0 * (background count of w) / (background size), floored at 0.01. The
background is the pooled counts of the corpus analysed; a0 defaults to the background size (the raw
pooled counts). The prior shrinks rare words towards 0, which is what texts of 500-1,000 words
need: a word used once has z near 1, not the top of the list. Tokens are not independent (a name
repeats within a paragraph), so z is a ranking, not a test statistic.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from xivn.corpus.corpus import Corpus, table_rows
from xivn.errors import ParameterError
from xivn.framing.lexicon import stopwords, tokens

PRIOR_FLOOR = 0.01
KEYNESS = (
    "doc_id",
    "term",
    "form",
    "count",
    "count_rest",
    "per_1000",
    "delta",
    "z",
    "rank",
    "sent_id",
    "start",
    "end",
    "quote",
)
"""Columns of :func:`keyness`."""


def log_odds_z(
    y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray, n_i: float, n_j: float, alpha0: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weighted log-odds ``(delta, variance, z)`` for count vectors of a group and the rest.

    ``alpha`` is the prior count per word and ``alpha0`` the prior's total (over the whole vocabulary).
    """
    y_i, y_j, alpha = (np.asarray(v, dtype=float) for v in (y_i, y_j, alpha))
    delta = np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha)) - np.log((y_j + alpha) / (n_j + alpha0 - y_j - alpha))
    variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, variance, delta / np.sqrt(variance)


def term_occurrences(corpus: Corpus, *, drop_stopwords: bool = True) -> pd.DataFrame:
    """Every counted token of the article sentences: ``doc_id``, ``sent_id``, ``start``, ``end``,
    ``quote`` (the raw words) and ``term`` (normalised; see :mod:`xivn.framing.lexicon`)."""
    stop = stopwords() if drop_stopwords else frozenset()
    rows = []
    for sentence in table_rows(corpus.article_sentences()):
        for token in tokens(sentence.text, sentence.start):
            if token.text in stop or not any(ch.isalpha() for ch in token.text):
                continue
            a, b = token.start - sentence.start, token.end - sentence.start
            rows.append((sentence.doc_id, sentence.sent_id, token.start, token.end, sentence.text[a:b], token.text))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "quote", "term"])


def written_forms(occurrences: pd.DataFrame) -> pd.Series:
    """Per term of a :func:`term_occurrences` table, the spelling it is most often written in
    (ties: the first seen), so that a chart shows "US", not the counted ``us``."""
    if occurrences.empty:
        return pd.Series(dtype=object)
    spellings = occurrences.groupby(["term", "quote"], sort=False).size().reset_index(name="n")
    return spellings.sort_values("n", ascending=False, kind="stable").drop_duplicates("term").set_index("term")["quote"]


def keyness(
    corpus: Corpus,
    *,
    alpha0: float | None = None,
    min_count: int = 2,
    drop_stopwords: bool = True,
    background: pd.Series | None = None,
) -> pd.DataFrame:
    """Each document against the rest: the words it over-uses, by weighted log-odds z.

    ``alpha0`` is the prior's total weight (default: the background size, i.e. the raw pooled
    counts); ``background`` an optional Series of word counts from a reference corpus (default:
    the pooled counts of ``corpus``). Only words used at least ``min_count`` times in the document
    are listed. Words without a letter (numbers) are left out, and so are stopwords unless
    ``drop_stopwords`` is false.

    Columns: ``doc_id``, ``term``, ``count`` (in the document), ``count_rest`` (in the other
    documents), ``per_1000`` (per 1,000 counted tokens of the document), ``delta`` (the shrunk log
    odds ratio, an effect size), ``z`` (delta over its standard error: the ranking), ``rank``
    (1 = most distinctive, per document), then ``sent_id``, ``start``, ``end`` and ``quote`` of the
    word's first occurrence. Sorted by document, then z descending. Empty with fewer than two
    documents (there is no "rest") or fewer than two distinct words (nothing to contrast).
    ``attrs`` hold ``alpha0``, ``min_count`` and ``prior``.
    """
    if min_count < 1:
        raise ParameterError(f"min_count must be at least 1, got {min_count}")
    occurrences = term_occurrences(corpus, drop_stopwords=drop_stopwords)
    counts = pd.crosstab(occurrences["term"], occurrences["doc_id"]) if len(occurrences) else pd.DataFrame()
    first = occurrences.drop_duplicates(["doc_id", "term"]).set_index(["doc_id", "term"])
    frames = []
    if counts.shape[1] >= 2 and counts.shape[0] >= 2:  # the odds of a vocabulary's only word are undefined
        pooled = counts.sum(axis=1)
        prior_counts = pooled if background is None else background.reindex(pooled.index).fillna(0)
        size = float(prior_counts.sum()) or 1.0
        a0 = float(alpha0) if alpha0 is not None else size
        alpha = np.maximum(a0 * prior_counts.to_numpy(dtype=float) / size, PRIOR_FLOOR)
        total = float(alpha.sum())
        for doc_id in counts.columns:
            y_i = counts[doc_id].to_numpy(dtype=float)
            y_j = pooled.to_numpy(dtype=float) - y_i
            delta, _, z = log_odds_z(y_i, y_j, alpha, y_i.sum(), y_j.sum(), total)
            table = pd.DataFrame(
                {"doc_id": doc_id, "term": counts.index, "count": y_i.astype(int), "count_rest": y_j.astype(int),
                 "per_1000": np.round(1000 * y_i / max(y_i.sum(), 1), 2), "delta": delta.round(3), "z": z.round(3)}
            )  # fmt: skip
            table = table[table["count"] >= min_count].sort_values(["z", "term"], ascending=[False, True])
            table["rank"] = np.arange(1, len(table) + 1)
            frames.append(table)
    result = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(KEYNESS[:9]))
    result["form"] = result["term"].map(written_forms(occurrences)) if len(result) else []
    located = first.reindex(list(zip(result["doc_id"], result["term"], strict=True)))
    for column in ("sent_id", "start", "end", "quote"):
        result[column] = located[column].to_numpy() if len(result) else []
    result = result.astype({c: "int64" for c in ("count", "count_rest", "rank", "sent_id", "start", "end")})
    order = {doc_id: i for i, doc_id in enumerate(corpus.doc_ids)}
    result = result.sort_values(["doc_id", "rank"], key=lambda s: s.map(order) if s.name == "doc_id" else s)
    result = result.reset_index(drop=True)[list(KEYNESS)]
    result.attrs.update(alpha0=alpha0 if alpha0 is not None else "background size", min_count=min_count,
                        prior="pooled corpus counts" if background is None else "reference counts")  # fmt: skip
    return result


def top_terms(table: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` highest-ranked terms of each document of a :func:`keyness` table (same columns)."""
    return table[table["rank"] <= n].reset_index(drop=True)


def stable_share(table: pd.DataFrame, other: pd.DataFrame, n: int = 10) -> float:
    """Share of the top-``n`` terms (per document) of ``table`` that are also in the top ``n`` of ``other``.

    Used to report whether a ranking survives a different prior weight; NaN for an empty table.
    """
    mine, theirs = top_terms(table, n), top_terms(other, n)
    if mine.empty:
        return float("nan")
    kept = mine.merge(theirs[["doc_id", "term"]], on=["doc_id", "term"])
    return len(kept) / len(mine)
