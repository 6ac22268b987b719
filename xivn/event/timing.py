"""When each document was written relative to the event: before, during or after it.

A ``timing`` given in ``metadata.csv`` wins (a curator may know a text was written before the
outcome was known even when its date is the event's last day); otherwise a document dated to the
day is placed by its date; a month or a year that overlaps the event's days tells nothing, and an
undated document stays unplaced. ``timing_from`` says which rule applied.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from xivn.corpus import Corpus
from xivn.event.profile import EventProfile
from xivn.event.scope import document_days

TIMINGS = ("before", "during", "after")
"""The values of ``timing``; "" where it is not known."""
TIMING_COLUMNS = ["doc_id", "date", "timing", "timing_from"]


def document_timing(corpus: Corpus, profile: EventProfile) -> pd.DataFrame:
    """One row per document: ``doc_id``, ``date`` (its metadata date), ``timing`` (before, during,
    after the event, or "") and ``timing_from`` (``metadata.csv``, ``date``, ``date too coarse``
    when a month or a year overlaps the event, ``no date``)."""
    dates, curated = corpus.metadata("date"), corpus.metadata("timing")
    rows = [(doc_id, dates[doc_id], *_timing(dates[doc_id], curated[doc_id], profile)) for doc_id in corpus.doc_ids]
    return pd.DataFrame(rows, columns=TIMING_COLUMNS)


def _timing(stated: str, curated: str, profile: EventProfile) -> tuple[str, str]:
    if curated:
        return curated, "metadata.csv"
    days = document_days(stated)
    if days is None:
        return "", "no date"
    return _placed(days, profile.start, profile.end)


def _placed(days: tuple[date, date], start: date, end: date) -> tuple[str, str]:
    first, last = days
    if last < start:
        return "before", "date"
    if first > end:
        return "after", "date"
    if start <= first and last <= end:
        return "during", "date"
    return "", "date too coarse"
