"""A document's metadata row: each field from the most authoritative place that states it, with
that place recorded in a ``<field>_source`` column.

Order, first found wins: the user's ``metadata.csv``; what the input states (an export's columns,
the page's meta tags, a WARC header); the page's URL (the site's host name as the outlet, without
``www.`` or a mobile ``m.``; a date written in the URL's path); what a search of the page found (a
date in its text, source ``text``); else the field stays empty with source ``none``. Nothing is
assumed about the event: a document that states no date has no date. Three fields can also come
from the text, which needs the document's structure and is done by
:attr:`xivn.corpus.Corpus.documents`: the first headline paragraph, a "By …" byline paragraph,
and the detected language.

Dates are written as ISO 8601 calendar dates (``2023-12-12``, the date as stated, in the stated
time zone); the stated value is kept in ``date_basis`` (``html_meta: 2023-12-12T08:30:00+07:00``)
so a reader can check the conversion. A stated date that cannot be read is left out of ``date``
and named in ``date_basis``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from xivn.corpus.schema import INFERRED

ISO_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s]|\b)")
URL_DATE = re.compile(
    r"(?<![\d])((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?![\d])|/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-])"
)
TIME_ZONE = re.compile(r"T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$")
HOST_PREFIX = re.compile(r"^(www\d?|m|amp|mobile)\.(?=[^.]+\.)")  # the same site on another host
WRITTEN_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%Y%m%d")
NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:$|[T\s,])")
BY_PREFIX = re.compile(r"^by\s+", re.I)


def metadata_row(curated: Mapping[str, str], stated: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """The inferred fields (:data:`xivn.corpus.schema.INFERRED`) and their ``*_source`` columns,
    with the ``metadata.csv`` row ``curated`` first and the input's ``stated`` values
    (``{field: (value, source)}``) next; ``date_basis`` records a stated date as given."""
    row: dict[str, str] = {}
    basis = ""
    for field in INFERRED:
        value, source = (curated.get(field) or "").strip(), "metadata.csv"
        if not value and field in stated and stated[field][0].strip() and stated[field][1] != "text":
            value, source = stated[field][0].strip(), stated[field][1]
            if field == "date":
                basis, value = f"{source}: {value}", iso_date(value)
                if not value:
                    basis += " (not read as a date)"
            if field == "byline":
                value = BY_PREFIX.sub("", value)
        if not value:
            value, source = "", "none"
        row[field], row[f"{field}_source"] = value, source
    for field, value in url_facts(row["url"]).items():
        if not row[field]:
            row[field], row[f"{field}_source"] = value, "url"
            if field == "date":
                basis = f"url: {row['url']}"
    for field, (value, source) in stated.items():
        if source == "text" and field in row and not row[field] and value.strip():
            row[field], row[f"{field}_source"] = value.strip(), source
    if basis and not (curated.get("date_basis") or "").strip():
        row["date_basis"] = basis
    return row


def iso_date(value: str) -> str:
    """``value`` (ISO 8601, RFC 2822 as in HTTP and WARC headers, a written date such as
    "December 12, 2023", or a numeric one that reads one way only: ``13/12/2023``, ``12/13/2023``,
    ``05.06.2023`` with the European dots) as ``YYYY-MM-DD``; "" when it is not a date, or when
    ``05/06/2023`` could be either."""
    value = value.strip()
    match = ISO_DATE.match(value)
    if match:
        return _checked(*map(int, match.groups()))
    match = NUMERIC_DATE.match(value)
    if match:
        return _day_month_year(int(match[1]), int(match[3]), int(match[4]), day_first=match[2] == ".")
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.split("|")[0]).strip().rstrip(".")
    for pattern in WRITTEN_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    return ""


def url_facts(url: str) -> dict[str, str]:
    """What a URL says: ``outlet`` (its host name without ``www.``, ``m.``, ``amp.``, ``mobile.``)
    and ``date`` (a date in its path such as ``/2023/12/12/`` or ``/20231212/``), each only when
    present."""
    if not url:
        return {}
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return {}
    facts = {}
    host = HOST_PREFIX.sub("", parts.hostname or "")
    if host:
        facts["outlet"] = host
    match = URL_DATE.search(parts.path)
    if match:
        groups = [int(g) for g in match.groups() if g is not None]
        date = _checked(*groups)
        if date:
            facts["date"] = date
    return facts


def _day_month_year(first: int, second: int, year: int, *, day_first: bool) -> str:
    """A numeric date written ``first/second/year``: day first when written with dots (the
    European notation) or when only that reading is a date, month first likewise; "" when both
    readings are dates and the notation does not say which."""
    if day_first or second <= 12 < first:
        return _checked(year, second, first)
    if first <= 12 < second or first == second:
        return _checked(year, first, second)
    return ""


def _checked(year: int, month: int, day: int) -> str:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return ""


def publication_order(row: Mapping[str, str]) -> str:
    """A text that sorts documents by publication: the stated timestamp in UTC
    (``2023-12-12T07:05:00``) when ``date_basis`` holds one with a time and a zone, else the
    ``date``; "" when the document has no date."""
    stated = (row.get("date_basis") or "").partition(": ")[2]
    if row.get("date") and ISO_DATE.match(stated) and TIME_ZONE.search(stated):
        try:
            moment = datetime.fromisoformat(stated.strip().replace("Z", "+00:00"))
        except ValueError:
            return row.get("date") or ""
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return row.get("date") or ""
