"""The period a trade figure covers, read from the words around it.

News states a figure's period as a year ("in 2022"), a fiscal span ("during 2003-04", "in
FY2023", "in the year to March 2005"), a span of months ("in the first 11 months of 2023", "in
the ten months to October", "January-November", "between January and August", "in the first
half", "in the first three quarters", "11-month exports", "in 2023's first ten months"), the year
to date ("by the end of November", "through November", "11M2023"), one month ("in January", "last
January", "in the first month of the year") or a year relative to the article's date ("last
year", "this year"). :func:`find_periods` reads them all with their offsets; :class:`Period`
holds the year a figure is counted in (for a fiscal span, the year it ends) and a label:
``"2022"``, ``"2023-01..2023-11"``, ``"2024-01"``, ``"FY2003-04"``. A month or span written
without a year is the latest one not after the article's date; ``last January`` is the one a year
before.

This is the grammar of dates, not a vocabulary an analyst would tune, so it lives in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)"
)
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11}  # fmt: skip
_HALVES = {"first half": (1, 6), "second half": (7, 12), "first quarter": (1, 3), "second quarter": (4, 6),
           "third quarter": (7, 9), "fourth quarter": (10, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9),
           "q4": (10, 12), "h1": (1, 6), "h2": (7, 12), "first month": (1, 1), "first two quarters": (1, 6),
           "first three quarters": (1, 9)}  # fmt: skip
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# "of 2023", "of this year", "this year", ", 2023": the year a span or month is written with
_OF_YEAR = rf"(?:\s*,?\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<this>this year)|(?P<last>last year)|the year\b))?"
PATTERNS = {
    "year_to": re.compile(rf"\b(?:financial\s+|fiscal\s+)?year\s+(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?"
                          rf"(?P<month>{_MONTH})\b\.?(?:\s+(?P<year>{_YEAR}))?", re.IGNORECASE),
    "fiscal": re.compile(rf"\b(?:FY\s?|fiscal(?: year)?\s+)?(?P<start>{_YEAR})\s?[-–/]\s?(?P<end>\d{{2}})\b(?![-–/]?\d)"
                         rf"|\b(?:FY\s?|fiscal(?: year)?\s+)(?P<single>{_YEAR})\b"),
    "months_to": re.compile(rf"\b(?:(?:first|past|last|the)\s+)?(?P<n>\d{{1,2}}|{'|'.join(_COUNT)})\s+months\s+"
                            rf"(?:to|through|until|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?(?P<to>{_MONTH})\b\.?"
                            rf"{_OF_YEAR}", re.IGNORECASE),
    # "in 2023's first ten months"
    "year_months": re.compile(rf"\b(?P<year>{_YEAR})['’]s\s+(?:first|past)\s+(?P<n>\d{{1,2}}|{'|'.join(_COUNT)})"
                              r"\s+months\b", re.IGNORECASE),
    # "the first 11 months", "in the 11 months", "after 11 months", "the nine-month period"
    "months": re.compile(rf"\b(?:(?:first|past|last|the|this)\s+|(?<=\bafter\s))(?P<n>\d{{1,2}}|{'|'.join(_COUNT)})"
                         rf"(?:\s+months|-month\s+period){_OF_YEAR}", re.IGNORECASE),
    # "Vietnam's 11-month exports": the span as an adjective (not "an 11-month high")
    "months_adjective": re.compile(rf"(?<![\w-])(?P<n>\d{{1,2}}|{'|'.join(_COUNT)})-month\b"
                                   r"(?![-\w]|\s+(?:high|low|peak|record|old|long|lows|highs|delay|ban|wait|deadline"
                                   r"|contract|extension)\b)", re.IGNORECASE),
    "span": re.compile(rf"\b(?:(?P<between>between)\s+)?(?P<from>{_MONTH})\.?"
                       rf"(?(between)\s+and\s+|\s?(?:[-–]|to|through)\s?)(?P<to>{_MONTH})\b\.?{_OF_YEAR}",
                       re.IGNORECASE),
    # "by the end of November", "through November", "11M2023": the year to date
    "to_date": re.compile(rf"\b(?:(?:by|as of|as at|at|through|until|up to)\s+(?:the\s+)?end\s+of|through|as of|up to"
                          rf"|until)\s+(?P<to>{_MONTH})\b\.?{_OF_YEAR}|\b(?P<n>\d{{1,2}})M(?P<short>{_YEAR})\b",
                          re.IGNORECASE),
    "part": re.compile(rf"\b(?P<part>first month|first (?:two|three) quarters|(?:first|second) half"
                       rf"|(?:first|second|third|fourth) quarter|Q[1-4]|H[12]){_OF_YEAR}", re.IGNORECASE),
    "month": re.compile(rf"(?<![-–])\b(?P<lastm>last\s+)?(?P<month>January|February|March|April|May|June|July|"
                        rf"August|September|October|November|December)\b(?!\s?[-–])(?:\s+(?P<year>{_YEAR}))?"),
    "relative": re.compile(r"\b(?P<rel>last year|this year)\b", re.IGNORECASE),
    "year": re.compile(rf"(?<![\d$.,/-])(?P<year>{_YEAR})(?![\d%]|\s?[-–/]\s?\d)"),
}  # fmt: skip


APPOSITION = re.compile(r",\s+(?:or\s+)?the\s+(?:first|last|past|second|third|final)\s+[^,;.]*?"
                        r"\b(?:months?|quarters?|half|year)\b(?:\s+of\s+the\s+[^,;.]*?(?:fiscal|financial)\s+year)?",
                        re.IGNORECASE)  # fmt: skip
"""An apposition that restates the period before it: ", the first nine months of the 2023-24 fiscal year"."""


@dataclass(frozen=True)
class Period:
    """A period found in a text: ``text[start:end]``; ``year`` is None when it needs an article
    date that is missing."""

    start: int
    end: int
    year: int | None
    label: str
    kind: str  # one of the keys of PATTERNS


def _month_number(word: str) -> int:
    return next(i for i, name in enumerate(MONTHS, 1) if name.startswith(word.lower()[:3]))


def _span_label(year: int, first: int, last: int) -> str:
    return f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}..{year}-{last:02d}"


def _latest_year(last_month: int, today: date | None) -> int | None:
    """The year of the latest span ending in ``last_month`` not after ``today``."""
    if today is None:
        return None
    return today.year if last_month <= today.month else today.year - 1


def _year_of(match: re.Match[str], last_month: int, today: date | None) -> int | None:
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("last"):
        return today.year - 1 if today else None
    if groups.get("this"):
        return today.year if today else None
    return _latest_year(last_month, today)


def _read(kind: str, match: re.Match[str], today: date | None) -> tuple[int | None, str]:
    """The year and label of one match of ``PATTERNS[kind]``."""
    groups = match.groupdict()
    if kind == "year_to":  # "the year to March 2005": the twelve months ending then
        month = _month_number(groups["month"])
        year = int(groups["year"]) if groups["year"] else _latest_year(month, today)
        if year is None:
            return None, ""
        return year, str(year) if month == 12 else f"FY{year - 1}-{year % 100:02d}"
    if kind == "fiscal":
        if groups["single"]:
            return int(groups["single"]), f"FY{groups['single']}"
        start = int(groups["start"])
        end = start // 100 * 100 + int(groups["end"])
        end += 100 if end < start else 0
        return end, f"FY{start}-{groups['end']}"
    if kind == "months_to":  # "the ten months to October": the n months ending with that one
        count = groups["n"].lower()
        last = _month_number(groups["to"])
        first = last - int(count if count.isdigit() else _COUNT[count]) + 1
        year = _year_of(match, last, today)
        if year is None:
            return None, ""
        return year, _span_label(year, first, last) if first >= 1 else f"{year - 1}-{first + 12:02d}..{year}-{last:02d}"
    if kind == "year_months":
        count = groups["n"].lower()
        year = int(groups["year"])
        return year, _span_label(year, 1, int(count if count.isdigit() else _COUNT[count]))
    if kind in ("months", "months_adjective", "span", "part", "to_date"):
        if kind == "to_date":
            first, last = 1, int(groups["n"]) if groups["n"] else _month_number(groups["to"])
            if groups["short"]:
                year = int(groups["short"])
                return year, _span_label(year, first, last)
        elif kind in ("months", "months_adjective"):
            count = groups["n"].lower()
            first, last = 1, int(_COUNT.get(count, count) if not count.isdigit() else count)
        elif kind == "span":
            first, last = _month_number(groups["from"]), _month_number(groups["to"])
        else:
            first, last = _HALVES[groups["part"].lower()]
        year = _year_of(match, last, today)
        return year, _span_label(year, first, last) if year else ""
    if kind == "month":
        month = _month_number(groups["month"])
        if groups["year"]:
            year = int(groups["year"])
        elif groups["lastm"]:
            year = today.year - 1 if today else None
        else:
            year = _latest_year(month, today)
        return year, _span_label(year, month, month) if year else ""
    if kind == "relative":
        shift = 0 if groups["rel"].lower() == "this year" else -1
        year = today.year + shift if today else None
        return year, str(year) if year else ""
    return int(groups["year"]), groups["year"]


def find_periods(text: str, today: date | None = None) -> list[Period]:
    """Every period written in ``text``, in text order, the longest reading at each place
    ("the first 11 months of 2023" is one span, not a span and a year), an apposition restating
    the period before it aside ("April-October, the first seven months of the fiscal year" is
    April to October). ``today`` is the article's date, which "last year", "this year" and a month
    without a year are read against."""
    found: list[Period] = []
    for kind, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            if any(p.start < match.end() and match.start() < p.end for p in found):
                continue  # an earlier (more specific) pattern already holds these words
            year, label = _read(kind, match, today)
            found.append(Period(match.start(), match.end(), year, label, kind))
    found.sort(key=lambda p: p.start)
    restated = [(p.end, m.end()) for p in found if (m := APPOSITION.match(text, p.end))]
    return [p for p in found if not any(start < p.start < end for start, end in restated)]
