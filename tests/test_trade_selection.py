"""The rows of the trade tables the notebook analyses, shows or charts, chosen by its parameters."""

from __future__ import annotations

import math

import pandas as pd

from xivn.trade.selection import analysed_figures, earlier_gaps, unmatched_mirrors, usable_figures, widest_gaps

STATED = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b", "b", "c", "d", "d", "d", "e"],
        "reporter": ["Vietnam", "Vietnam", "China", "Vietnam", "Vietnam", "", "Vietnam", "Vietnam", "China"],
        "partner": ["China", "Japan", "Vietnam", "China", "China", "China", "China", "Japan", "Vietnam"],
        "flow": ["exports", "exports", "exports", "exports", "exports", "exports", "exports", "imports", "total"],
        "year": pd.array([2022, 2022, 2022, None, 2021, 2022, 2022, 2022, 2022], dtype="Int64"),
        "period": ["2022", "2022", "2022", "", "2021", "2022", "2022-01..2022-11", "2022", "2022"],
        "value_usd_bn": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, math.nan, 9.0],
        "resolved_from": ["clause"] * 5 + ["unresolved"] + ["clause"] * 3,
    },
    index=[10, 11, 12, 13, 14, 15, 16, 17, 18],
)


def test_usable_figures_have_both_parties_dollars_and_a_calendar_year():
    # not the unstated reporter (15), the month span (16), the yen figure (17) or the one without a year (13)
    assert usable_figures(STATED)["value_usd_bn"].tolist() == [1.0, 2.0, 3.0, 5.0, 9.0]


def test_analysed_figures_keep_the_reporter_and_year_with_every_partner():
    chosen = analysed_figures(STATED, reporter="Vietnam", year=2022)
    # not China's exports; China's total with Vietnam is trade of Vietnam too, kept as China's figure
    assert chosen["value_usd_bn"].tolist() == [1.0, 2.0, 9.0]
    assert chosen[["reporter", "partner"]].values.tolist()[-1] == ["China", "Vietnam"]
    assert chosen.index.tolist() == [0, 1, 2]


def test_analysed_figures_filter_the_other_sides_total_by_its_reporter():
    assert analysed_figures(STATED, reporter="Vietnam", year=2022, partners=["China"])["value_usd_bn"].tolist() == [
        1.0,
        9.0,
    ]
    assert analysed_figures(STATED, reporter="Vietnam", year=2022, partners=["Japan"])["value_usd_bn"].tolist() == [2.0]


CHECK = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "a", "b"],
        "start": [10, 10, 40, 10, 5],
        "reporter": ["Vietnam"] * 5,
        "partner": ["US", "US", "China", "US", "China"],
        "flow": ["exports", "exports", "total", "exports", "total"],
        "check": ["mirror", "mirror", "mirror", "same side", "same side"],
        "source": ["Census", "BEA", "GACC", "GSO", "GSO"],
        "reference_usd_bn": [127.52, 120.0, math.nan, 109.0, 175.5],
        "gap_usd_bn": [18.13, 10.61, math.nan, -0.39, -0.07],
    }
)


def test_unmatched_mirrors_are_the_mirror_checks_without_a_value():
    assert unmatched_mirrors(CHECK)["partner"].tolist() == ["China"]
    assert unmatched_mirrors(CHECK.iloc[:2]).empty


def test_a_claim_with_one_mirror_figure_found_is_not_unmatched():
    # one of two mirror rows of the US claim has no value; the other has 127.52: the partner's figure is there
    check = CHECK.assign(reference_usd_bn=[127.52, math.nan, math.nan, 109.0, 175.5])
    assert unmatched_mirrors(check)["partner"].tolist() == ["China"]


def test_widest_gaps_keep_one_row_per_claim_sorted_by_check_and_gap():
    chart = widest_gaps(CHECK, "Vietnam")
    assert chart["claim"].tolist() == ["US exports (mirror)", "US exports (same side)", "China total (same side)"]
    assert chart["source"].tolist() == ["Census", "GSO", "GSO"]  # the widest of the two US mirror gaps
    assert widest_gaps(CHECK.iloc[2:3], "Vietnam").empty  # no reference value: nothing to chart


def test_widest_gaps_name_the_other_sides_figure_by_its_reporter():
    other = CHECK.iloc[4:5].assign(reporter="China", partner="Vietnam", check="mirror")
    assert widest_gaps(other, "Vietnam")["claim"].tolist() == ["China's total (mirror)"]


def test_widest_gaps_break_ties_by_source():
    tied = CHECK.iloc[:2].assign(gap_usd_bn=[-5.0, 5.0])
    assert widest_gaps(tied, "Vietnam")["source"].tolist() == ["BEA"]


GAPS = pd.DataFrame(
    {
        "reporter": ["Vietnam", "Vietnam", "Vietnam", "China", "Vietnam"],
        "partner": ["China", "China", "US", "Vietnam", "China"],
        "flow": ["total"] * 5,
        "year": pd.array([2021, 2022, 2021, 2021, None], dtype="Int64"),
        "gap_usd_bn": [64.3, 1.0, 2.0, -64.3, 3.0],
    }
)


def test_earlier_gaps_are_the_reporters_earlier_years_for_the_partners_without_a_mirror_figure():
    assert earlier_gaps(GAPS, CHECK, reporter="Vietnam", year=2022)["gap_usd_bn"].tolist() == [64.3]
    assert earlier_gaps(GAPS, CHECK, reporter="Vietnam", year=2021).empty
    assert earlier_gaps(GAPS, CHECK.iloc[:2], reporter="Vietnam", year=2022).empty  # every mirror figure found
    assert earlier_gaps(GAPS.iloc[:0], CHECK, reporter="Vietnam", year=2022).empty
