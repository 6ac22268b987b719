"""Keeping notebook output readable on a large corpus: which documents to show, and the computed
words that say what was left out.

A notebook that shows one bar, row or heatmap line per document is unreadable at 1,000 documents.
The rule used by every notebook: show the ``n`` documents with the most of what the chart counts
(:func:`top_documents`), cut long tables to their first rows, and say so in a computed sentence
(:func:`rows_note`, :func:`documents_note`); lists of names in sentences stop after a few
(:func:`name_list`). With ``n`` or fewer documents nothing changes, so the seeds' outputs do not.

Numbers in sentences go through the same few helpers: :func:`counted` ("1 document", "1,204
documents"), :func:`verb` ("1 text makes", "2 texts make"), :func:`signed_percent` and
:func:`usd_bn` (an amount of billions of US dollars, its ``$`` escaped for Markdown; in JupyterLab
the prose shows as HTML that MathJax skips, :mod:`xivn.display.markdown`, since no Markdown escape
stops it reading a pair of amounts as maths there). Table cells that may be missing (None, NaN, ``pd.NA``)
are tested with :func:`is_missing` and shown with :func:`text_or_blank`, :func:`escaped` and
:func:`label_of`, which escape corpus text for Markdown.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from xivn.display.escaping import escape_markdown

NAMES_SHOWN = 8


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun in the right number: "1 document", "0 documents", "1,204 documents";
    ``plural`` for nouns that do not take an "s" ("1 country", plural "countries")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def usd_bn(value: float, digits: int = 2, *, signed: bool = False) -> str:
    """An amount in billions of US dollars for Markdown prose: ``\\$60.17bn`` (renders "$60.17bn";
    the backslash keeps Markdown renderers from typesetting the text between two amounts as maths).
    ``signed`` writes the sign of a difference ("+\\$1.20bn", "−\\$0.50bn")."""
    sign = ("+" if value >= 0 else "−") if signed else ("-" if value < 0 else "")
    return f"{sign}\\${abs(value):,.{digits}f}bn"


def top_documents(counts: Mapping[str, float], doc_ids: Sequence[str], n: int) -> list[str]:
    """The ``n`` documents of ``doc_ids`` with the largest ``counts`` (missing = 0; ties: corpus
    order), returned in corpus order; every document when there are ``n`` or fewer."""
    if len(doc_ids) <= n:
        return list(doc_ids)
    ranked = sorted(range(len(doc_ids)), key=lambda i: (-float(counts.get(doc_ids[i], 0)), i))
    return [doc_ids[i] for i in sorted(ranked[: max(n, 0)])]


def name_list(names: Iterable[str], limit: int = NAMES_SHOWN) -> str:
    """Names joined by commas; past ``limit`` names, the first ``limit`` and "and N more"."""
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown if len(names) <= limit else f"{shown} and {len(names) - limit:,} more"


def rows_note(total: int, shown: int, what: str) -> str:
    """A sentence (with a leading space) saying a table shows the first ``shown`` of ``total``
    ``what``, or "" when nothing was cut."""
    return f" The table shows the first {shown:,} of {total:,} {what}." if total > shown else ""


def documents_note(total: int, shown: int, what: str = "documents") -> str:
    """A sentence (with a leading space) saying a chart or table shows the ``shown`` of ``total``
    documents with the most ``what``, or "" when every document is shown."""
    return f" Shown: the {shown:,} of {total:,} documents with the most {what}." if total > shown else ""


def verb(n: int, singular: str, plural: str) -> str:
    """The form of a verb that agrees with a count: ``verb(1, "is", "are")`` is "is", any other count "are"."""
    return singular if n == 1 else plural


def signed_percent(share: float | None) -> str:
    """A share as a signed percentage ("+17%", "-3%"), or "an unknown share" when missing or infinite."""
    if is_missing(share) or math.isinf(share):
        return "an unknown share"
    return f"{share:+.0%}"


def is_missing(value: Any) -> bool:
    """True for a missing table cell: None, NaN, NaT or ``pd.NA`` (a list or a string never is)."""
    if value is None or isinstance(value, str | list | tuple | dict):
        return value is None
    import pandas as pd

    return bool(pd.isna(value))


def text_or_blank(value: Any) -> str:
    """A cell as text, "" when it is missing."""
    return "" if is_missing(value) else str(value)


def escaped(values: Iterable[Any]) -> list[str]:
    """The values that are not missing, as text escaped for Markdown (corpus text shown as written)."""
    return [escape_markdown(str(value)) for value in values if not is_missing(value)]


def document_label(labels: Mapping[str, Any], doc_id: Any) -> str:
    """A document's label as written, or its id when it has no label (unescaped: for tables and
    charts, which escape what they show; prose uses :func:`label_of`)."""
    label = labels.get(doc_id)
    return str(doc_id if is_missing(label) or label == "" else label)


def label_of(labels: Mapping[str, Any], doc_id: Any) -> str:
    """A document's label escaped for Markdown, or its id when it has no label."""
    return escape_markdown(document_label(labels, doc_id))
