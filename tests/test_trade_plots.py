"""The trade notebook's charts: a note instead of an empty chart, otherwise the expected title and labels."""

from __future__ import annotations

import math

import matplotlib
import pandas as pd
import pytest
from conftest import texts_outside

from xivn.display.markdown import Markdown
from xivn.trade import plots

matplotlib.use("Agg")

BALANCES = pd.DataFrame(
    {
        "partner": ["China", "United States"],
        "year": [2022, 2022],
        "exports": [57.7, 109.39],
        "imports": [117.87, 14.47],
        "balance": [-60.17, 94.92],
    }
)
FIGURES = pd.DataFrame({"doc_id": ["d2", "d1", "d2"]})
LABELS = {"d1": "Wire", "d2": "Blog $1 $2"}
GAPS = pd.DataFrame(
    {
        "doc_id": ["d1", "d1", "d2"],
        "claim": ["US exports (mirror)", "China total (same side)", "China exports (same side)"],
        "check": ["mirror", "same side", "same side"],
        "gap_usd_bn": [18.13, -0.07, 0.0],
        "verdict": ["partner reports more", "matches", "matches"],
        "source": ["US Census", "GSO", "GSO"],
    }
)


@pytest.fixture
def drawn(monkeypatch):
    """The figure handed to ``finish`` (nothing is displayed outside IPython)."""
    captured = {}
    original = plots.charts.finish

    def finish(ax, **kwargs):
        captured["ax"], captured["kwargs"] = ax, kwargs
        original(ax, **kwargs)

    monkeypatch.setattr(plots.charts, "finish", finish)
    yield captured
    if "ax" in captured:
        captured["ax"].figure.clear()


def test_stated_trade_of_nothing_is_a_note(drawn):
    note = plots.stated_trade(BALANCES.iloc[:0], FIGURES.iloc[:0], LABELS, reporter="Vietnam", year=2021)
    assert isinstance(note, Markdown)
    assert note.data == "No exports or imports of Vietnam with a partner are stated for 2021: nothing to chart."
    assert not drawn


def test_stated_trade_draws_both_flows_per_partner(drawn):
    assert plots.stated_trade(BALANCES, FIGURES, LABELS, reporter="Vietnam", year=2022) is None
    ax = drawn["ax"]
    assert ax.get_title(loc="left") == "Vietnam's trade as stated, 2022"
    assert ax.get_xlabel() == "billion US dollars"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["China", "United States"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["exports", "imports"]
    assert len(ax.patches) == 4
    assert drawn["kwargs"]["sources"] == ["Blog $1 $2", "Wire"]  # each document once; finish draws "$" literally
    source_line = ax.figure.texts[0].get_text()
    assert source_line == r"Source: Blog \$1 \$2; Wire"
    assert texts_outside(ax.figure) == []


def test_balance_bars_of_missing_balances_is_a_note(drawn):
    unknown = BALANCES.assign(balance=math.nan)
    note = plots.balance_bars(unknown, FIGURES, LABELS, reporter="Vietnam")
    assert isinstance(note, Markdown)
    assert note.data == "No balance can be computed from the stated figures."
    assert plots.balance_bars(BALANCES.iloc[:0], FIGURES, LABELS, reporter="Vietnam").data == note.data
    assert not drawn


def test_balance_bars_name_the_first_balance_in_the_title(drawn):
    assert plots.balance_bars(BALANCES, FIGURES, LABELS, reporter="Vietnam") is None
    ax = drawn["ax"]
    assert ax.get_title(loc="left") == r"Vietnam's deficit with China is \$60.17bn"
    assert ax.get_xlabel() == "balance, billion US dollars (exports − imports)"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["China", "United States"]
    assert [round(p.get_width(), 2) for p in ax.patches] == [-60.17, 94.92]
    assert texts_outside(ax.figure) == []
    surplus_first = BALANCES.iloc[::-1].reset_index(drop=True)
    plots.balance_bars(surplus_first, FIGURES, LABELS, reporter="Vietnam")
    assert drawn["ax"].get_title(loc="left") == r"Vietnam's surplus with the United States is \$94.92bn"


def test_gap_bars_of_nothing_is_a_note(drawn):
    note = plots.gap_bars(GAPS.iloc[:0], LABELS)
    assert isinstance(note, Markdown)
    assert note.data == "No reference value to compare with: nothing to chart."
    assert not drawn


def test_gap_bars_title_the_finding_and_list_documents_and_sources(drawn):
    assert plots.gap_bars(GAPS, LABELS) is None
    ax = drawn["ax"]
    assert " ".join(ax.get_title(loc="left").split()) == r"Own statistics match; the partner's differ by up to \$18.1bn"
    assert ax.get_xlabel() == "official figure − stated figure, billion US dollars"
    assert [t.get_text() for t in ax.get_yticklabels()] == list(GAPS["claim"])
    assert drawn["kwargs"]["sources"] == ["Blog $1 $2", "Wire", "GSO", "US Census"]
    assert texts_outside(ax.figure) == []


@pytest.mark.parametrize(
    ("rows", "title"),
    [
        ([1, 2], r"Own statistics match"),
        ([0, 1, 2], r"Own statistics match; the partner's differ by up to \$18.1bn"),
        ([0], r"The partner's statistics differ by up to \$18.1bn"),
    ],
)
def test_gap_title_says_only_what_the_rows_show(rows, title):
    assert plots.gap_title(GAPS.iloc[rows]) == title


def test_gap_title_when_own_statistics_differ():
    differs = GAPS.assign(verdict=["partner reports more", "differs", "matches"])
    assert plots.gap_title(differs) == r"Own statistics differ by up to \$0.1bn; the partner's differ by up to \$18.1bn"
