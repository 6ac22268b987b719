"""Who trades with whom, from the grammar around a trade cue (xivn.trade.parties)."""

from __future__ import annotations

import re

import pytest

from xivn.trade.figures import trade_cues
from xivn.trade.parties import pair_of, party_mentions, sentence_parties, stated_parties

US = "United States"


def parties(text: str, cue: str, flow: str) -> dict[str, str]:
    """The parties the whole of ``text`` links to the first match of ``cue``."""
    match = re.search(cue, text)
    return stated_parties(text, (0, len(text)), match.span(), flow, trade_cues().direction[flow])


@pytest.mark.parametrize(
    ("text", "cue", "flow", "expected"),
    [
        ("Vietnam's durian exports to China", "exports", "exports", {"reporter": "Vietnam", "partner": "China"}),
        ("Chinese imports of Vietnamese rice", "imports", "imports", {"reporter": "China", "partner": "Vietnam"}),
        ("the US goods trade deficit with Vietnam", "trade deficit", "balance", {"reporter": US, "partner": "Vietnam"}),
        ("Vietnam posted a trade gap with China", "trade gap", "balance", {"reporter": "Vietnam", "partner": "China"}),
        ("China-Vietnam trade", "trade", "total", {"reporter": "China", "partner": "Vietnam"}),
        ("Vietnam – China bilateral trade", "bilateral trade", "total", {"reporter": "Vietnam", "partner": "China"}),
        ("Vietnam, China trade hits", "trade", "total", {"reporter": "Vietnam", "partner": "China"}),  # a headline
        ("Vietnam and China's trade", "trade", "total", {"reporter": "Vietnam", "partner": "China"}),
        ("trade between Japan and Australia", "trade", "total", {"reporter": "Japan", "partner": "Australia"}),
        ("imports into Vietnam", "imports", "imports", {"reporter": "Vietnam"}),
        ("exports from Vietnam to the US", "exports", "exports", {"reporter": "Vietnam", "partner": US}),
        ("Vietnam's durian exports worldwide", "exports", "exports", {"reporter": "Vietnam", "partner": "World"}),
        ("Vietnam's total exports", "exports", "exports", {"reporter": "Vietnam", "partner": "World"}),
        ("the US trade gap with the rest of the world", "trade gap", "balance", {"reporter": US, "partner": "World"}),
        # "the largest … in the world" ranks a partner, it is no party of the trade
        ("China's second largest partner in the world, with trade", "trade$", "total", {}),
        ("its total farm exports", "exports", "exports", {"partner": "World"}),
        # "the world's" is a superlative, not a party; "total two-way trade" is between two
        ("the world's largest exporter of rice exports", "exports", "exports", {}),
        ("total two-way trade between the two nations", "two-way trade", "total", {}),
        # a country after a preposition is no subject of a later cue
        ("Vietnam's exports to China were exports", "exports$", "exports", {}),
        # an institution is a source, not a party
        ("China's General Department of Customs said exports", "exports", "exports", {}),
    ],
)
def test_stated_parties(text, cue, flow, expected):
    assert parties(text, cue, flow) == expected


def test_sentence_parties_read_the_trading_partner_and_else_the_order_of_naming():
    text = "China is Vietnam's largest trading partner, with trade of"
    assert sentence_parties(text, {}) == {"reporter": "Vietnam", "partner": "China"}
    assert sentence_parties(text, {"partner": "Vietnam"}) == {"partner": "Vietnam", "reporter": "China"}
    assert sentence_parties("Japan and Australia: trade hit", {}) == {"reporter": "Japan", "partner": "Australia"}
    assert sentence_parties("Ghana earned it from beans exported", {}) == {"reporter": "Ghana"}  # its subject
    assert sentence_parties("Trade with Japan was", {}) == {}  # Japan is governed by "with": no subject


def test_party_mentions_and_pairs():
    assert [m.country for m in party_mentions("the world's largest grower, Ghana, and the world")] == [
        "Ghana",
        "World",
    ]
    assert pair_of(["No country here.", "Vietnam and the world", "Japan, then China"]) == ["Vietnam", "Japan"]
