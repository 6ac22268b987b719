"""What the stated trade figures add up to, and how they compare with official statistics."""

from __future__ import annotations

import math

import pytest
from conftest import figures_of

from xivn.errors import DataFileError
from xivn.trade.checks import fact_check_trade, mirror_gaps, trade_balances, trade_consistency, trade_reference

US = "United States"


def test_consistency_and_balances_of_the_seeds(figures):
    consistency = trade_consistency(figures)
    assert consistency["verdict"].tolist() == ["adds up", "adds up"]
    assert consistency["difference"].abs().max() == 0
    balances = trade_balances(figures).set_index("partner")
    assert balances.loc["China", "balance"] == pytest.approx(57.7 - 117.87)
    assert balances.loc[US, "balance"] == pytest.approx(109.39 - 14.47)
    assert balances["share_of_listed"].sum() == pytest.approx(1)


def test_consistency_flags_a_total_that_does_not_add_up(make_corpus):
    text = "Vietnam's trade with Japan was $50 billion in 2022, with exports of $24.2bn and imports of $23.1bn."
    (row,) = trade_consistency(figures_of(make_corpus, text)).itertuples()
    assert (row.verdict, row.difference) == ("does not add up", pytest.approx(2.7))


def test_fact_check_against_both_sides(figures):
    check = fact_check_trade(figures, trade_reference())
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
    gaps = mirror_gaps(trade_reference()).set_index(["reporter", "partner", "year"])
    assert gaps.loc[("Vietnam", "China", 2021), "gap_usd_bn"] == pytest.approx(230.2 - 165.9)
    assert 2023 not in gaps.index.get_level_values("year")  # only Jan-Nov / Jan-Sep figures for 2023


def test_helpers_accept_an_empty_table(figures):
    empty = figures.iloc[:0]
    assert trade_consistency(empty).empty
    assert trade_balances(empty).empty
    assert fact_check_trade(empty, trade_reference()).empty


def test_reference_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("reporter,partner,flow,year\nVietnam,China,total,2022\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.csv: missing column"):
        trade_reference(bad)
    with pytest.raises(DataFileError, match="not found"):
        trade_reference(tmp_path / "missing.csv")


def test_rounding_of_reference_values():
    reference = trade_reference()
    row = reference[(reference["source"] == "VietnamPlus FR (VNA/CPV)") & (reference["flow"] == "imports")].iloc[0]
    assert (row["value_usd_bn"], row["precision_usd_bn"]) == (118.0, 1.0)
    assert math.isnan(reference.loc[reference["source"] == "China GACC", "value_usd_bn"].iloc[0])
