"""The trade notebook's tables as shown: labels, dollars, percentages, missing values as words."""

from __future__ import annotations

import math

import pandas as pd

from xivn.trade import tables


def balances() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "partner": ["China", "United States"],
            "year": [2022, 2022],
            "exports": [57.7, 109.39],
            "imports": [117.87, 14.47],
            "total": [175.57, 123.86],
            "balance": [-60.17, 94.92],
            "export_import_ratio": [0.4895, 7.5598],
            "share_of_listed": [0.5863, 0.4137],
            "balance_share": [-0.3427, 0.7663],
        }
    )


def test_balances_read_as_dollars_and_percentages():
    shown = tables.shown_balances(balances()).shown
    assert shown["Balance"].tolist() == ["−$60.17bn", "$94.92bn"]
    assert shown["Share of listed trade"].tolist() == ["58.6%", "41.4%"]
    assert shown["Balance as share of trade"].tolist() == ["−34.3%", "+76.6%"]
    assert shown["Exports ÷ imports"].tolist() == ["0.49", "7.56"]


def test_balances_explain_the_balance_column():
    assert "Balance: exports − imports; negative is a deficit" in tables.shown_balances(balances()).notes()


def test_an_empty_balance_table_still_has_its_headers():
    shown = tables.shown_balances(balances().iloc[:0])
    assert len(shown) == 0
    assert "no rows" in shown._repr_html_()


def test_a_check_without_an_official_figure_says_so_in_words():
    check = pd.DataFrame(
        {
            "quote": ["$175.57 billion"],
            "reporter": ["Vietnam"],
            "partner": ["China"],
            "flow": ["total"],
            "claim_usd_bn": [175.57],
            "check": ["mirror"],
            "publisher": [None],
            "source": ["China GACC"],
            "reference_usd_bn": [math.nan],
            "gap_usd_bn": [math.nan],
            "gap_pct": [math.nan],
            "verdict": ["not found"],
        }
    )
    row = tables.shown_checks(check, max_rows=5).shown.iloc[0]
    assert (row["Official"], row["Gap"], row["Published by"], row["Verdict"]) == ("not found", "—", "—", "not found")
    assert "NaN" not in repr(tables.shown_checks(check, max_rows=5))


def test_a_figure_shows_its_document_label_and_whole_sentence():
    sentence = "Total two-way trade was $175.57 billion in 2022, the customs said, " * 3
    figures = pd.DataFrame(
        {
            "doc_id": ["004_7f647e3ecafc4dc6"],
            "quote": ["$175.57 billion"],
            "reporter": ["Vietnam"],
            "partner": ["China"],
            "flow": ["total"],
            "year": [2022],
            "period": ["2022"],
            "value_usd_bn": [175.5712345],
            "resolved_from": ["sentence"],
            "sentence": [sentence],
        }
    )
    shown = tables.shown_figures(figures, {"004_7f647e3ecafc4dc6": "Pamir (blog)"}, max_rows=5)
    row = shown.shown.iloc[0]
    assert (row["Document"], row["Value"], row["Sentence"]) == ("Pamir (blog)", "$175.57bn", sentence)
    assert "mathjax_ignore" in shown._repr_html_()
