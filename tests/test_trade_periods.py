"""Periods read from the words around a figure: years, fiscal years, month spans and months."""

from __future__ import annotations

from datetime import date

import pytest

from xivn.trade.periods import find_periods

TODAY = date(2024, 2, 6)  # the article's date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2022, up 5%", [(2022, "2022")]),
        ("in the first 11 months of 2023", [(2023, "2023-01..2023-11")]),  # one span, not a span and a year
        ("in the first ten months of this year", [(2024, "2024-01..2024-10")]),
        ("in the first 11 months", [(2023, "2023-01..2023-11")]),  # no year: the latest span before the date
        ("January-November 2023", [(2023, "2023-01..2023-11")]),
        ("in the Jan.-Nov. period", [(2023, "2023-01..2023-11")]),
        ("in the first half of 2023", [(2023, "2023-01..2023-06")]),
        ("in the first quarter", [(2023, "2023-01..2023-03")]),
        ("in January", [(2024, "2024-01")]),  # that January, not the year before
        ("in December", [(2023, "2023-12")]),  # the latest December before the date
        ("last January", [(2023, "2023-01")]),
        ("in March 2021", [(2021, "2021-03")]),
        ("during 2003-04", [(2004, "FY2003-04")]),  # a fiscal year counts in the year it ends
        ("in FY2023", [(2023, "FY2023")]),
        ("in fiscal 2022-23", [(2023, "FY2022-23")]),
        ("in the year to March 2005", [(2005, "FY2004-05")]),
        ("in the year to December 2004", [(2004, "2004")]),
        ("last year", [(2023, "2023")]),
        ("in the ten months to October 2023", [(2023, "2023-01..2023-10")]),  # n months ending with that month
        ("in the 12 months to March", [(2023, "2022-04..2023-03")]),  # across a year end; the latest March
        ("from $20 billion in 2002 to $180 billion in 2022", [(2002, "2002"), (2022, "2022")]),
        ("the 2023-2026 plan", []),  # a range of years is no figure's period
        ("on 2023-12-12", []),  # nor an ISO date
        ("up 24% to 37 deals", []),
        ("by the end of November", [(2023, "2023-01..2023-11")]),  # the year to date
        ("until the end of April 2017", [(2017, "2017-01..2017-04")]),
        ("between January and August", [(2023, "2023-01..2023-08")]),
        ("between 2020 and 2022", [(2020, "2020"), (2022, "2022")]),  # years, not months: no span
        ("in the first month of the year", [(2024, "2024-01")]),
        ("in the first eight months of the year", [(2023, "2023-01..2023-08")]),
        ("Through November, imports", [(2023, "2023-01..2023-11")]),
        ("in 11M2023", [(2023, "2023-01..2023-11")]),
        ("in the first three quarters of 2023", [(2023, "2023-01..2023-09")]),
        ("January through November", [(2023, "2023-01..2023-11")]),  # a span, not "through November"
        ("in the 11 months, more than", [(2023, "2023-01..2023-11")]),  # the span stated before, without "first"
        ("after 11 months of 2023", [(2023, "2023-01..2023-11")]),
        ("during the nine-month period", [(2023, "2023-01..2023-09")]),
        ("Vietnam's 11-month exports", [(2023, "2023-01..2023-11")]),  # the span as an adjective
        ("hit an 11-month high", []),  # a length of time, no figure's period
        ("in 2023's first ten months", [(2023, "2023-01..2023-10")]),
        # an apposition restating the span is not read again (a fiscal year's months are not January's)
        ("in April-October, the first seven months of the fiscal year", [(2023, "2023-04..2023-10")]),
        ("in April-December, the first nine months of the 2023-24 fiscal year", [(2023, "2023-04..2023-12")]),
    ],
)
def test_periods_and_their_labels(text, expected):
    assert [(p.year, p.label) for p in find_periods(text, TODAY)] == expected


def test_without_an_article_date_relative_periods_have_no_year():
    assert [(p.year, p.label) for p in find_periods("in January and last year")] == [(None, ""), (None, "")]
    assert [(p.year, p.label) for p in find_periods("in January 2022")] == [(2022, "2022-01")]
