"""Deal mentions, their status, the number claims and the summaries, on the seeds and on new wording."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from conftest import AF, INQUIRER, PAMIR, PREVIEW, REWRITE

import xivn
from xivn.corpus.checks import offset_mismatches
from xivn.deals.counts import balanced_span
from xivn.event import load_event
from xivn.paths import data_path

EVENTS = Path(__file__).parent / "fixtures" / "events"
XI = load_event()
BIDEN = load_event(EVENTS / "biden_vietnam_2023.toml")

# The eleven memoranda/items seed 004 lists, with the category each belongs to.
PAMIR_ITEMS = {
    "gulf_of_tonkin_patrols": "security_maritime",
    "sea_search_rescue": "security_maritime",
    "fishing_hotline": "security_maritime",
    "belt_and_road": "connectivity_framework",
    "yunnan_guangxi_trade_plan": "trade_investment",
    "railway_cooperation": "transport_rail",
    "cross_border_rail_funding": "transport_rail",
    "digital_economy_investment": "digital_telecoms",
    "ict_telecoms_transformation": "digital_telecoms",
    "digital_communications": "digital_telecoms",
    "digital_data": "digital_telecoms",
}
US_ITEMS = {"us_semiconductor_partnership", "us_semiconductor_moc", "us_itsi_fund", "us_delta_network", "us_vustar"}


@pytest.fixture(scope="module")
def mentions(seeds) -> pd.DataFrame:
    return xivn.deals.deal_mentions(seeds)


@pytest.fixture(scope="module")
def counts(seeds) -> pd.DataFrame:
    return xivn.deals.deal_counts(seeds, outcomes=XI.outcomes)


def mentions_in(make_corpus, text: str, name: str = "doc.md") -> pd.DataFrame:
    return xivn.deals.deal_mentions(xivn.load_corpus(make_corpus({name: text})))


def test_columns_and_provenance(mentions, seeds):
    assert tuple(mentions.columns) == xivn.deals.mentions.MENTIONS
    assert offset_mismatches(mentions, seeds, text_column="quote").empty
    assert set(mentions["status"]) <= set(xivn.deals.load_deal_cues().statuses)
    assert mentions.attrs == {
        "taxonomy": "deal_taxonomy.toml",
        "cues": "deal_cues.toml",
        "parties": "deal_parties.toml",
    }


@pytest.mark.parametrize(("item_id", "category"), PAMIR_ITEMS.items())
def test_each_pamir_memorandum_found_once_signed(mentions, item_id, category):
    rows = mentions[(mentions["doc_id"] == PAMIR) & (mentions["item_id"] == item_id)]
    assert len(rows) == 1
    assert rows.iloc[0]["category"] == category
    assert rows.iloc[0]["status"] == "signed"
    assert rows.iloc[0]["parties"] == "China-Vietnam"


def test_pamir_bullets_take_the_status_of_their_lead_in(mentions):
    bullets = mentions[(mentions["doc_id"] == PAMIR) & mentions["item_id"].isin(["fishing_hotline", "digital_data"])]
    assert bullets["status_source"].tolist() == ["lead-in", "lead-in"]
    assert bullets["status_cue"].tolist() == ["signed", "agreed"]


@pytest.mark.parametrize(
    ("doc_id", "item_id"),
    [
        (PREVIEW, "cross_border_rail_funding"),  # "reportedly willing to provide grants ... railway"
        (PREVIEW, "kunming_haiphong_railway"),
        (PREVIEW, "digital_silk_road"),  # "This could involve Vietnam's inclusion in ..."
        (PREVIEW, "undersea_cables"),
        (PREVIEW, "five_g_network"),
        (INQUIRER, "cross_border_rail_funding"),  # "Deals are expected to include Chinese investments ..."
        (INQUIRER, "digital_silk_road"),  # status from "may entail" later in the sentence
        (INQUIRER, "undersea_cables"),
        (INQUIRER, "shared_future_community"),  # "would have strategic significance"
    ],
)
def test_preview_expectations_are_expected(mentions, doc_id, item_id):
    rows = mentions[(mentions["doc_id"] == doc_id) & (mentions["item_id"] == item_id)]
    assert not rows.empty
    assert set(rows["status"]) == {"expected"}


def test_previews_report_nothing_as_signed(mentions):
    previews = mentions[mentions["doc_id"].isin([PREVIEW, INQUIRER])]
    assert "signed" not in set(previews["status"])
    assert set(previews.loc[previews["item_id"] == "rare_earths", "status"]) == {"urged"}  # Xi's op-ed


@pytest.mark.parametrize(
    ("doc_id", "sentence_start"),
    [
        (AF, "No deal was unveiled on rare earths"),
        (REWRITE, "Notably, no agreement was reached on rare earths"),
        (REWRITE, "No deal was announced on rare earths"),  # the FAQ answer
    ],
)
def test_rare_earth_absence_is_absent(mentions, doc_id, sentence_start):
    rows = mentions[
        (mentions["doc_id"] == doc_id)
        & mentions["sentence"].str.startswith(sentence_start)
        & (mentions["status"] == "absent")
    ]
    assert rows["item_id"].tolist() == ["rare_earths"]
    assert rows.iloc[0]["quote"] == "rare earths"


def test_a_sentence_with_an_absence_and_a_call_gives_both(mentions):
    sentence = mentions[(mentions["doc_id"] == AF) & mentions["sentence"].str.startswith("No deal was unveiled")]
    assert sentence[["quote", "status"]].values.tolist() == [["rare earths", "absent"], ["critical minerals", "urged"]]


def test_rare_earths_named_without_a_deal_are_not_mentions(mentions):
    # "Vietnam is estimated to possess ... rare earths ..., with ... the recent rail network deals"
    rare = mentions[(mentions["item_id"] == "rare_earths") & (mentions["doc_id"] == REWRITE)]
    assert not rare["sentence"].str.startswith("Vietnam is estimated").any()
    assert mentions[mentions["doc_id"] == PAMIR]["item_id"].ne("rare_earths").all()


def test_us_initiatives_are_us_vietnam_and_not_china_deals(mentions):
    us = mentions[mentions["item_id"].isin(US_ITEMS)]
    assert sorted(us["item_id"]) == sorted(US_ITEMS)  # each once
    assert set(us["parties"]) == {"US-Vietnam"}
    # an area named in a US bullet ("infrastructure needs") is attributed to the US side too
    bullet = mentions[(mentions["doc_id"] == PAMIR) & mentions["sentence"].str.contains("ITSI")]
    assert set(bullet["parties"]) == {"US-Vietnam"}


def test_a_sentence_naming_several_areas_gives_several_mentions(mentions):
    sentence = mentions[(mentions["doc_id"] == PAMIR) & mentions["sentence"].str.contains("agreed 37 deals")]
    assert sentence["category"].tolist() == [
        "security_maritime",
        "transport_rail",
        "digital_telecoms",
        "intellectual_property",
        "other",
    ]


def test_questions_are_not_mentions(mentions):
    assert not mentions["sentence"].str.rstrip().str.endswith("?").any()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Markdown "*" bullets under a lead-in that says "inked"; other wording for the same items
        (
            "Vietnam and China inked a raft of agreements on Wednesday, including:\n\n"
            "* a memorandum on joint naval patrols in the Beibu Gulf\n"
            "* maritime search-and-rescue cooperation\n"
            "* a hotline for fishermen in distress\n",
            [("gulf_of_tonkin_patrols", "signed"), ("sea_search_rescue", "signed"), ("fishing_hotline", "signed")],
        ),
        # numbered list; the lead-in is a heading without a colon
        (
            "## Memoranda signed in Hanoi\n\n1. Railway cooperation\n2. Digital transformation and telecoms\n",
            [("railway_cooperation", "signed"), ("ict_telecoms_transformation", "signed")],
        ),
        # "-" bullets under a preview lead-in: all expected
        (
            "The two sides are expected to sign several documents, which would cover:\n\n"
            "- Chinese grants for a cross-border railway\n- new submarine cables\n",
            [("cross_border_rail_funding", "expected"), ("undersea_cables", "expected")],
        ),
        # a bullet's own explicit cue beats the lead-in
        (
            "Several MOUs were signed:\n\n- rail cooperation\n- a rare earths agreement was proposed by Beijing\n",
            [("railway_cooperation", "signed"), ("rare_earths", "proposed")],
        ),
        # ... but a bullet telling what the signed deal will do keeps the lead-in's status
        (
            "The visit included an agreement with five initiatives:\n\n- the two sides will launch a 5G network\n",
            [("five_g_network", "signed")],
        ),
        # absence worded differently; the longer cue beats the "reached" inside it
        ("Officials said no accord was reached on critical minerals cooperation.\n", [("rare_earths", "absent")]),
        ("A rare-earth deal did not find its way into the package of agreements.\n", [("rare_earths", "absent")]),
        # the cue covers the mention ("No rare earths deal was signed"); "failed to agree" is absent too
        (
            "No rare earths deal was signed. The leaders failed to agree on critical minerals.\n",
            [("rare_earths", "absent"), ("rare_earths", "absent")],
        ),
        # "are set to ink" is an expectation, not a signing
        (
            "Hanoi and Beijing are set to ink deals on rail, 5G and undersea cables.\n",
            [("transport_area", "expected"), ("five_g_network", "expected"), ("undersea_cables", "expected")],
        ),
        # calls and proposals
        (
            "Xi called for cooperation on 5G networks and data centres.\n",
            [("five_g_network", "urged"), ("data_centres", "urged")],
        ),
        (
            "Beijing proposed an agreement on the Kunming to Haiphong railway.\n",
            [("kunming_haiphong_railway", "proposed")],
        ),
        # no deal word at all: a railway in a travel story is not a deal
        ("The railway from Lao Cai to Hanoi is slow and crowded.\n", []),
        # a question asserts nothing
        ("Was there any agreement on rare earths?\n", []),
        # the mood of the verb: agreed to act, pledged or preparing, denied
        ("Russia and Vietnam agreed to expand energy cooperation.\n", [("energy_area", "agreed")]),
        (
            "Japan is preparing to provide grant aid for a railway in Vietnam.\n",
            [("cross_border_rail_funding", "pledged")],
        ),
        ("China pledged support for maritime security cooperation.\n", [("security_area", "pledged")]),
        ("Beijing denied reports that it had signed a rare earths agreement.\n", [("rare_earths", "denied")]),
        ("China and Vietnam agreed on Wednesday to step up security cooperation.\n", [("security_area", "agreed")]),
        ("Vietnam proposed a railway from Lao Cai to Hai Phong.\n", [("kunming_haiphong_railway", "proposed")]),
        ("Washington will offer security assistance to Hanoi.\n", [("security_area", "pledged")]),
        ("Vietnam asked China for soft loans to build railways.\n", [("cross_border_rail_funding", "urged")]),
        # a proposal or a denial opening the clause decides over the verbs after it
        (
            "Vietnam proposed that the two sides soon sign an agreement on a standard-gauge railway.\n",
            [("kunming_haiphong_railway", "proposed")],
        ),
        (
            "Hanoi denied that it had agreed to a Chinese proposal for joint patrols.\n",
            [("gulf_of_tonkin_patrols", "denied")],
        ),
        # ... up to a verb joined with "and", which starts a predicate of its own
        (
            "Lam asked China for soft loans and agreed with Xi Jinping to boost security cooperation.\n",
            [("security_area", "agreed")],
        ),
        ("They signed an agreement on transferring people with prison sentences.\n", [("prisoner_transfer", "signed")]),
        # what a signed deal will do keeps the deal's status
        (
            "Japan signed an agreement under which Tokyo will lend 50 billion yen for a railway.\n",
            [("cross_border_rail_funding", "signed")],
        ),
        # a topic word that modifies another noun, or sets the scene, is no deal
        ("National security concerns often take precedence over projects.\n", []),
        ("The statistics bureau agreed new methods, National Bureau of Statistics chief Li Deshui said.\n", []),
        ("Vietnam and China signed the documents amid tight security in Hanoi.\n", []),
        ("The deal was announced by the transport ministry.\n", []),
        # hopes and plans to sign are expectations; refusals are denials; agendas can leave a topic out
        ("South Korea hopes to sign a semiconductor supply chain agreement.\n", [("semiconductors_area", "expected")]),
        ("China is seeking to sign an agreement on 5G networks.\n", [("five_g_network", "expected")]),
        ("The EU and Vietnam are negotiating a trade cooperation agreement.\n", [("trade_area", "expected")]),
        ("Hanoi rejected a Chinese proposal for joint patrols.\n", [("gulf_of_tonkin_patrols", "denied")]),
        ("Rare earths cooperation was not on the agenda.\n", [("rare_earths", "absent")]),
        ("The US and Vietnam will launch the DELTA Network to train engineers.\n", [("us_delta_network", "pledged")]),
        ("Xi attended the signing ceremony, where security was tight.\n", []),
        # the trade and telecoms wording of general business news
        ("The EU and the US failed to reach a deal on farm subsidies.\n", [("trade_area", "absent")]),
        ("Beijing proposed a deal to limit textile exports.\n", [("trade_area", "proposed")]),
        ("The firms signed a deal to share mobile network infrastructure.\n", [("digital_area", "signed")]),
        # the deal word must share the topic's clause
        ("The railway is slow; officials signed documents on Tuesday.\n", []),
        # ... and a clause opened by ", where" describes a place, not the deal of the clause before it
        ("Shoppers hunted for deals at the mall, where mobile phones were on sale.\n", []),
        # a company order is a deal without a deal word; confirming it is signing
        ("Vietjet confirmed orders for 200 Boeing jets.\n", [("transport_area", "signed")]),
        # a hope governs the signing verb after it; talks without an agreement reach none
        ("The EU hoped to conclude a free trade agreement with Indonesia.\n", [("trade_area", "expected")]),
        ("Talks on tariffs ended without an agreement.\n", [("trade_area", "absent")]),
        # calling on the sides to act is a call, not a deed
        ("Xi called on the two sides to expand cooperation in 5G.\n", [("five_g_network", "urged")]),
        # development assistance for railways is rail funding; a named railway beats the general funding item
        (
            "Japan pledged official development assistance for urban railway projects.\n",
            [("cross_border_rail_funding", "pledged")],
        ),
        (
            "Hanoi may sign a financing agreement for the Lao Cai-Hanoi-Haiphong railway.\n",
            [("kunming_haiphong_railway", "expected")],
        ),
        # "signs" as a noun is no signing; "stopped short of" and "has yet to sign" are absences
        ("New road signs were put up along the highway.\n", []),
        ("Vietnam and China stopped short of a deal on rare earths.\n", [("rare_earths", "absent")]),
        ("Vietnam has yet to sign a plan on the Belt and Road Initiative.\n", [("belt_and_road", "absent")]),
        # a side's readiness to work with the other is its pledge; discussing a possible deal is expected
        ("China is willing to work with Vietnam to advance railway links.\n", [("transport_area", "pledged")]),
        ("The US and Vietnam are discussing a partnership on critical minerals.\n", [("rare_earths", "expected")]),
        # what a signed agreement will do ("that will remove tariffs") keeps its status
        ("Britain and Australia signed an agreement that will remove tariffs.\n", [("trade_area", "signed")]),
        # security pacts named by their kind
        ("Japan and the Philippines signed a reciprocal access agreement.\n", [("security_area", "signed")]),
        # witnessing a ceremony to sign is a signing; a side that will not say denies nothing
        (
            "Chinh witnessed a ceremony to sign a memorandum on digital transformation.\n",
            [("ict_telecoms_transformation", "signed")],
        ),
        (
            "A spokeswoman neither confirmed nor denied that Hanoi would sign a maritime deal.\n",
            [("security_area", "expected")],
        ),
        (
            "The ministry dismissed as groundless reports that Beijing had offered loans for the railway.\n",
            [("cross_border_rail_funding", "denied")],
        ),
        # what a deal could include; talks over a purchase; an order won; fighter jets are arms
        ("The new ties could include closer defence cooperation.\n", [("security_area", "expected")]),
        ("Vietnam is in talks over the purchase of fighter jets.\n", [("security_area", "expected")]),
        ("Airbus won an order from Vietnam Airlines for 20 jets.\n", [("transport_area", "signed")]),
        # signing off on a budget signs nothing with anyone; an institution's name is no topic
        ("The minister signed off on a budget for the new port terminal.\n", []),
        ("The Ministry of Transport signed a memorandum on the expressway.\n", [("transport_area", "signed")]),
        ("The two sides agreed to connect their power grids.\n", [("energy_area", "agreed")]),
        ("The summit ended with no joint statement.\n", [("shared_future_community", "absent")]),
        # a passive of the future; committing money is a pledge; a bridge across a border is transport
        ("An agreement on a bridge across the border is expected to be signed.\n", [("transport_area", "expected")]),
        ("Australia committed A$105 million to help Vietnam build wind farms.\n", [("energy_area", "pledged")]),
        ("PV Gas signed a deal with Shell to buy liquefied natural gas.\n", [("energy_area", "signed")]),
        # a topic word that speaks is an institution
        ("Beijing urged Manila to exercise restraint, the Chinese coast guard said.\n", []),
        # "but not" keeps the deal word of its clause and leaves the sector out
        (
            "Hanoi and Beijing strike deals on rail and telecoms, but not on rare earths\n",
            [("transport_area", "signed"), ("digital_area", "signed"), ("rare_earths", "absent")],
        ),
        # a signed article is written, not signed with anyone; close to a deal is not yet one
        ("In a signed article, Xi wrote that rail links would bring the peoples closer.\n", []),
        ("Vietnam Airlines is close to a deal to lease ten jets.\n", [("transport_area", "expected")]),
        (
            "Vietnam and Singapore concluded negotiations on a digital economy agreement.\n",
            [("digital_area", "signed")],
        ),
        ("India and Vietnam are in talks on a deal for cruise missiles.\n", [("security_area", "expected")]),
        # help given is a deed; an offer of help on minerals is a proposal; metro lines are railways
        (
            "Washington has offered help to map rare earth deposits, while Tokyo has provided loans for metro lines.\n",
            [("rare_earths", "proposed"), ("cross_border_rail_funding", "signed")],
        ),
        # readiness to expand farm trade and speed up customs clearance; a factory is industry
        (
            "China stands ready to work with Vietnam to expand trade in farm produce and speed up customs clearance.\n",
            [("trade_area", "pledged"), ("other_area", "pledged")],
        ),
        ("VinFast signed a deal with the state to build a factory.\n", [("energy_area", "signed")]),
        # a wish to see cooperation is a call; "it was agreed that ... would" an agreement; a signing
        # postponed is still ahead; opposing a plan refuses it
        (
            "Thuong said he wished to see the two sides expand cooperation in green energy.\n",
            [("energy_area", "urged")],
        ),
        ("It was agreed that the two would step up cooperation in critical minerals.\n", [("rare_earths", "agreed")]),
        (
            "The signing of a loan agreement for the Budapest-Belgrade railway has been postponed.\n",
            [("cross_border_rail_funding", "expected")],
        ),
        ("Lawmakers opposed a plan to lease a deep-water port to a Chinese company.\n", [("transport_area", "denied")]),
        (
            "Chinh asked South Korean companies to invest in semiconductor manufacturing.\n",
            [("semiconductors_area", "urged")],
        ),
        # documents exchanged at a ceremony are signed; "minerals" alone is the minerals topic
        (
            "The two leaders looked on as officials exchanged eight cooperation documents on energy and minerals.\n",
            [("energy_area", "signed"), ("rare_earths", "signed")],
        ),
        # a clause listing what the signed papers span is governed by their deal word
        (
            "They viewed the papers the two sides had signed, which span tourism and maritime cooperation.\n",
            [("other_area", "signed"), ("security_area", "signed")],
        ),
        # readiness to give aid is a pledge; a promise governs the modal after it
        (
            "Beijing stands ready to give grants to upgrade the railway from Kunming to Haiphong.\n",
            [("cross_border_rail_funding", "pledged"), ("kunming_haiphong_railway", "pledged")],
        ),
        ("Xi promised that China would import more farm produce from Vietnam.\n", [("trade_area", "pledged")]),
        # talks that could not reach agreement, and a list of documents that leaves the topic out
        (
            "The two sides could not reach agreement on rare earths mining.\n",
            [("rare_earths", "absent")],
        ),
        (
            "None of the documents signed during the visit dealt with critical minerals.\n",
            [("rare_earths", "absent")],
        ),
        # a joint statement the sides speak through is no topic; farm trade is trade
        ("In a joint statement, the sides pledged to boost farm trade.\n", [("trade_area", "pledged")]),
        # what the sides "should" do is a call; readiness to do anything a pledge; what deals to come
        # "would also include" is expected
        ("Xi said the two sides should deepen cooperation on the digital economy.\n", [("digital_area", "urged")]),
        ("China is willing to facilitate synergy with the Belt and Road Initiative.\n", [("belt_and_road", "pledged")]),
        ("The deals would also include accords on customs procedures.\n", [("other_area", "expected")]),
        # semiconductors named alone in a list of memoranda (the singular stays a modifier)
        (
            "They signed memoranda on energy and semiconductors.\n",
            [("energy_area", "signed"), ("semiconductors_area", "signed")],
        ),
    ],
)
def test_new_wording_and_markdown_lists(make_corpus, text, expected):
    found = mentions_in(make_corpus, text)
    assert list(zip(found["item_id"], found["status"], strict=True)) == expected


def test_indented_continuation_line_stays_in_its_list(make_corpus):
    # the corpus makes the indented second line its own paragraph; it still belongs to the list
    text = (
        "The leaders signed MOUs to:\n\n- set up a hotline for fishing emergencies,\n  and patrol the Gulf of Tonkin\n"
    )
    found = mentions_in(make_corpus, text)
    assert found[["item_id", "status", "status_source"]].values.tolist() == [
        ["fishing_hotline", "signed", "lead-in"],
        ["gulf_of_tonkin_patrols", "signed", "lead-in"],
    ]


def test_a_corpus_without_deals_gives_an_empty_table(make_corpus):
    found = mentions_in(make_corpus, "Only the weather in Hanoi today.\n")
    assert found.empty and tuple(found.columns) == xivn.deals.mentions.MENTIONS


# --- number claims ---------------------------------------------------------------------------


def test_counts_on_the_seeds(counts, seeds):
    assert offset_mismatches(counts, seeds, text_column="quote").empty
    assert set(counts["official"]) == {36}
    by_quote = counts.set_index("quote")
    assert by_quote.loc["37 deals", ["doc_id", "status", "verdict"]].tolist() == [PAMIR, "signed", "conflicts"]
    assert by_quote.loc["dozens of co-operation pacts", ["doc_id", "low", "verdict"]].tolist() == [AF, 24, "consistent"]
    assert pd.isna(by_quote.loc["dozens of co-operation pacts", "high"])
    telecoms = by_quote.loc["three on telecoms and “digital data cooperation”"]
    assert (telecoms["low"], telecoms["scope"], telecoms["verdict"]) == (3, "digital_telecoms", "consistent")
    # the preview: "would come with the signing of “dozens of co-operation documents,”"
    assert by_quote.loc["dozens of co-operation documents", "status"] == "expected"


def test_a_claim_repeated_in_a_heading_is_counted_once(counts, make_corpus):
    # the Inquirer preview: the heading "'Dozens' of deals" above "dozens of co-operation documents"
    assert counts[counts["doc_id"] == INQUIRER]["quote"].tolist() == ["dozens of co-operation documents"]
    text = "Vietnam, China sign 36 deals\n\nThe two sides signed 36 deals on Tuesday, and 36 deals is a record.\n"
    found = xivn.deals.deal_counts(xivn.load_corpus(make_corpus({"a.txt": text})))
    assert found[["sent_id", "claim"]].values.tolist() == [[1, "36 deals"]]  # the body's first, once


def test_official_count_comes_from_the_event_profile(counts):
    assert counts.attrs["official"] == 36
    assert "Nikkei" in counts.attrs["official_source"]
    assert set(counts["official"]) == {36}
    reference = xivn.deals.reference_counts(XI.outcomes)
    reuters = reference[reference["doc_no"] == "COUNT-REUTERS"]
    assert reuters["claim"].tolist() == ["37 deals", "36 cooperation deals"]
    assert reference.attrs["source"] == "deals_official.csv"


def test_without_outcomes_no_claim_gets_a_verdict(seeds, counts):
    unchecked = xivn.deals.deal_counts(seeds, outcomes=BIDEN.outcomes)  # the Biden profile has no [outcomes]
    assert unchecked["claim"].tolist() == counts["claim"].tolist()
    assert set(unchecked["verdict"]) == {"no official count"}
    assert unchecked["official"].isna().all()
    assert unchecked.attrs["official"] is None and unchecked.attrs["official_source"] == ""
    assert xivn.deals.reference_counts(BIDEN.outcomes).empty


def test_a_count_without_a_list_checks_claims_but_has_no_reference_sources(seeds, counts):
    outcomes = replace(XI.outcomes, list_file="")
    assert set(xivn.deals.deal_counts(seeds, outcomes=outcomes)["verdict"]) == set(counts["verdict"])
    assert xivn.deals.reference_counts(outcomes).empty


def test_conflicting_numbers(counts):
    conflicts = xivn.deals.count_conflicts(counts, xivn.deals.reference_counts(XI.outcomes))
    wrong = conflicts[conflicts["relation"] == "cannot both be right"]
    assert ((wrong["a"] == PAMIR) & (wrong["b"] == "COUNT-VN")).any()
    assert ((wrong["a"] == "COUNT-REUTERS") & (wrong["b"] == "COUNT-REUTERS")).any()  # headline 37, body 36
    agree = conflicts[conflicts["relation"] == "agree"]
    assert ((agree["a"] == PAMIR) & (agree["a_claim"] == "37 deals") & (agree["b"] == "COUNT-REUTERS")).any()
    assert not wrong["a"].isin([AF, INQUIRER]).any()  # "dozens" fits every count


@pytest.mark.parametrize(
    ("sentence", "claim", "low", "high", "scope"),
    [
        ("The two sides signed more than 30 agreements.", "more than 30 agreements", 31, None, "all"),
        ("They inked 36 cooperation documents.", "36 cooperation documents", 36, 36, "all"),
        ("Officials signed four deals on rail links.", "four deals on rail links", 4, 4, "transport_rail"),
        ("They agreed some 40 deals.", "some 40 deals", 40, 40, "all"),  # "some" keeps the number
        ("The 2023-2026 plan has 12 agreements.", "12 agreements", 12, 12, "all"),  # the year is not a count
        ("The two leaders signed memoranda.", None, None, None, None),  # "two leaders" counts people
    ],
)
def test_claim_parsing(make_corpus, sentence, claim, low, high, scope):
    found = xivn.deals.deal_counts(xivn.load_corpus(make_corpus({"a.txt": sentence + "\n"})))
    if claim is None:
        assert found.empty
        return
    row = found.iloc[0]
    assert (row["claim"], row["low"], None if pd.isna(row["high"]) else row["high"], row["scope"]) == (
        claim,
        low,
        high,
        scope,
    )


# --- summaries -------------------------------------------------------------------------------


def test_coverage_has_every_document_and_category(mentions, seeds):
    coverage = xivn.deals.deal_coverage(mentions, seeds, "China-Vietnam")
    assert coverage.index.tolist() == seeds.doc_ids
    assert coverage.columns.tolist() == list(xivn.deals.load_taxonomy().categories.values())
    assert coverage.loc[PAMIR, "Semiconductors, science & technology"] == 0  # the US items are not China's
    assert coverage.to_numpy().sum() == (mentions["parties"] == "China-Vietnam").sum()


def test_outcomes_before_and_after(mentions, seeds):
    outcomes = xivn.deals.deal_outcomes(mentions, seeds.documents, "China-Vietnam").set_index("item_id")
    assert outcomes.loc["rare_earths", ["before", "after"]].tolist() == ["urged", "urged, absent"]
    assert outcomes.loc["rare_earths", "outcome"] == "urged before, absent after"
    assert outcomes.loc["cross_border_rail_funding", "outcome"] == "expected before, signed after"
    assert outcomes.loc["digital_silk_road", "outcome"] == "expected before, not reported after"
    assert outcomes.loc["fishing_hotline", "outcome"] == "signed; not anticipated in the previews"
    assert outcomes.loc["undersea_cables", "after_evidence"].startswith(AF)


def test_partner_packages_keep_the_partners_apart(mentions):
    packages = xivn.deals.partner_packages(mentions, "China-Vietnam").set_index(["category", "parties"])["n_items"]
    assert packages.loc[("Semiconductors, science & technology", "US-Vietnam")] == 5
    assert packages.loc[("Semiconductors, science & technology", "China-Vietnam")] == 0
    assert packages.loc[("Digital & telecoms", "China-Vietnam")] == 4
    assert packages.loc[("Security & maritime", "China-Vietnam")] == 3
    assert packages.xs("US-Vietnam", level="parties").drop("Semiconductors, science & technology").eq(0).all()


def test_the_event_pair_comes_first_and_other_pairs_follow(mentions):
    assert xivn.deals.partner_packages(mentions, "China-Vietnam")["parties"].unique().tolist() == [
        "China-Vietnam",
        "US-Vietnam",
    ]
    # with another event's pair first, the seeds' two packages follow it; a pair with nothing signed keeps its rows
    assert xivn.deals.partner_packages(mentions, "Japan-Vietnam")["parties"].unique().tolist() == [
        "Japan-Vietnam",
        "China-Vietnam",
        "US-Vietnam",
    ]


def test_the_event_pair_is_labelled_as_mentions_label_it():
    assert xivn.deals.event_parties(XI) == "China-Vietnam"
    assert xivn.deals.event_parties(BIDEN) == "US-Vietnam"  # deal_parties.toml labels the United States "US"


def test_the_shipped_files_load_by_their_bare_names():
    taxonomy = xivn.deals.load_taxonomy("deal_taxonomy.toml")
    cues = xivn.deals.load_deal_cues("deal_cues.toml")
    assert taxonomy.source == "deal_taxonomy.toml" and cues.source == "deal_cues.toml"
    assert taxonomy == xivn.deals.load_taxonomy("") and cues.statuses == xivn.deals.load_deal_cues().statuses


def test_every_documented_item_is_read_from_its_official_title(make_corpus):
    # each row of deals_official.csv, written as a signing sentence, gives the item that cites it
    official = pd.read_csv(data_path("deals_official.csv"), dtype=str, keep_default_na=False)
    rows = official[~official["doc_no"].str.startswith("COUNT-")]
    text = "".join(f"Vietnam and China signed the {title}.\n\n" for title in rows["short_title"])
    found = mentions_in(make_corpus, text)
    cited = {item.reference: item_id for item_id, item in xivn.deals.load_taxonomy().items.items() if item.reference}
    assert set(cited) == set(rows["doc_no"])
    for doc_no, item_id in cited.items():
        title = rows.loc[rows["doc_no"] == doc_no, "short_title"].iloc[0]
        hit = found[found["sentence"].str.contains(title, regex=False) & (found["item_id"] == item_id)]
        assert hit[["parties", "status"]].values.tolist()[:1] == [["China-Vietnam", "signed"]], doc_no


def test_a_deal_whose_text_says_nothing_of_its_fate_is_unstated_not_signed(make_corpus):
    text = "Rail memorandum\n\nThe Vietnam-Japan railway memorandum covers the northern line.\n"
    found = xivn.deals.deal_mentions(xivn.load_corpus(make_corpus({"a.txt": text})))
    body = found[found["quote"] == "railway"]
    assert body[["parties", "status", "status_source"]].values.tolist() == [["Japan-Vietnam", "unstated", "default"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "South Korea and Vietnam exchanged notes on a loan for the metro railway.",
        "Vietnam and Thailand renewed their memorandum on maritime law enforcement.",
        "The EU-Vietnam free trade agreement entered into force in 2020.",
    ],
)
def test_a_deal_already_made_reads_as_signed(make_corpus, sentence):
    found = xivn.deals.deal_mentions(xivn.load_corpus(make_corpus({"a.txt": sentence + "\n"})))
    assert set(found["status"]) == {"signed"}


def test_a_claim_keeps_the_opening_mark_of_a_quotation_it_closes(make_corpus):
    text = "‘Dozens’ of deals\n\nThe leaders met in Hanoi on Tuesday.\n"
    found = xivn.deals.deal_counts(xivn.load_corpus(make_corpus({"a.txt": text})))
    assert found["quote"].tolist() == ["‘Dozens’ of deals"]
    assert text[found["start"][0] : found["end"][0]] == "‘Dozens’ of deals"


def test_a_balanced_span_is_left_as_it_is():
    assert balanced_span("the “36 deals” signed", 5, 13) == (5, 13)
    assert balanced_span("the “36 deals” signed", 4, 14) == (4, 14)
    assert balanced_span("the “36 deals” signed", 4, 13) == (4, 14)
