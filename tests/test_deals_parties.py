"""Who a deal is between: the sides read from the text (xivn.deals.parties), never assumed."""

from __future__ import annotations

import pytest

import xivn
from xivn.deals.parties import joined, load_party_cues, sides


def parties_in(make_corpus, text: str) -> list[tuple[str, str, str]]:
    found = xivn.deals.deal_mentions(xivn.load_corpus(make_corpus({"doc.txt": text})))
    return list(zip(found["item_id"], found["parties"], found["parties_from"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vietnam and Japan signed a deal on ports.", ["Vietnam", "Japan"]),  # in the order named
        ("Hanoi and Tokyo signed a deal on ports.", ["Vietnam", "Japan"]),  # capitals
        ("a US–Vietnam agreement on chips", ["US", "Vietnam"]),  # labels from deal_parties.toml
        ("Xi and Trong oversaw the signing.", ["China", "Vietnam"]),  # leaders stand for their country
        ("Vietnam Airlines and Boeing signed a contract for jets.", ["Vietnam", "Boeing"]),
        ("India's Air Deccan has signed a deal to buy planes from the turboprop maker ATR.", ["India", "ATR"]),
        ("China's Longi signed an agreement with the province.", ["China"]),  # a company of a stated country
        ("The ministry said it had signed a memorandum with its counterpart.", []),
        ("Officials signed the documents on Tuesday.", []),  # a capitalised first word is no company
        ("President Xi signed the documents.", ["China"]),  # a title before a leader is no company
        ("Vietnam's budget carrier Vietjet signed a deal with Boeing.", ["Vietnam", "Boeing"]),  # described
        ("The Ministry of Transport signed a memorandum with China's commission.", ["China"]),  # no "Transport" company
        ("Vietnam's Ministry of Industry and Trade signed a memorandum.", ["Vietnam"]),  # nor "Trade"
        ("Nguyễn Phú Trọng and Xi witnessed the signing in Hà Nội.", ["Vietnam", "China"]),  # diacritics
        ("easyJet has signed a deal to buy planes from France's Airbus.", ["easyJet", "France"]),  # a camel-cased brand
        ("Deutsche Telekom signed an agreement with Vodafone.", ["Deutsche Telekom", "Vodafone"]),
        # the signatories come first, whoever else the sentence names; a decimal point ends no sentence
        ("Biden said Vietnam Airlines had agreed a $7.8 billion deal with Boeing.", ["Vietnam", "Boeing", "US"]),
        ("U.S. President Joe Biden signed a deal with Vietnam, as Hanoi eyes Beijing.", ["US", "Vietnam", "China"]),
        # a list of signatories; an order names its buyer and the maker of what is ordered
        ("China, Laos and Thailand signed a memorandum on trains.", ["China", "Laos", "Thailand"]),
        ("Vietnamese airline Vietjet confirmed orders for 200 Boeing jets.", ["Vietnam", "Boeing"]),
        ("Vietnam and China signed the plan for trade-promotion MoUs.", ["Vietnam", "China"]),  # "MoUs" is no company
        ("Japan, the United States and the Philippines agreed to hold drills.", ["Japan", "US", "Philippines"]),
        ("Airbus won an order from Vietnam Airlines for 20 jets.", ["Airbus", "Vietnam"]),
        # a comma without "and" lists no signatories; a refusal to sign names the sides too; aid agencies
        ("Unlike Cambodia, Vietnam did not sign any deal with Huawei.", ["Vietnam", "Huawei", "Cambodia"]),
        ("USAID pledged help for Vietnamese customs officials.", ["US", "Vietnam"]),
        (
            "In September, Vietnam and the United States signed a memorandum.",
            ["Vietnam", "US"],
        ),  # a month is no company
        ("Huawei denied it was in talks with Vietnam's Viettel.", ["Huawei", "Vietnam"]),  # a company that denies
    ],
)
def test_sides_named_in_a_sentence(text, expected):
    assert sides(text, load_party_cues()) == expected


def test_parties_are_sorted_labels():
    assert joined(["Vietnam", "China"]) == "China-Vietnam"
    assert joined(["India", "ATR"]) == "ATR-India"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # named in the clause
        (
            "Japan and Vietnam signed a deal on port development.\n",
            [("transport_area", "Japan-Vietnam", "clause")],
        ),
        # a company deal: not China-Vietnam, whatever the rest of the corpus is about
        (
            "India's Air Deccan has signed a deal to acquire 36 planes from the turboprop maker ATR.\n",
            [("transport_area", "ATR-India", "clause")],
        ),
        # "the two sides" resolved from the previous sentence of the paragraph
        (
            "Chinese leader Xi Jinping arrived in Hanoi on Tuesday. The two sides signed a deal on 5G networks.\n",
            [("five_g_network", "China-Vietnam", "previous sentence")],
        ),
        # "both countries" from the pair the document names (another paragraph)
        (
            "Vietnam's prime minister met Anthony Albanese in Canberra.\n\n"
            "Both countries signed a memorandum on energy cooperation.\n",
            [("energy_area", "Australia-Vietnam", "document")],
        ),
        # one side in the sentence; the other is the side the previous sentence's pair adds
        (
            "Vietnam signed a deal with Japan on port development last month.\n\n"
            "This week it signed a rail cooperation agreement with China.\n",
            [("transport_area", "Japan-Vietnam", "clause"), ("railway_cooperation", "China-Vietnam", "document")],
        ),
        # nothing names a side: unresolved, not China-Vietnam
        (
            "The ministry said it had signed a memorandum on digital transformation.\n",
            [("ict_telecoms_transformation", "", "")],
        ),
        # three signatories: all of them, not the first two
        (
            "China, Laos and Thailand signed a memorandum to run more freight trains.\n",
            [("transport_area", "China-Laos-Thailand", "clause")],
        ),
        # two signatories and a third country named in the clause: the signatories
        (
            "Japan and Vietnam signed a deal on ports, as China watched.\n",
            [("transport_area", "Japan-Vietnam", "clause")],
        ),
        # one side only, in a document that names no other: that side alone
        ("China signed a deal on 5G networks.\n", [("five_g_network", "China", "one side")]),
    ],
)
def test_parties_come_from_the_text(make_corpus, text, expected):
    assert parties_in(make_corpus, text) == expected


def test_a_bullet_takes_the_parties_of_the_text_above_its_list(make_corpus):
    text = (
        "During talks in Hanoi, Beijing and Hanoi agreed a raft of deals.\n\n"
        "The two leaders signed MOUs to:\n\n- patrol the Gulf of Tonkin jointly\n- set up a hotline for fishermen\n"
    )
    found = parties_in(make_corpus, text)
    assert [row[1] for row in found] == ["China-Vietnam", "China-Vietnam"]


def test_the_taxonomy_item_parties_are_not_given_to_a_mention(make_corpus):
    # the rail-funding item documents China's package, but Japan's loan is Japan's
    found = parties_in(make_corpus, "Japan signed a deal to provide loans for a railway in Vietnam.\n")
    assert found == [("cross_border_rail_funding", "Japan-Vietnam", "clause")]


def test_a_heading_area_repeating_a_body_item_is_one_deal(make_corpus):
    text = "Vietnam, China sign rail deal\n\nVietnam and China signed an agreement on railway cooperation.\n"
    assert parties_in(make_corpus, text) == [("railway_cooperation", "China-Vietnam", "clause")]
