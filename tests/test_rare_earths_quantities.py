"""The numbers of mineral claims: tonnages and shares, each in one unit, with their offsets."""

from __future__ import annotations

import pytest

from xivn.rare_earths.quantities import PERCENT, TONNES, quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an estimated 22 million tonnes", [(22e6, TONNES, "22 million tonnes")]),
        ("22 million metric tons", [(22e6, TONNES, "22 million metric tons")]),
        ("22m tonnes", [(22e6, TONNES, "22m tonnes")]),
        ("4,300 t last year", [(4300, TONNES, "4,300 t")]),
        ("22 Mt", [(22e6, TONNES, "22 Mt")]),  # a bare Mt is million tonnes
        ("22 million mt", [(22e6, TONNES, "22 million mt")]),  # after a scale word, metric tons
        ("2.02 million tons a year", [(2.02e6, TONNES, "2.02 million tons")]),
        ("two million tonnes a year", [(2e6, TONNES, "two million tonnes")]),
        ("half a million tons", [(5e5, TONNES, "half a million tons")]),
        ("about 70% of mining", [(70, PERCENT, "70%")]),
        ("90 per cent of processing", [(90, PERCENT, "90 per cent")]),
        ("85 percent", [(85, PERCENT, "85 percent")]),
        ("70pc of the world's output", [(70, PERCENT, "70pc")]),  # British business press
        ("two-thirds of global output", [(200 / 3, PERCENT, "two-thirds")]),
        ("about a fifth of the world's reserves", [(20, PERCENT, "a fifth")]),
        ("half of all refining", [(50, PERCENT, "half")]),
        ("in the first half of 2023", []),  # a part of a year, not a share
        ("a third party", []),  # a fraction word needs "of"
        # every tonnage is read; that coal is no mineral is for the exclusions (tests/test_rare_earths.py)
        ("40 million tonnes of coal", [(40e6, TONNES, "40 million tonnes")]),
        ("the 36 documents signed in 2023", []),  # plain counts and years
        ("$3 billion", []),  # money is not a quantity of a claim
        ("the X4t model", []),  # a digit inside a word
        # a range gives its lower bound too, in the upper bound's unit and scale
        ("60-70% of mining", [(60, PERCENT, "60"), (70, PERCENT, "70%")]),
        ("between 4,000 and 4,300 tonnes", [(4000, TONNES, "4,000"), (4300, TONNES, "4,300 tonnes")]),
        ("22 to 24 million tonnes", [(22e6, TONNES, "22"), (24e6, TONNES, "24 million tonnes")]),
        ("from 60% to 70%", [(60, PERCENT, "60%"), (70, PERCENT, "70%")]),  # two shares, each with its unit
        ("by 2030 to 2 million tonnes", [(2e6, TONNES, "2 million tonnes")]),  # a year is no lower bound
        ("in 2020-2023, 4,300 t", [(4300, TONNES, "4,300 t")]),  # a span of years before a comma
    ],
)
def test_quantities(text, expected):
    found = quantities(text, offset=10)
    assert [(q.value, q.unit, text[q.start - 10 : q.end - 10]) for q in found] == [
        (pytest.approx(value), unit, words) for value, unit, words in expected
    ]


def test_quantities_are_in_text_order():
    text = "China mines 70% and holds 44 million tonnes, 90% of refining."
    assert [q.unit for q in quantities(text)] == [PERCENT, TONNES, PERCENT]
