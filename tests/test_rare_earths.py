"""Rare earths: concordance, claims on the seeds and on unseen wordings, the USGS fact-check."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import AF, INQUIRER, PAMIR, PREVIEW, REWRITE

import xivn
from xivn.corpus.checks import offset_mismatches
from xivn.errors import DataFileError, ParameterError
from xivn.rare_earths import claims as rare_earths

ALL = {AF, PREVIEW, INQUIRER, REWRITE, PAMIR}

# Which seed texts make each claim, from reading their rare-earth passages.
SEED_CLAIMS = {
    "second_largest_reserves": {AF, PREVIEW, INQUIRER, REWRITE},
    "china_dominates_supply": {AF, PREVIEW, INQUIRER, REWRITE},
    # the preview's "has not provided clear details on a potential agreement" is not a report that
    # no deal was announced: it was written before the visit
    "no_deal_announced": {AF, REWRITE},
    "export_restrictions": {AF, PREVIEW, REWRITE},
    "domestic_processing": {AF, REWRITE},
    "lacks_technology": {AF, PREVIEW, REWRITE},
    "china_guards_technology": {AF, PREVIEW, REWRITE},
    # Pamir's heading "Cross-border rail links for the sharing of rare earth elements" names no
    # mining region; its body sentence ("would cross regions ... rich in rare earth elements") does
    "railway_through_mines": {AF, PREVIEW, REWRITE, PAMIR},
    "ev_wind_uses": {AF, PREVIEW},
    "xi_urged_cooperation": {AF, INQUIRER, REWRITE},
    # no seed states a tonnage; Pamir's US section is about semiconductors, not minerals
    "reserves_size": set(),
    "mine_production": set(),
    "us_interest": set(),
}


@pytest.fixture(scope="module")
def found(seeds):
    return rare_earths.rare_earth_claims(seeds)


@pytest.mark.parametrize("claim_id", sorted(SEED_CLAIMS))
def test_which_seed_texts_make_each_claim(found, claim_id):
    makers = set(found.loc[found["claim_id"] == claim_id, "doc_id"])
    assert makers == SEED_CLAIMS[claim_id], f"made by {sorted(makers)}; not by {sorted(ALL - makers)}"


def test_claims_file_lists_exactly_the_tested_claims():
    assert set(rare_earths.load_claims().claims) == set(SEED_CLAIMS)


@pytest.mark.parametrize(
    ("fragment", "claim_id"),
    [
        ("technological limitations often impede their efforts", "lacks_technology"),
        ("their elusive technology remains closely guarded", "china_guards_technology"),
        ("no agreement was reached on rare earths", "no_deal_announced"),
        ("despite President Xi’s call for broader cooperation in critical minerals", "xi_urged_cooperation"),
        ("seeks to process these valuable resources domestically", "domestic_processing"),
    ],
)
def test_the_rewrite_is_recognised_in_its_own_words(found, fragment, claim_id):
    rows = found[(found["doc_id"] == REWRITE) & found["quote"].str.contains(fragment, regex=False)]
    assert claim_id in set(rows["claim_id"])


def test_context_from_the_previous_sentence_is_recorded(found, seeds):
    # "However, technological limitations often impede their efforts." names neither Vietnam nor
    # rare earths; the sentence before it ("Vietnam, with strict rules on the export of rare earth
    # ores, ...") does
    row = found[(found["claim_id"] == "lacks_technology") & (found["doc_id"] == REWRITE)].iloc[0]
    previous = seeds.sentences.set_index(["doc_id", "sent_id"]).loc[(REWRITE, row["context_sent_id"])]
    assert row["context_sent_id"] == row["sent_id"] - 1
    assert "rare earth ores" in previous["text"]
    assert "topic=^rare earth ores" in row["cues"]


def test_claim_rows_trace_back_to_their_sentences(found, seeds):
    assert list(found.columns[:6]) == ["doc_id", "sent_id", "claim_id", "start", "end", "quote"]
    assert offset_mismatches(found, seeds, text_column="quote").empty
    assert not found.duplicated(["doc_id", "sent_id", "claim_id"]).any()


# Wordings the seeds do not use: (context sentence or "", sentence, claim, fires?)
UNSEEN = [
    ("", "Vietnam sits on the second-biggest rare earth reserves in the world.", "second_largest_reserves", True),
    ("", "China controls the global supply of rare earths.", "china_dominates_supply", True),
    ("", "The two sides did not sign any agreement on rare earths.", "no_deal_announced", True),
    ("", "Rare earths were absent from the list of deals.", "no_deal_announced", True),
    ("", "Hanoi bans the export of raw rare-earth ore.", "export_restrictions", True),
    ("", "Vietnam lacks the know-how to refine its rare earths.", "lacks_technology", True),
    ("", "China keeps its rare earth separation techniques secret.", "china_guards_technology", True),
    ("", "The rail link would pass close to Lai Chau's rare earth mines.", "railway_through_mines", True),
    ("", "Rare earths go into the magnets of electric cars.", "ev_wind_uses", True),
    ("", "Xi Jinping called for closer cooperation on critical minerals.", "xi_urged_cooperation", True),
    (
        "Vietnam has huge rare earth deposits.",
        "But it has struggled to master the technology needed to refine them.",
        "lacks_technology",
        True,
    ),
    # a question is not a denial
    ("", "Was there any agreement on rare earths?", "no_deal_announced", False),
    # a preview that lacks details is not a report that no deal was made
    ("", "China has not provided details of a possible rare earths agreement.", "no_deal_announced", False),
    # second-largest, but a trading partner, not reserves
    ("", "China is Vietnam's second-largest trading partner for rare earths.", "second_largest_reserves", False),
    # dominance without any supply, production or refining word
    (
        "Rare earths were discussed.",
        "China dominates the South China Sea dispute.",
        "china_dominates_supply",
        False,
    ),
    # Xi's call must itself name the minerals; a rare-earth sentence before it is not enough
    ("Rare earths were not mentioned.", "Xi urged cooperation on connectivity.", "xi_urged_cooperation", False),
    # the railway without mines or deposits
    ("", "The Kunming-Haiphong railway carries rare earths to port.", "railway_through_mines", False),
    # "the two sides" are the pair the sentence before names, the US among them
    (
        "U.S. President Joe Biden arrived in Hanoi on Sunday.",
        "The two sides signed a memorandum of understanding on rare earths.",
        "us_interest",
        True,
    ),
    # ... and not the US when the sentence before names Japan and Vietnam
    (
        "Japan's prime minister met Vietnam's president in Tokyo.",
        "The two sides agreed to cooperate on critical minerals.",
        "us_interest",
        False,
    ),
    # the minerals named only in the sentence before the denial
    (
        "Rare earths had been tipped as an area for agreement.",
        "In the end, no deal was announced.",
        "no_deal_announced",
        True,
    ),
    ("", "An agreement on rare earths was not among them.", "no_deal_announced", True),
    # a wh-question takes its claim as given; a yes/no question asserts nothing
    ("", "Why does China dominate the processing of rare earths?", "china_dominates_supply", True),
    ("", "Will Vietnam ban exports of its rare earth ore?", "export_restrictions", False),
    # a conditional clause asserts nothing, whether opened by "if" or by an inverted "should"
    ("", "Should Beijing curb exports of rare earths again, magnet makers would be hit.", "export_restrictions", False),
    ("", "If Hanoi builds its own rare earth refineries, it could capture more value.", "domestic_processing", False),
    ("", "Vietnam bans exports of rare earth ore, even if prices rise.", "export_restrictions", True),
    # China as what a figure leaves out is not the dominant supplier
    ("", "The firm produces about a third of the world's tungsten outside China.", "china_dominates_supply", False),
    ("", "Xi Jinping called on the two countries to cooperate on critical minerals.", "xi_urged_cooperation", True),
    (
        "",
        "Xi said the two sides should tap the potential of cooperation in critical minerals.",
        "xi_urged_cooperation",
        True,
    ),
    ("", "Rare earths did not make it onto the list of documents signed on Tuesday.", "no_deal_announced", True),
    ("", "About 70% of the rare earths mined worldwide come from China.", "china_dominates_supply", True),
    ("", "Since August, firms shipping gallium out of China have needed a licence.", "export_restrictions", True),
    ("", "Vietnam has no plant able to separate individual rare earth oxides.", "lacks_technology", True),
    ("", "The State Department has been helping Hanoi assess its rare earth deposits.", "us_interest", True),
    ("", "Vietnam holds more rare earth reserves than any nation except China.", "second_largest_reserves", True),
    ("", "The deals stopped short of any commitment on rare earths.", "no_deal_announced", True),
    (
        "",
        "China has prohibited the export of technologies used to refine rare earths.",
        "china_guards_technology",
        True,
    ),
    ("", "Vietnam wants a rare earth industry that gives priority to deep processing.", "domestic_processing", True),
    ("", "In Vietnam, rare earth mining and processing remain underdeveloped.", "lacks_technology", True),
    ("", "US politicians are trying to lure Vietnam into a rare earth alliance.", "us_interest", True),
    ("", "Vietnam does not allow raw rare earth ore to be exported.", "export_restrictions", True),
    ("", "There was no word on rare earths in the list of documents.", "no_deal_announced", True),
    ("", "The leaders discussed critical minerals but signed nothing on the subject.", "no_deal_announced", True),
    ("", "Rare earths are needed for electric scooters and offshore wind farms.", "ev_wind_uses", True),
    ("", "China mines about 70pc of the world's rare earths.", "china_dominates_supply", True),
    # what a country could or might do is no report that it does
    ("", "China could restrict exports of rare earths to retaliate, analysts warned.", "export_restrictions", False),
    # a bank's loan-loss reserves are no mineral reserves
    (
        "Mining shares rose after mineral prices firmed.",
        "Vietcombank, the second-largest lender, said its reserves for bad loans were ample.",
        "second_largest_reserves",
        False,
    ),
    ("", "Beijing cut rare earth exports to Japan in 2010.", "export_restrictions", True),
    ("", "Talks on rare earths produced nothing concrete.", "no_deal_announced", True),
    ("", "Chinese refiners keep their rare earth separation methods under wraps.", "china_guards_technology", True),
    ("", "China set its rare earth mining quota at 240,000 tonnes.", "mine_production", True),
    ("", "Vietnam lacks the facilities to refine heavy rare earths.", "lacks_technology", True),
    ("", "The two sides inked 36 documents, yet none covered rare earths.", "no_deal_announced", True),
    ("", "Vietnam has yet to master the refining of rare earths.", "lacks_technology", True),
    ("", "Beijing restricts the transfer of rare earth separation know-how abroad.", "china_guards_technology", True),
    ("", "Rare earths were not on the agenda of the talks.", "no_deal_announced", True),
    # a company or a rival building a plant is no country's plan to process at home
    (
        "",
        "The Australian company plans to build a rare earth separation plant in Yen Bai.",
        "domestic_processing",
        False,
    ),
    # shipping ore abroad to be refined is not processing it at home
    (
        "",
        "Hanoi should ship its rare earth ore to China for refining rather than export it raw.",
        "domestic_processing",
        False,
    ),
    # an American fund is a business, not the United States
    (
        "",
        "Japanese firms are keen on Vietnamese rare earths, competing with bidders from the US.",
        "us_interest",
        False,
    ),
    ("", "An American investment fund will jointly develop two rare earth mines.", "us_interest", False),
    # building supplies called critical materials are no critical minerals
    (
        "A shortage of critical materials such as sand and stone is delaying roads.",
        "Authorities have limited exports of river sand.",
        "export_restrictions",
        False,
    ),
]


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unseen")
    for number, (before, sentence, _, _) in enumerate(UNSEEN):
        lead = "Officials from both countries met in Hanoi this week to discuss a long list of topics."
        body = " ".join(part for part in (lead, before, sentence) if part)
        (folder / f"case{number:02d}.txt").write_text(f"{body}\n", encoding="utf-8")
    corpus = xivn.load_corpus(folder)
    return corpus, rare_earths.rare_earth_claims(corpus)


@pytest.mark.parametrize(("number", "case"), list(enumerate(UNSEEN)), ids=lambda v: v if isinstance(v, int) else "")
def test_claims_in_wordings_the_seeds_do_not_use(unseen, number, case):
    _, found = unseen
    _, sentence, claim_id, fires = case
    rows = found[(found["doc_id"] == f"case{number:02d}") & (found["claim_id"] == claim_id)]
    assert (not rows.empty) == fires
    assert rows.empty or rows["quote"].iloc[0] == sentence


# Whom a claim is about and the number it states, read from the text:
# (text, claim, [(country, country_from, value, unit), ...]) — one tuple per expected row.
READINGS = [
    # the mention nearest before the number; "US Geological Survey" names no country
    (
        "According to the US Geological Survey, Vietnam's rare earth reserves stand at 22 million tonnes, "
        "compared with China's 44 million tonnes.",
        "reserves_size",
        [("Vietnam", "sentence", 22e6, "t"), ("China", "sentence", 44e6, "t")],
    ),
    # two shares of one claim give two rows; "about" limits the claim to China
    (
        "Unlike Vietnam, China controls about 70% of rare earth mining and 90% of processing.",
        "china_dominates_supply",
        [("China", "sentence", 70, "%"), ("China", "sentence", 90, "%")],
    ),
    # a number after another country's name is not a number of a claim limited to China
    (
        "Vietnam makes just 1% of the world's rare earth magnets, against China's 92%.",
        "china_dominates_supply",
        [("China", "sentence", 92, "%")],
    ),
    # a claim limited to China is not made when its cue is said of another country
    (
        "Myanmar has become a major source of heavy rare earths for Chinese refineries.",
        "china_dominates_supply",
        [],
    ),
    # the nearest claim takes each number: the reserves tonnage here, the production one below
    (
        "Vietnam holds 22 million tonnes of rare earth reserves but produced only 4,300 tonnes last year.",
        "reserves_size",
        [("Vietnam", "sentence", 22e6, "t")],
    ),
    (
        "Vietnam holds 22 million tonnes of rare earth reserves but produced only 4,300 tonnes last year.",
        "mine_production",
        [("Vietnam", "sentence", 4300, "t")],
    ),
    # a tonnage of coal is vetoed by the exclusions: only the rare-earth tonnage is a claim's number
    (
        "Vietnam produced 40 million tonnes of coal and mined 600 tonnes of rare earths.",
        "mine_production",
        [("Vietnam", "sentence", 600, "t")],
    ),
    # "It" refers back to the sentence before, even with China named after the cue
    (
        "Vietnam has rare earth deposits in the north. It has the second-largest reserves, behind China.",
        "second_largest_reserves",
        [("Vietnam", "previous sentence", None, "")],
    ),
    # the subject passes on: "Its" means what "The Southeast Asian country" meant, not China
    (
        "Vietnam aims to raise rare earth output. The Southeast Asian country has the second-largest reserves, "
        "second only to China. Its production jumped to 4,300 tonnes last year.",
        "mine_production",
        [("Vietnam", "previous sentence", 4300, "t")],
    ),
    # "but it" after two countries: the sentence's subject, not the nearest mention
    (
        "Vietnam holds more rare earth deposits than Brazil, but it has struggled to build a processing industry.",
        "lacks_technology",
        [("Vietnam", "sentence", None, "")],
    ),
    # the topic two sentences before is context (context_sentences = 2 in the shipped file)
    (
        "Rare earths are found in the north. Vietnam wants partners. China accounts for about 60% of mine output.",
        "china_dominates_supply",
        [("China", "sentence", 60, "%")],
    ),
    # the anchor names its country: "followed by Vietnam"
    (
        "China has the largest rare earth reserves, followed by Vietnam.",
        "second_largest_reserves",
        [("Vietnam", "sentence", None, "")],
    ),
    # "respectively" pairs the listed countries with their numbers in order
    (
        "Among rare earth holders, Vietnam and Brazil follow with 22 million tons and 21 million tons respectively.",
        "reserves_size",
        [("Vietnam", "sentence", 22e6, "t"), ("Brazil", "sentence", 21e6, "t")],
    ),
    # "the country's" with no country before it: the country the document names most
    (
        "Officials put the country's rare earth reserves at 22 million tonnes. Vietnam has licensed few mines.",
        "reserves_size",
        [("Vietnam", "document", 22e6, "t")],
    ),
    # a country after "after", "behind" or "than" is the yardstick, never the claim's country
    (
        "Reserves: about 22 million tonnes of rare earths, the world's second largest after China.",
        "second_largest_reserves",
        [("", "unresolved", None, "")],
    ),
    # a factbox line naming no country: the country the document names most (the headline's)
    (
        "FACTBOX - Vietnam's rare earths\n\n* Output: 4,300 tonnes of rare earths in 2022.",
        "mine_production",
        [("Vietnam", "document", 4300, "t")],
    ),
    # no country anywhere: left empty and said to be unresolved, never the event's country
    (
        "Rare earth reserves in the north are estimated at 3 million tonnes.",
        "reserves_size",
        [("", "unresolved", 3e6, "t")],
    ),
    # a range states both its bounds, in the unit and scale of the upper one
    (
        "China accounts for 60-70% of global rare earth mining.",
        "china_dominates_supply",
        [("China", "sentence", 60, "%"), ("China", "sentence", 70, "%")],
    ),
    (
        "Vietnam mined between 4,000 and 4,300 tonnes of rare earths last year.",
        "mine_production",
        [("Vietnam", "sentence", 4000, "t"), ("Vietnam", "sentence", 4300, "t")],
    ),
    # a claim said of a list of countries is said of each; a list before a comma is not its subject
    (
        "Neither Vietnam nor the United States has the technology to separate heavy rare earths.",
        "lacks_technology",
        [("Vietnam", "sentence", None, ""), ("United States", "sentence", None, "")],
    ),
    # output "turned out" by the country the sentence before is about; China's own after it
    (
        "Vietnam is home to large rare earth deposits. Yet the country turned out a mere 600 tonnes last year, "
        "while China churned out 240,000 tonnes.",
        "mine_production",
        [("Vietnam", "previous sentence", 600, "t"), ("China", "sentence", 240000, "t")],
    ),
    (
        "Unlike China and Myanmar, Vietnam lacks the technology to refine rare earths.",
        "lacks_technology",
        [("Vietnam", "sentence", None, "")],
    ),
    # a claim about no country has none
    ("No deal was signed on rare earths.", "no_deal_announced", [("", "", None, "")]),
    # a claim that needs a number is not made without one
    ("Vietnam has large rare earth reserves.", "reserves_size", []),
    # a question asserts nothing
    ("Does Vietnam have the second-largest rare earth reserves?", "second_largest_reserves", []),
    # exclusions: oil reserves are no mineral reserves, mineral water is no mineral
    ("Vietnam mines rare earths and has the second-largest oil reserves.", "second_largest_reserves", []),
    ("Vietnam sells mineral water and has the second-largest reserves.", "second_largest_reserves", []),
    # "Only China ... holds more" ranks the country of the sentence before second; China's tonnage stays China's
    (
        "Vietnam sits on some 22 million tonnes of rare earth reserves. Only China, with an estimated 44 million "
        "tonnes, holds more.",
        "second_largest_reserves",
        [("Vietnam", "previous sentence", None, "")],
    ),
    (
        "Vietnam sits on some 22 million tonnes of rare earth reserves. Only China, with an estimated 44 million "
        "tonnes, holds more.",
        "reserves_size",
        [("Vietnam", "sentence", 22000000, "t"), ("China", "sentence", 44000000, "t")],
    ),
    # a share of processing capacity is dominance, not reserves
    ("China holds about 85% of the world's rare earth processing capacity.", "reserves_size", []),
    (
        "China holds about 85% of the world's rare earth processing capacity.",
        "china_dominates_supply",
        [("China", "sentence", 85, "%")],
    ),
    # a plan to mine a tonnage; coal and oil output are no rare-earth production
    (
        "Vietnam targets mining 2 million tonnes of rare earth ore a year by 2030.",
        "mine_production",
        [("Vietnam", "sentence", 2000000, "t")],
    ),
    (
        "Coal production by the state coal and minerals group reached 38 million tonnes, while crude oil output "
        "fell to 9.5 million tonnes.",
        "mine_production",
        [],
    ),
    # an export that will "no longer be permitted"; refining capacity that is "minimal"
    (
        "In Vietnam, the export of raw rare earth ore will no longer be permitted.",
        "export_restrictions",
        [("Vietnam", "sentence", None, "")],
    ),
    (
        "Vietnam has large rare earth deposits, but its refining capacity is minimal.",
        "lacks_technology",
        [("Vietnam", "sentence", None, "")],
    ),
    # metals used in chips are no claim about electric vehicles and wind turbines
    ("Gallium and germanium, two critical minerals, are used to make computer chips.", "ev_wind_uses", []),
    ("China banned exports of technology used to make rare earth magnets.", "ev_wind_uses", []),
    # dominance said as "a dominant country in" the minerals or a "stranglehold on" them
    (
        "China, a dominant country in rare earths, has used its position before.",
        "china_dominates_supply",
        [("China", "sentence", None, "")],
    ),
    (
        "Buyers fear China's stranglehold on strategic minerals.",
        "china_dominates_supply",
        [("China", "sentence", None, "")],
    ),
    # rules that "prohibit its firms from handing" over technology guard it
    (
        "Chinese rules prohibit its firms from handing any country access to rare earth processing technologies.",
        "china_guards_technology",
        [("China", "sentence", None, "")],
    ),
    # a company's tonnes of magnets are no mine production
    ("A South Korean group plans to produce 5,000 tonnes of rare earth magnets a year.", "mine_production", []),
    # the topic named three sentences before still counts as context
    (
        "Biden agreed to help Hanoi develop its rare earth resources. Vietnam wants to raise output. "
        "Its output rose last year. China is by far the world's largest producer.",
        "china_dominates_supply",
        [("China", "sentence", None, "")],
    ),
]


@pytest.fixture(scope="module")
def readings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readings")
    for number, (text, _, _) in enumerate(READINGS):
        (folder / f"r{number:02d}.txt").write_text(f"{text}\n", encoding="utf-8")
    corpus = xivn.load_corpus(folder)
    return corpus, rare_earths.rare_earth_claims(corpus)


@pytest.mark.parametrize(("number", "case"), list(enumerate(READINGS)), ids=lambda v: v if isinstance(v, int) else "")
def test_claims_say_whom_they_are_about_and_their_numbers(readings, number, case):
    corpus, found = readings
    _, claim_id, expected = case
    rows = found[(found["doc_id"] == f"r{number:02d}") & (found["claim_id"] == claim_id)]
    got = [
        (r.country, r.country_from, None if pd.isna(r.value) else pytest.approx(r.value), r.unit)
        for r in rows.itertuples()
    ]
    assert got == expected
    raw = corpus.text(f"r{number:02d}")
    for r in rows.itertuples():  # every country and number is quoted with its offsets
        if r.country_quote:
            assert raw[r.country_start : r.country_end] == r.country_quote
        if r.number_quote:
            assert raw[r.number_start : r.number_end] == r.number_quote


def test_a_heading_neither_takes_nor_gives_context(make_corpus):
    # like Pamir's "The US-Vietnam Comprehensive Strategic Partnership" after a rare-earth sentence
    text = (
        "Xi visits Hanoi for talks\n\n"
        "Chinese President Xi Jinping arrived in Hanoi on Tuesday for a two-day state visit, his first in years.\n\n"
        "The leaders discussed trade, rail links and rare earths during a long meeting at the party headquarters.\n\n"
        "The US partnership\n\n"
        "Biden signed a partnership with Vietnam in September, officials said on Monday.\n"
    )
    corpus = xivn.load_corpus(make_corpus({"a.txt": text}))
    assert corpus.article_sentences()["kind"].tolist()[3] == "heading"
    assert rare_earths.rare_earth_claims(corpus).empty


def test_the_headline_names_the_topic_for_the_whole_article(make_corpus):
    text = (
        "Vietnam wants partners for its rare earths\n\n"
        "HANOI - Vietnam will favour investors who bring refining technology, a deputy minister said.\n\n"
        "He spoke at a conference on the mining plan.\n\n"
        "The ministry also reviewed its budget for the coming year in a long session.\n\n"
        '"We have the world\'s second-largest reserves, but we cannot exploit them yet," he said.\n'
    )
    corpus = xivn.load_corpus(make_corpus({"a.txt": text}))
    assert corpus.article_sentences()["kind"].tolist()[0] == "headline"
    found = rare_earths.rare_earth_claims(corpus)  # rare earths last named four sentences before
    assert found[["sent_id", "claim_id", "country", "context_sent_id"]].values.tolist() == [
        [4, "second_largest_reserves", "Vietnam", 0],
    ]


def test_concordance_reads_article_text_only(seeds):
    table = rare_earths.concordance(seeds)
    article = seeds.article_sentences().set_index(["doc_id", "sent_id"]).index
    assert table.set_index(["doc_id", "sent_id"]).index.isin(article).all()
    # seed 000's related-article link "Rare Earth Magnet Firms Plan Vietnam Plants as China Hedge"
    text = " ".join(table["left"] + table["quote"] + table["right"])
    assert "Magnet Firms" not in text
    assert offset_mismatches(table, seeds, text_column="quote").empty
    assert set(table["doc_id"]) == ALL


def test_concordance_prefers_the_longest_hit(seeds):
    table = rare_earths.concordance(seeds)
    inquirer = table[table["doc_id"] == INQUIRER]["quote"].tolist()
    assert inquirer == ["critical minerals", "rare earths"]


def test_concordance_skips_chrome_of_a_messy_page(make_corpus):
    from conftest import MESSY_PAGE

    corpus = xivn.load_corpus(make_corpus({"page.txt": MESSY_PAGE}))
    # "Rare Earth Prices Fall" is a related link: chrome
    assert rare_earths.concordance(corpus).empty
    # headline, standfirst and body say "rail"; the photo caption's "A train crosses" is chrome
    hits = rare_earths.concordance(corpus, ["train", "rail"])
    assert hits["quote"].str.lower().tolist() == ["rail", "rail", "rail"]


def test_concordance_leaves_out_what_the_exclusions_veto(make_corpus):
    text = (
        "Shares of the bottler rose as mineral water sales grew.\n\n"
        "The mineral rich country has few refineries, said Andreas Rees, an economist.\n\n"
        "Its REE deposits and critical minerals drew investors.\n"
    )
    table = rare_earths.concordance(xivn.load_corpus(make_corpus({"bbc.txt": text})))
    assert table["quote"].tolist() == ["REE", "critical minerals"]
    assert table.attrs["exclusions"] == ["cue_exclusions.toml"]


def test_concordance_context_stays_inside_the_paragraph(seeds):
    table = rare_earths.concordance(seeds, [r"Kunming"], width=300)
    paragraphs = seeds.article_paragraphs()
    assert len(table) == 3  # the preview twice, Pamir once
    for row in table.itertuples():
        par = paragraphs[(paragraphs["doc_id"] == row.doc_id) & (paragraphs["start"] <= row.start)].iloc[-1]
        line = row.left + row.quote + row.right
        assert line in " ".join(par["text"].split())
        # the window was cut by the paragraph, not by the width, on at least one side
        assert min(len(row.left), len(row.right)) < 300


def test_bad_search_term_is_a_parameter_error(seeds):
    with pytest.raises(ParameterError, match="search terms"):
        rare_earths.concordance(seeds, ["rare (earth"])


def test_matrix_quotes_and_omissions_agree(found, seeds):
    matrix = rare_earths.claim_matrix(found, seeds)
    quotes = rare_earths.claim_quotes(found, seeds)
    gaps = rare_earths.omissions(found, seeds).set_index("doc_id")
    assert matrix.to_numpy().sum() == len(found)
    assert (matrix > 0).to_numpy().sum() == len(quotes)
    assert offset_mismatches(quotes, seeds, text_column="quote").empty
    # Pamir makes one claim and leaves out the nine the others make; AF makes all ten
    assert gaps.loc[PAMIR, "n_claims"] == 1
    assert gaps.loc[PAMIR, "leaves_out"].count(";") == 8
    assert gaps.loc[AF, "leaves_out"] == ""


def test_tables_are_empty_but_well_formed_without_any_claim(make_corpus):
    corpus = xivn.load_corpus(make_corpus({"a.txt": "Nothing about minerals of any kind happened here today.\n"}))
    found = rare_earths.rare_earth_claims(corpus)
    assert found.empty
    assert list(found.columns) == list(rare_earths.CLAIMS)
    assert rare_earths.claim_matrix(found, corpus).to_numpy().sum() == 0
    assert rare_earths.claim_quotes(found, corpus).empty
    assert rare_earths.omissions(found, corpus)["makes"].tolist() == [""]


CLAIM = "[claims.x]\nlabel = 'x'\n"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[claims.x]\nlabel = "x"\nsentence = ["topic"]\n', r"claims\.toml: missing field\(s\) cues"),
        (
            "[cues]\ntopic = ['rare (earth']\n" + CLAIM + "sentence = ['topic']\n",
            r"\[cues.topic.1\]: bad regular",
        ),
        ("[cues]\ntopic = ['rare']\n[claims.x]\nsentence = ['topic']\n", r"\[claims.x\]: missing field\(s\) label"),
        (
            "[cues]\ntopic = ['rare']\n" + CLAIM + "sentence = ['tpoic']\n",
            r"\[claims.x.sentence\]: unknown cue group 'tpoic'",
        ),
        (
            "[cues]\ntopic = ['rare']\n" + CLAIM + "sentence = []\n",
            r"\[claims.x.sentence\]: expected a non-empty list",
        ),
        # the anchor must be one of the claim's own groups
        (
            "[cues]\ntopic = ['rare']\nus = ['US']\n" + CLAIM + "sentence = ['topic']\nanchor = 'us'\n",
            r"\[claims.x.anchor\]: 'us' is not one of its sentence or context groups",
        ),
        # a claim file with cues but no claims is a mistake, not an empty analysis
        ("[cues]\ntopic = ['rare']\n", r"claims\.toml: missing field\(s\) claims"),
        ("[cues]\nrare = ['rare']\n" + CLAIM + "sentence = ['rare']\n", r"\[cues\]: needs a 'topic' group"),
        (
            "[cues]\ntopic = ['rare']\n" + CLAIM + "sentence = ['topic']\nabout = ['Vietnma']\n",
            r"\[claims.x.about\]: unknown country 'Vietnma'",
        ),
        (
            "[cues]\ntopic = ['rare']\n" + CLAIM + "sentence = ['topic']\nneeds_number = true\n",
            r"\[claims.x.needs_number\]: a claim that needs a number must name its units",
        ),
        ("[cues]\ntopic = ['rare']\n" + CLAIM + "sentence = ['topic']\nunits = ['kg']\n", r"\[claims.x.units.1\]"),
        (
            "context_sentences = -1\n[cues]\ntopic = ['rare']\n" + CLAIM + "sentence = ['topic']\n",
            r"\[context_sentences\]: expected 0 or more sentences, got -1",
        ),
    ],
)
def test_bad_claims_file_names_the_entry(tmp_path, toml, message):
    path = tmp_path / "claims.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        rare_earths.load_claims(path)


# --- fact-check ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def usgs():
    return rare_earths.load_usgs()


def test_vietnam_ranked_second_until_the_2025_revision(usgs):
    ranks = rare_earths.reserve_ranks(usgs).query("country == 'Vietnam'").set_index("edition")
    assert ranks["rank"].to_dict() == {"MCS 2023 (Jan 2023)": 2, "MCS 2024 (Jan 2024)": 2, "MCS 2025 (Jan 2025)": 6}
    assert ranks.loc["MCS 2025 (Jan 2025)", "reserves_t"] == 3_500_000


def test_verdicts_as_of_each_documents_month(usgs, seeds):
    months = rare_earths.check_months(seeds)
    assert months["as_of"].tolist() == ["2023-12"] * 5  # two dated to the day, three to the month
    assert set(months["dated_by"]) == {"its date"}
    table = rare_earths.verdicts(usgs, rare_earths.rare_earth_claims(seeds), months).set_index("check")
    second = table.loc["second_largest_reserves"]
    assert (second["country"], second["as_of"], second["n_claims"], second["n_documents"]) == (
        "Vietnam",
        "2023-12",
        4,
        4,
    )
    assert (second["edition_then"], second["edition_latest"]) == ("MCS 2023 (Jan 2023)", "MCS 2025 (Jan 2025)")
    assert second["verdict"] == "true when written, revised since"
    china = table.loc["china_dominates_supply"]
    assert (china["country"], china["n_claims"], china["n_documents"]) == ("China", 5, 4)
    assert "70%" in china["finding_then"] and "2022" in china["finding_then"]  # 210,000 of 300,000 t
    assert china["verdict"] == "true when written, still true"


SECOND = "HANOI - Vietnam has the world's second-biggest rare earth reserves, officials said.\n"


@pytest.fixture
def dated_apart(make_corpus):
    """The same claim in a text of 11 December 2023, one of March 2024, one of June 2025 and an undated one."""
    files = {f"{name}.txt": f"Title\n\n{SECOND}" for name in ("dec", "mar", "jun", "undated")}
    files["metadata.csv"] = "file,label,date\ndec.txt,Dec,2023-12-11\nmar.txt,Mar,2024-03\njun.txt,Jun,2025-06-02\n"
    return xivn.load_corpus(make_corpus(files))


def test_each_document_is_checked_against_the_edition_of_its_date(usgs, dated_apart):
    months = rare_earths.check_months(dated_apart)
    assert months.set_index("label")["as_of"].to_dict() == {"Dec": "2023-12", "Mar": "2024-03", "Jun": "2025-06",
                                                            "undated": ""}  # fmt: skip
    table = rare_earths.verdicts(usgs, rare_earths.rare_earth_claims(dated_apart), months)
    assert table["as_of"].tolist() == ["2023-12", "2024-03", "2025-06", ""]  # undated last
    assert table["edition_then"].tolist() == ["MCS 2023 (Jan 2023)", "MCS 2024 (Jan 2024)", "MCS 2025 (Jan 2025)", ""]
    assert table["verdict"].tolist() == [
        "true when written, revised since",
        "true when written, revised since",
        "false when written",  # by June 2025 the USGS had Vietnam sixth
        "undated: not checked",
    ]
    assert table["n_claims"].tolist() == [1, 1, 1, 1]


def test_undated_documents_are_checked_as_of_the_parameter_when_given(usgs, dated_apart):
    months = rare_earths.check_months(dated_apart, "2020-01")
    assert months.set_index("label").loc["undated", "dated_by"] == "the as_of parameter"
    assert months.set_index("label").loc["Dec", "as_of"] == "2023-12"  # a dated document keeps its own month
    table = rare_earths.verdicts(usgs, rare_earths.rare_earth_claims(dated_apart), months).set_index("as_of")
    # before the first edition in the reference data nothing can be checked
    assert table.loc["2020-01", "verdict"] == "not checkable as of 2020-01"
    assert table.loc["2020-01", "edition_then"] == ""


def test_vietnam_output_is_tiny_next_to_its_reserves(usgs):
    table = rare_earths.reserves_vs_production(usgs, "Vietnam").set_index("edition")
    latest = table.loc["MCS 2025 (Jan 2025)"]
    assert (latest["production_year"], latest["production_t"]) == (2024, 300)
    assert latest["years_of_reserves"] == pytest.approx(3_500_000 / 300)
    assert latest["production_share"] == pytest.approx(300 / 390_000)
    assert table.loc["MCS 2023 (Jan 2023)", "production_t"] == 4300  # revised down to 1,200 t a year later
    assert table.attrs["country"] == "Vietnam"


@pytest.mark.parametrize("as_of", ["2023", "Dec 2023", "2023-12-12"])
def test_as_of_must_be_a_month(dated_apart, as_of):
    with pytest.raises(ParameterError, match="YYYY-MM"):
        rare_earths.check_months(dated_apart, as_of)


def test_without_a_usgs_table_nothing_is_checkable(dated_apart):
    usgs = rare_earths.load_usgs("")  # the event profile names none
    assert usgs.empty
    found = rare_earths.rare_earth_claims(dated_apart)
    table = rare_earths.verdicts(usgs, found, rare_earths.check_months(dated_apart))
    assert table.loc[table["as_of"] == "2023-12", "verdict"].tolist() == ["not checkable as of 2023-12"]
    assert rare_earths.production_shares(usgs).empty and rare_earths.reserves_vs_production(usgs, "Vietnam").empty


def test_edition_without_a_month_is_rejected(tmp_path):
    path = tmp_path / "usgs.csv"
    path.write_text("edition,country,metric,year,value_t\nMCS 2023,China,reserves,2022,1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="MCS 2023"):
        rare_earths.load_usgs(path)
