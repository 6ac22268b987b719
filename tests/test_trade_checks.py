"""What the stated trade figures add up to, and how they compare with official statistics."""

from __future__ import annotations

import math

import pytest
from conftest import figures_of

from xivn.errors import DataFileError
from xivn.trade.checks import (
    fact_check_trade,
    mirror_gaps,
    no_reference,
    trade_balances,
    trade_consistency,
    trade_reference,
)
from xivn.trade.prose import attribution_sentence, bottom_line, totals_sentence
from xivn.trade.selection import analysed_figures

US = "United States"
SHIPPED = "trade_2022.csv"


def test_consistency_and_balances_of_the_seeds(figures):
    consistency = trade_consistency(figures)
    assert consistency["verdict"].tolist() == ["adds up", "adds up"]
    assert consistency["difference"].abs().max() == 0
    balances = trade_balances(figures, "Vietnam").set_index("partner")
    assert balances.loc["China", "balance"] == pytest.approx(57.7 - 117.87)
    assert balances.loc[US, "balance"] == pytest.approx(109.39 - 14.47)
    assert balances["share_of_listed"].sum() == pytest.approx(1)


def test_consistency_flags_a_total_that_does_not_add_up(make_corpus):
    text = "Vietnam's trade with Japan was $50 billion in 2022, with exports of $24.2bn and imports of $23.1bn."
    (row,) = trade_consistency(figures_of(make_corpus, text)).itertuples()
    assert (row.verdict, row.difference) == ("does not add up", pytest.approx(2.7))


def test_fact_check_against_both_sides(figures):
    check = fact_check_trade(figures, trade_reference(SHIPPED))
    census = check[(check["check"] == "mirror") & check["publisher"].str.contains("US Census Bureau)", regex=False)]
    exports = census[census["flow"] == "exports"].iloc[0]
    # US Census: imports from Vietnam 127.52bn against Vietnam's stated exports of 109.39bn
    assert (exports["reference_usd_bn"], exports["gap_usd_bn"]) == (127.52, pytest.approx(18.13))
    assert exports["verdict"] == "partner reports more"
    gacc = check[(check["partner"] == "China") & (check["check"] == "mirror")]
    assert gacc["verdict"].unique().tolist() == ["not found"]  # China's customs 2022: not in the reference set
    same = check[(check["partner"] == "China") & (check["check"] == "same side")].dropna(subset=["reference_usd_bn"])
    assert set(same["verdict"]) == {"matches"}
    assert same["publisher"].str.startswith("Vietnam").all()
    assert set(check.loc[check["partner"] == "China", "credited_country"]) == {"China"}


def test_mirror_gaps_leave_out_part_years():
    gaps = mirror_gaps(trade_reference(SHIPPED)).set_index(["reporter", "partner", "year"])
    assert gaps.loc[("Vietnam", "China", 2021), "gap_usd_bn"] == pytest.approx(230.2 - 165.9)
    assert 2023 not in gaps.index.get_level_values("year")  # only Jan-Nov / Jan-Sep figures for 2023


def test_helpers_accept_an_empty_table(figures):
    empty = figures.iloc[:0]
    assert trade_consistency(empty).empty
    assert trade_balances(empty, "Vietnam").empty
    assert fact_check_trade(empty, trade_reference(SHIPPED)).empty


def test_reference_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("reporter,partner,flow,year\nVietnam,China,total,2022\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.csv: missing column"):
        trade_reference(bad)
    with pytest.raises(DataFileError, match="not found"):
        trade_reference(tmp_path / "missing.csv")


def test_rounding_of_reference_values():
    reference = trade_reference(SHIPPED)
    row = reference[(reference["source"] == "VietnamPlus FR (VNA/CPV)") & (reference["flow"] == "imports")].iloc[0]
    assert (row["value_usd_bn"], row["precision_usd_bn"]) == (118.0, 1.0)
    assert math.isnan(reference.loc[reference["source"] == "China GACC", "value_usd_bn"].iloc[0])


# ------------------------------------------- like with like: reporter, partner, flow, period
REFERENCE_HEADER = "reporter,partner,flow,year,value_usd_bn,publisher,source_title,source_url,note\n"
CHINA_CUSTOMS = (
    "China-Vietnam trade volume reached 234.9 billion U.S. dollars in 2022, up 2.1 percent year on year, "
    "Chinese customs data showed."
)


def reference_file(tmp_path, *rows: str):
    """A reference table written by hand: ``rows`` of reporter,partner,flow,year,value."""
    path = tmp_path / "reference.csv"
    path.write_text(REFERENCE_HEADER + "".join(f"{row},Agency,Title,https://example.org,\n" for row in rows))
    return trade_reference(path)


def test_the_other_sides_figure_has_no_reference_row_and_a_mirror_of_its_own(make_corpus, tmp_path):
    # Vietnam's customs put the 2022 total at 175.6bn; the reference holds no row of China's statistics
    reference = reference_file(tmp_path, "Vietnam (General Department of Vietnam Customs),China,total,2022,175.6")
    figures = analysed_figures(figures_of(make_corpus, CHINA_CUSTOMS), reporter="Vietnam", year=2022)
    assert figures[["reporter", "partner", "flow"]].values.tolist() == [["China", "Vietnam", "total"]]
    check = fact_check_trade(figures, reference).set_index("check")
    same = check.loc["same side"]
    assert (same["reporter"], same["verdict"]) == ("China", "no reference row")
    assert math.isnan(same["reference_usd_bn"])  # never held against Vietnam's 175.6 on the same side
    mirror = check.loc["mirror"]  # the comparison of the two countries' statistics, as a check of its own
    assert (mirror["reference_usd_bn"], mirror["verdict"]) == (175.6, "partner reports less")
    assert mirror["gap_pct"] == pytest.approx((175.6 - 234.9) / 234.9, abs=1e-4)
    assert (
        "There is no reference row for China's total trade with Vietnam in 2022, so that figure has no same-side check."
        in attribution_sentence(fact_check_trade(figures, reference), 20).data
    )


def test_a_figure_is_checked_only_against_a_row_of_its_period(make_corpus, tmp_path):
    reference = reference_file(
        tmp_path,
        "Vietnam (GSO),China,total,2021,165.9",
        "Vietnam (GSO),China,total,2022,175.6",
        "Vietnam (GSO),China,exports,2022,57.7",
    )
    text = (
        "Vietnam's trade with China was $165.9 billion in 2021. "
        "Vietnam's exports to China were $50 billion in the first 11 months of 2022."
    )
    check = fact_check_trade(figures_of(make_corpus, text), reference)
    assert check[["period", "check", "reference_usd_bn", "verdict"]].values.tolist() == [
        ["2021", "same side", 165.9, "matches"],  # not the 2022 row
        ["2022-01..2022-11", "same side", pytest.approx(math.nan, nan_ok=True), "no reference row"],  # not 57.7
    ]


def test_the_reporting_country_is_read_from_the_reporter_column(tmp_path):
    reference = reference_file(
        tmp_path, "US (Census Bureau),Vietnam,imports,2022,127.52", "Viet Nam (GSO),China,total,2022,175.6"
    )
    assert reference["reporter"].tolist() == [US, "Vietnam"]
    assert reference["publisher"].tolist() == ["US (Census Bureau)", "Viet Nam (GSO)"]


def test_no_reference_table_compares_nothing(figures):
    assert fact_check_trade(figures, no_reference()).empty
    assert mirror_gaps(no_reference()).empty


# ------------------------------------------------------- totals that can be added up
def test_a_total_alone_is_not_a_total_that_fails(make_corpus):
    text = (
        "Vietnam's trade with China was $175.57 billion in 2022, with exports of $57.7 billion and imports of "
        "$117.87 billion. Vietnam's trade with Japan was $50 billion in 2022. "
        "Vietnam's trade with Korea was $80 billion in 2022, with exports of $25 billion."
    )
    consistency = trade_consistency(figures_of(make_corpus, text)).set_index("partner")
    assert consistency["verdict"].to_dict() == {
        "China": "adds up",
        "Japan": "no parts stated",
        "South Korea": "one part stated",
    }
    assert totals_sentence(consistency.reset_index(), 20).data == (
        "1 of 1 stated total equals exports + imports within rounding (largest difference \\$0.00bn). "
        "1 stated total has no exports or imports beside it, so it is not checked."
    )


def test_a_bare_total_is_counted_apart_in_the_bottom_line(make_corpus):
    figures = figures_of(make_corpus, "Vietnam's trade with Japan was $50 billion in 2022.")
    line = bottom_line(
        figures,
        figures,
        trade_balances(figures, "Vietnam"),
        trade_consistency(figures),
        fact_check_trade(figures, no_reference()),
        {"doc": "Doc"},
        documents=1,
        reporter="Vietnam",
        year=2022,
    ).data
    assert "0 of 1 totals" not in line
    assert "no stated total can be checked (1 total with no exports or imports stated beside it)" in line
