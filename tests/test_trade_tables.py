"""The trade notebook's tables: labels for documents, dollars and percentages, missing values as words."""

from __future__ import annotations

import math

import pandas as pd

from xivn.trade import tables


def test_figures_show_document_labels_dollars_and_the_whole_sentence():
    sentence = "Trade reached $175.57 billion in 2022, with imports of $117.87 billion and more words after."
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
    assert row["Document"] == "Pamir (blog)"
    assert row["Value"] == "$175.57bn"
    assert row["Sentence"] == sentence
    assert "004_7f647e3ecafc4dc6" not in shown._repr_html_()


def test_figures_keep_at_most_max_rows():
    figures = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "quote": ["$1 billion"] * 3,
            "reporter": ["Vietnam"] * 3,
            "partner": ["China"] * 3,
            "flow": ["total"] * 3,
            "year": [2022] * 3,
            "period": ["2022"] * 3,
            "value_usd_bn": [1.0] * 3,
            "resolved_from": ["clause"] * 3,
            "sentence": ["s"] * 3,
        }
    )
    assert len(tables.shown_figures(figures, {}, max_rows=2)) == 2


def test_checks_show_gaps_as_signed_percentages_and_missing_figures_as_words():
    check = pd.DataFrame(
        {
            "quote": ["$123.86 billion", "$14.47 billion"],
            "partner": ["United States"] * 2,
            "flow": ["total", "imports"],
            "claim_usd_bn": [123.86, 14.47],
            "check": ["mirror", "same side"],
            "publisher": ["US Census Bureau", None],
            "source": ["Census", math.nan],
            "reference_usd_bn": [139.0, math.nan],
            "gap_usd_bn": [15.14, math.nan],
            "gap_pct": [0.1222, math.nan],
            "verdict": ["partner reports more", "not found"],
        }
    )
    shown = tables.shown_checks(check, max_rows=10).shown
    assert shown["Gap, %"].tolist() == ["+12.2%", "—"]
    assert shown["Official"].tolist() == ["$139.00bn", "not found"]
    assert shown["Published by"].tolist() == ["US Census Bureau", "not stated"]
    assert not shown.apply(lambda column: column.str.contains("nan|NaN|None")).any().any()


def test_balances_explain_the_balance_and_show_shares_as_percentages():
    balances = pd.DataFrame(
        {
            "partner": ["China"],
            "year": [2022],
            "exports": [57.7],
            "imports": [117.87],
            "total": [175.57],
            "balance": [-60.17],
            "export_import_ratio": [0.489526],
            "share_of_listed": [0.5864],
            "balance_share": [-0.3427],
        }
    )
    shown = tables.shown_balances(balances)
    row = shown.shown.iloc[0]
    assert (row["Balance"], row["Exports ÷ imports"], row["Share of listed trade"]) == ("−$60.17bn", "0.49", "58.6%")
    assert "Balance: exports − imports; negative is a deficit" in shown.notes()
