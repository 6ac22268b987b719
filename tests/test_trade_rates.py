"""The shipped annual average exchange rates and the conversion of stated figures into US dollars."""

from __future__ import annotations

import math

import pytest

from xivn.errors import DataFileError
from xivn.trade.rates import units_per_usd, usd_rates


def test_the_shipped_table_holds_the_federal_reserve_averages_with_their_release():
    table = usd_rates().set_index(["currency", "year"])
    # G.5A, release of February 1, 2024: 7.0809 yuan and 140.5001 yen per dollar in 2023
    assert table.loc[("CNY", 2023), "rate"] == 7.0809
    assert table.loc[("JPY", 2023), "rate"] == 140.5001
    assert table.loc[("EUR", 2022), ["rate", "quoted"]].tolist() == [1.0534, "usd_per_unit"]
    assert table.loc[("GBP", 2023), "source_url"] == "https://federalreserve.gov/releases/g5a/20240201"
    assert table.index.is_unique
    assert ("VND", 2023) not in table.index  # the dong is not in the G.5A releases


def test_units_per_dollar_turns_the_quotes_of_asterisked_currencies_round():
    assert units_per_usd("USD", None) == 1.0
    assert units_per_usd("CNY", 2023) == 7.0809
    assert units_per_usd("EUR", 2022) == pytest.approx(1 / 1.0534)
    assert units_per_usd("AUD", 2004) == pytest.approx(1 / 0.7365)


@pytest.mark.parametrize(("currency", "year"), [("VND", 2023), ("EUR", None), ("EUR", 1990), ("¥", 2023)])
def test_no_rate_means_no_conversion(currency, year):
    assert math.isnan(units_per_usd(currency, year))


def test_a_bad_rate_file_names_the_row(tmp_path):
    bad = tmp_path / "rates.csv"
    bad.write_text("currency,year,rate,quoted,release,source_url\nEUR,2022,1.05,per_euro,G.5A,https://x\n")
    with pytest.raises(DataFileError, match=r"rates.csv: row 2 \(EUR 2022\)"):
        usd_rates(bad)
