"""The rare-earth tables as a reader sees them: units in headers, percentages, words for missing values."""

from __future__ import annotations

import math

import pandas as pd

from xivn.rare_earths import tables


def vietnam(*rows) -> pd.DataFrame:
    columns = ["edition", "reserves_t", "production_year", "production_t", "world_production_t", "production_share",
               "years_of_reserves"]  # fmt: skip
    return pd.DataFrame(list(rows), columns=columns)


def test_reserves_against_production_read_with_units_percentages_and_words():
    shown = tables.reserves_production_table(
        vietnam(
            ("MCS 2023 (Jan 2023)", 22e6, 2022.0, 4300.0, math.nan, math.nan, 5116.27907),
            ("MCS 2024 (Jan 2024)", 22e6, 2023.0, 600.0, 350000.0, 0.001714, 36666.666667),
        )
    ).shown
    assert "Reserves (t REO)" in shown.columns and "Share of world production" in shown.columns
    first, second = shown.to_dict("records")
    assert first["Reserves (t REO)"] == "22,000,000"
    assert first["Share of world production"] == "not in the data"
    assert first["Years of reserves"] == "5,116"
    assert first["Production year"] == "2022"
    assert second["Share of world production"] == "0.17%"


def test_reserves_table_shows_no_index_and_whole_tonnes():
    ranks = pd.DataFrame(
        {"edition": ["MCS 2023"] * 2, "country": ["China", "Vietnam"], "reserves_t": [44e6, 22e6], "rank": [1, 2],
         "listed": [11, 11]},
        index=[11, 12],
    )  # fmt: skip
    text = repr(tables.reserves_table(ranks))
    assert "44,000,000" in text and "44000000.0" not in text
    assert not text.splitlines()[1].lstrip().startswith("11")


def test_places_table_says_which_places_are_not_on_the_map():
    places = pd.DataFrame(
        {"short_name": ["Lao Cai", "Ben Den", "Lai Chau city"], "province_or_region": ["Lao Cai"] * 3,
         "lat": [22.483, 22.483, 22.386226], "lon": [103.95, 103.95, 103.470243],
         "approximate": [False, True, False], "precision": ["city", "proxy", "city"]}
    )  # fmt: skip
    drawn = pd.DataFrame({"short_name": ["Lao Cai", "Ben Den"], "role": ["station", "deposit"]})
    shown = tables.places_table(places, drawn).shown
    assert shown["On the map"].tolist() == ["yes, a station", "yes, a deposit", tables.NOT_DRAWN]
    assert shown["Latitude (°N)"].tolist()[2] == "22.386"
    assert shown["How the coordinate was found"].tolist() == ["city", "proxy", "city"]


def test_matrix_table_has_a_claim_column_and_counts_per_text():
    matrix = pd.DataFrame({"AF": [1, 0], "Pamir $x$": [2, 1]}, index=pd.Index(["Reserves", "No deal"], name="claim"))
    table = tables.matrix_table(matrix)
    assert table.shown.columns.tolist() == ["Claim", "AF", "Pamir $x$"]
    assert table.shown["Pamir $x$"].tolist() == ["2", "1"]
    assert "tex2jax_ignore" in table._repr_html_()


def test_empty_tables_and_empty_strings_read_as_words():
    gaps = pd.DataFrame({"label": ["AF"], "n_claims": [10], "leaves_out": [""]})
    assert tables.omissions_table(gaps).shown["Leaves out"].tolist() == ["nothing"]
    claims = pd.DataFrame(
        {"label": ["AF"], "sent_id": [20], "claim": ["No deal"], "country": [""], "country_from": [""],
         "number_quote": [pd.NA]}
    )  # fmt: skip
    row = tables.claim_rows_table(claims).shown.iloc[0]
    assert (row["About"], row["Number stated"]) == ("no country", "none")
    empty = tables.distances_table(
        pd.DataFrame(columns=["short_name", "province_or_region", "approximate", "nearest_station", "km_to_station"])
    )
    assert "no rows" in empty._repr_html_()


def test_verdicts_say_as_of_which_month_and_undated_in_words():
    verdicts = pd.DataFrame(
        {"measure": ["Vietnam's rank by reserves"] * 2, "as_of": ["2024-03", ""], "n_claims": [3, 1],
         "edition_then": ["MCS 2024 (Jan 2024)", ""], "finding_then": ["rank 2", ""],
         "edition_latest": ["MCS 2025 (Jan 2025)", ""], "finding_latest": ["rank 6", ""],
         "verdict": ["true when written, revised since", "undated: not checked"]}
    )  # fmt: skip
    dated, undated = tables.verdicts_table(verdicts).shown.to_dict("records")
    assert (dated["As of"], dated["Claims"], dated["Edition when written"]) == ("2024-03", "3", "MCS 2024 (Jan 2024)")
    assert (undated["As of"], undated["Edition when written"], undated["Verdict"]) == (
        "undated",
        "—",
        "undated: not checked",
    )
