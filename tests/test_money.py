"""The money-amount parser: news English forms of amounts, and numbers that are not money."""

from __future__ import annotations

import math

import pytest

from xivn.trade.money import parse_amounts, parse_unit


@pytest.mark.parametrize(
    ("text", "quote", "value", "currency"),
    [
        ("trade was $175.57 billion in 2022", "$175.57 billion", 175.57, "USD"),
        ("Battery Firms Plan $1bn Vietnam Plants", "$1bn", 1.0, "USD"),
        ("worth US$171.9 billion last year", "US$171.9 billion", 171.9, "USD"),
        ("exports of USD 57.7bn", "USD 57.7bn", 57.7, "USD"),
        (
            "fell to 1.5 trillion Japanese yen",
            "1.5 trillion Japanese yen",
            1500.0,
            "JPY",
        ),  # the currency's country named
        ("some 1.45 trillion Chinese yuan", "1.45 trillion Chinese yuan", 1450.0, "CNY"),
        ("about 1,340 trillion Vietnamese dong", "1,340 trillion Vietnamese dong", 1340000.0, "VND"),
        ("exports of $57.7 bln", "$57.7 bln", 57.7, "USD"),
        ("reached 234.9 billion U.S. dollars in 2022", "234.9 billion U.S. dollars", 234.9, "USD"),
        ("trade reached 47.6 bln USD", "47.6 bln USD", 47.6, "USD"),
        ("a $1.2 trillion economy", "$1.2 trillion", 1200.0, "USD"),
        ("a $300 million loan", "$300 million", 0.3, "USD"),
        ("a $60m grant", "$60m", 0.06, "USD"),
        ("US $ 3 bn of bonds", "US $ 3 bn", 3.0, "USD"),
        ("a fee of $300,000", "$300,000", 0.0003, "USD"),
        ("1.45 trillion yuan in the first 11 months", "1.45 trillion yuan", 1450.0, "CNY"),
        ("VND 5 trillion of credit", "VND 5 trillion", 5000.0, "VND"),
        ("a €3bn fund", "€3bn", 3.0, "EUR"),
        ("S$5bn from Singapore", "S$5bn", 5.0, "SGD"),  # another dollar: its own code, unconverted
        ("A$52.1 billion", "A$52.1 billion", 52.1, "AUD"),
        ("Australian dollar 29.4bn", "Australian dollar 29.4bn", 29.4, "AUD"),
        ("12 billion Australian dollars", "12 billion Australian dollars", 12.0, "AUD"),
        ("£38.5bn", "£38.5bn", 38.5, "GBP"),
        ("2.4 trillion yen", "2.4 trillion yen", 2400.0, "JPY"),
        ("¥19.4 trillion", "¥19.4 trillion", 19400.0, "¥"),  # yen or yuan: told apart by the figure's country
        ("62 trillion dong", "62 trillion dong", 62000.0, "VND"),
        ("6.41 trillion renminbi", "6.41 trillion renminbi", 6410.0, "CNY"),
    ],
)
def test_amount_forms(text, quote, value, currency):
    (amount,) = parse_amounts(text)
    assert text[amount.start : amount.end] == amount.text == quote
    assert amount.value == pytest.approx(value)
    assert amount.currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "an Action Plan for 2023-2026 to implement MOUs",
        "the two states agreed 37 deals",
        "about 24% of Vietnam's total trade",
        "call +84 24 3825 1234 or 0912345678",
        "on 12-13 December 2023",
        "China has 1.4 billion people",  # a count in billions, with no currency anywhere before it
        "in constant 2015 dollars",  # a year followed by "dollars" is a price base, not an amount
        "a billion-dollar question",
    ],
)
def test_numbers_that_are_not_money(text):
    assert parse_amounts(text) == []


def test_a_hedge_is_kept_outside_the_span():
    (amount,) = parse_amounts("about $60 billion")
    assert (amount.text, amount.qualifier) == ("$60 billion", "about")
    (amount,) = parse_amounts("exports of more than $100 billion")
    assert amount.qualifier == "more than"


def test_a_range_keeps_both_ends():
    (amount,) = parse_amounts("$10-15 billion of investment")
    assert (amount.value, amount.high) == (10.0, 15.0)


def test_a_year_never_starts_a_range():
    found = parse_amounts("rising from 28.78 billion USD in 2012 to 43.86 billion USD in 2014")
    assert [(a.text, a.value) for a in found] == [("28.78 billion USD", 28.78), ("43.86 billion USD", 43.86)]


def test_bare_billions_after_an_amount_take_its_currency():
    text = "trade was $175.57 billion, with imports at 117.87 billion and exports of 57.7 billion."
    assert [(a.text, a.currency) for a in parse_amounts(text)] == [
        ("$175.57 billion", "USD"),
        ("117.87 billion", "USD"),
        ("57.7 billion", "USD"),
    ]
    # but not a count that follows an amount
    assert [a.text for a in parse_amounts("$3 trillion and 1.4 billion people")] == ["$3 trillion"]


def test_rounding_is_half_a_unit_of_the_last_stated_digit():
    rounding = [a.rounding for a in parse_amounts("$175.57 billion, $57.7 billion, $118 billion, $1.2 trillion")]
    assert rounding == pytest.approx([0.005, 0.05, 0.5, 50.0])


def test_value_in_dollars_only_for_dollars():
    dollars, yuan = parse_amounts("$5bn and 3 billion yuan")
    assert dollars.value_usd_bn == 5.0
    assert math.isnan(yuan.value_usd_bn)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Exports (US$ bn)", ("USD", 1.0)),
        ("Vietnam's trade in 2022 (billion U.S. dollars)", ("USD", 1.0)),
        ("(USD million)", ("USD", 0.001)),
        ("in billions of dollars", ("USD", 1.0)),
        ("Imports, bln USD", ("USD", 1.0)),
        ("Exports", None),
        ("Year 2022", None),
    ],
)
def test_units_written_apart_from_the_numbers(text, unit):
    assert parse_unit(text) == unit
