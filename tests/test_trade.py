"""Amounts and trade flows read from the texts."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import AF, PAMIR, figures_of
from hypothesis import given
from hypothesis import strategies as st

import xivn
from xivn.corpus.checks import offset_mismatches
from xivn.errors import DataFileError
from xivn.trade.figures import CLAUSE_BREAK, CONJUNCTION, amounts, clause_span, trade_cues, trade_figures

US = "United States"


def test_the_seeds_state_exactly_six_flows(figures):
    stated = set(
        zip(figures["quote"], figures["reporter"], figures["partner"], figures["flow"], figures["year"], strict=True)
    )
    assert stated == {
        ("$175.57 billion", "Vietnam", "China", "total", 2022),
        ("$117.87 billion", "Vietnam", "China", "imports", 2022),  # "imports into Vietnam accounting for"
        ("$57.7 billion", "Vietnam", "China", "exports", 2022),  # "exports to China reaching"
        ("$123.86 billion", "Vietnam", US, "total", 2022),  # "… total two-way trade in 2022"
        ("$14.47 billion", "Vietnam", US, "imports", 2022),  # "imports from the US"
        ("$109.39 billion", "Vietnam", US, "exports", 2022),  # "exports from Vietnam"
    }
    assert len(figures) == 6
    assert set(figures["doc_id"]) == {PAMIR}


def test_figures_point_back_to_their_words(seeds, figures):
    assert offset_mismatches(figures, seeds, text_column="quote").empty
    assert figures["attribution"].iloc[0] == "China’s General Department of Customs"
    assert set(figures["period"]) == {"2022"}
    assert set(figures["currency"]) == {"USD"}


def test_page_chrome_never_contributes(seeds):
    table = amounts(seeds)
    # AF's related-article headline "… Plan $1bn Vietnam Plants" is chrome
    assert "$1bn" in seeds.text(AF)
    assert AF not in set(table["doc_id"])
    assert table["quote"].tolist() == [
        "$175.57 billion",
        "$117.87 billion",
        "$57.7 billion",
        "$123.86 billion",
        "$14.47 billion",
        "$109.39 billion",
    ]
    assert set(table["category"]) == {"trade"}
    assert offset_mismatches(table, seeds, text_column="quote").empty


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "China's exports to Vietnam rose to 147.96 billion U.S. dollars in 2022.",
            ("China", "Vietnam", "exports", 2022),
        ),
        ("Vietnam imported $117.87 billion worth of goods from China in 2022.", ("Vietnam", "China", "imports", 2022)),
        ("US imports from Vietnam were $127.5 bln in 2022.", (US, "Vietnam", "imports", 2022)),
        # the deficit is the US's, and negative
        ("The US recorded a $116 billion trade deficit with Vietnam in 2022.", (US, "Vietnam", "balance", 2022)),
        ("Vietnam's trade surplus with the US was about $94.9 billion in 2022.", ("Vietnam", US, "balance", 2022)),
        ("Two-way trade between Vietnam and Japan hit USD 47.6bn in 2021.", ("Vietnam", "Japan", "total", 2021)),
        # "of American goods" names the goods' origin: the partner of an import
        ("Vietnam bought $14.5 billion of American goods in 2022.", ("Vietnam", US, "imports", 2022)),
        # a total is given from the side of the first country named
        ("China-Vietnam trade volume reached 234.9 billion U.S. dollars in 2022.", ("China", "Vietnam", "total", 2022)),
        # no country before the flow: the reporter is not stated, and stays empty
        ("Exports to South Korea reached $24.3 billion in 2022.", ("", "South Korea", "exports", 2022)),
        # "X's largest trading partner": X's trade with the other country
        (
            "China is Vietnam's largest trading partner, with trade of $175.6bn in 2022.",
            ("Vietnam", "China", "total", 2022),
        ),
        ("Vietnam's durian exports worldwide reached $2.2 billion in 2023.", ("Vietnam", "World", "exports", 2023)),
        (
            "Japan–China total trade of $214.6bn in 2004 overtook Japan's trade with the US.",
            ("Japan", "China", "total", 2004),
        ),
    ],
)
def test_resolver_on_single_sentences(make_corpus, sentence, expected):
    (row,) = figures_of(make_corpus, sentence).itertuples(index=False)
    assert (row.reporter, row.partner, row.flow, row.year) == expected


def test_a_deficit_is_negative_and_a_surplus_positive(make_corpus):
    table = figures_of(
        make_corpus, "Vietnam ran a deficit of $60.2 billion with China and a surplus of $94.9bn with the US."
    )
    assert table[["partner", "value_usd_bn"]].values.tolist() == [["China", -60.2], [US, 94.9]]


def test_the_two_countries_take_the_pair_named_before(make_corpus):
    text = (
        "Vietnam and Japan marked 50 years of ties in 2023.\n\nTrade between the two countries reached $47.6 billion.\n"
    )
    (row,) = figures_of(make_corpus, text).itertuples(index=False)
    assert (row.reporter, row.partner, row.year, row.resolved_from) == ("Vietnam", "Japan", 2023, "neighbours")


def test_parties_the_text_does_not_state_stay_empty(make_corpus):
    text = "Vietnam and China are close partners; data for 2022 follow.\n\nExports reached $57.7 billion.\n"
    (row,) = figures_of(make_corpus, text).itertuples(index=False)
    assert (row.reporter, row.partner, row.year, row.resolved_from) == ("", "", 2022, "unresolved")


def test_the_deficit_of_the_sentence_before_keeps_its_reporter(make_corpus):
    text = "The US trade deficit hit $617.7bn in 2004. The deficit with China, up 30.5% at $162bn, was the largest.\n"
    table = figures_of(make_corpus, text)
    assert table[["reporter", "partner", "value_bn", "year"]].values.tolist() == [
        [US, "", -617.7, 2004],  # no partner is stated for the overall deficit
        [US, "China", -162.0, 2004],
    ]


def test_months_make_a_month_span(make_corpus):
    (row,) = figures_of(make_corpus, "In the first 11 months of 2023, trade with China hit $157bn.").itertuples()
    assert (row.period, row.year, row.partner) == ("2023-01..2023-11", 2023, "China")


def test_a_figure_shares_the_period_stated_sentences_before_but_not_a_comparison_base(make_corpus):
    text = (
        "Trade between Vietnam and China was $157.9 billion in the first 11 months of 2023, down 3.4% from the "
        "same period last year. China remained Vietnam's largest trading partner. In the period, Vietnam's "
        "exports to China were $55.4 billion. Officials expect more. Over the eleven months the deficit with "
        "China was $47.1 billion.\n"
    )
    table = figures_of(make_corpus, text)
    assert table[["quote", "period"]].values.tolist() == [
        ["$157.9 billion", "2023-01..2023-11"],
        ["$55.4 billion", "2023-01..2023-11"],  # not 2022: "the same period last year" is the base
        ["$47.1 billion", "2023-01..2023-11"],  # four sentences back
    ]


def test_the_two_countries_take_the_pair_a_trade_cue_states_before_a_pair_merely_named(make_corpus):
    text = (
        "Vietnam's exports to China rose in 2023. Seafood exports to the Chinese market fell, according to the "
        "Vietnam Association of Seafood Exporters. In 2022, two-way trade between the two countries was $175.6bn.\n"
    )
    (row,) = figures_of(make_corpus, text).query("quote == '$175.6bn'").itertuples()
    assert (row.reporter, row.partner, row.resolved_from) == ("Vietnam", "China", "neighbours")


def test_a_target_takes_no_period_from_the_sentences_before(make_corpus):
    text = (
        "Trade between China and Vietnam was $190bn in the first ten months of 2023. Both countries have set a "
        "goal of raising two-way trade to $200bn in the coming years.\n"
    )
    (row,) = figures_of(make_corpus, text).query("quote == '$200bn'").itertuples()
    assert (row.period, row.year_from, row.reporter, row.partner) == ("", "unresolved", "China", "Vietnam")


def test_a_balance_shares_the_world_partner_of_the_total_before_it(make_corpus):
    text = "Vietnam's total foreign trade came to $622.5bn in 2023, with a trade surplus of $25.8bn.\n"
    rows = figures_of(make_corpus, text)[["quote", "reporter", "partner", "flow"]].values.tolist()
    assert rows == [["$622.5bn", "Vietnam", "World", "total"], ["$25.8bn", "Vietnam", "World", "balance"]]


def test_its_is_the_possessive_subject_of_its_own_sentence(make_corpus):
    text = (
        "China is Vietnam's largest partner. Vietnam's exports to China were $55.4bn in 2023, while its "
        "imports from China were $102.5bn.\n"
    )
    rows = figures_of(make_corpus, text)[["quote", "reporter", "partner", "flow"]].values.tolist()
    assert rows == [["$55.4bn", "Vietnam", "China", "exports"], ["$102.5bn", "Vietnam", "China", "imports"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Australia's exports to China rose to Australian dollar 29.4bn in 2004.", ("AUD", 29.4, "2004")),
        ("Australia's surplus with China reached A$52.1 billion in 2022.", ("AUD", 52.1, "2022")),
        ("The EU's trade deficit with China narrowed to €291bn in 2023.", ("EUR", -291.0, "2023")),
        ("British exports to China were worth £38.5bn in 2022.", ("GBP", 38.5, "2022")),
        ("Japan's exports to Vietnam totalled 2.4 trillion yen in 2022.", ("JPY", 2400.0, "2022")),
        # "¥" is the yen or the yuan: the reporter tells
        ("Japanese shipments to China fell to ¥19.4 trillion in 2023.", ("JPY", 19400.0, "2023")),
        (
            "China's exports to Vietnam reached ¥1.05 trillion in the first half of 2023.",
            ("CNY", 1050.0, "2023-01..2023-06"),
        ),
        ("China's imports from Vietnam rose to 560 billion yuan in FY2023.", ("CNY", 560.0, "FY2023")),
        ("Ghana's exporters earned $1.2bn-worth of the beans exported during 2003-04.", ("USD", 1.2, "FY2003-04")),
    ],
)
def test_figures_keep_their_currency_and_period(make_corpus, text, expected):
    (row,) = figures_of(make_corpus, text).itertuples(index=False)
    assert (row.currency, row.value_bn, row.period) == expected
    assert row.usd_from == ("stated" if row.currency == "USD" else "converted")


@pytest.mark.parametrize(
    "text",
    [
        "President Bush's budget plan would cut America's $422bn federal budget deficit in half.",
        "The oil firm must pay off part of a $27bn bill in unpaid taxes, and its unit was sold at auction for $9.4bn.",
        "Vingroup's turnover rose to $7.1 billion in 2022.",
        "The film sold $45 million worth of tickets in China in its opening week.",
        "Vietcombank's market capitalisation stood at about $20 billion.",
        "A US court ordered the Vietnamese shrimp exporter to pay $12 million in damages.",
        "The railway, which will cost $8 billion, would boost trade between the two countries.",
        "A $2.5 billion railway project would cut the cost of exports to China.",
        "Chinese tourists spent $3 billion in Vietnam in 2022.",
    ],
)
def test_amounts_that_are_not_trade(make_corpus, text):
    assert figures_of(make_corpus, text).empty


def test_a_january_figure_is_that_january_unless_the_text_says_last(make_corpus):
    text = "Exports from Vietnam to China in January were $5.1 billion, up from $4.3 billion last January.\n"
    corpus = make_corpus({"doc.md": text, "metadata.csv": "file,date\ndoc.md,2024-02-06\n"})
    table = trade_figures(xivn.load_corpus(corpus))
    assert table[["period", "year"]].values.tolist() == [["2024-01", 2024], ["2023-01", 2023]]


def test_each_figure_of_a_range_has_its_own_year(make_corpus):
    table = figures_of(
        make_corpus, "Trade between China and Vietnam grew from US$20 billion in 2002 to US$180 billion in 2022."
    )
    assert table[["reporter", "partner", "flow", "year"]].values.tolist() == [
        ["China", "Vietnam", "total", 2002],
        ["China", "Vietnam", "total", 2022],
    ]
    (first, _) = figures_of(make_corpus, "Trade with Laos grew from $2 billion to $9 billion in 2022.").itertuples()
    assert pd.isna(first.year)  # the start of a range is not of the year written after "to"


def test_investment_and_loans_are_not_trade(make_corpus):
    text = "Chinese firms plan a $1bn battery plant in Vietnam. China offered a $500 million loan for a railway.\n"
    corpus = xivn.load_corpus(make_corpus({"doc.md": text}))
    assert amounts(corpus)["category"].tolist() == ["investment", "aid/loan"]
    assert trade_figures(corpus).empty


MARKDOWN_TABLE = """# Vietnam trade with its partners

Vietnam's trade in 2022, in billion U.S. dollars, according to the General Department of Vietnam Customs:

| Partner | Exports | Imports | Year |
|---|---|---|---|
| China | 57.7 | 117.87 | 2022 |
| United States | 109.39 | 14.47 | 2022 |

The table above is all we have.
"""


def test_a_markdown_table_with_a_header_row(make_corpus):
    corpus = xivn.load_corpus(make_corpus({"table.md": MARKDOWN_TABLE}))
    table = trade_figures(corpus)
    assert set(zip(table["partner"], table["flow"], table["year"], table["value_usd_bn"], strict=True)) == {
        ("China", "exports", 2022, 57.7),
        ("China", "imports", 2022, 117.87),
        (US, "exports", 2022, 109.39),
        (US, "imports", 2022, 14.47),
    }
    assert set(table["reporter"]) == {"Vietnam"}
    assert set(table["attribution"]) == {"General Department of Vietnam Customs"}
    assert offset_mismatches(table, corpus, text_column="quote").empty  # the quote is the cell's number


def test_a_table_with_years_as_rows_and_units_in_the_headers(make_corpus):
    text = (
        "Vietnam and China\n\n| Year | Exports to China (US$ bn) | Imports from China (US$ bn) | Balance (US$ bn) |\n"
        "| --- | --- | --- | --- |\n| 2021 | 55.9 | 110.0 | -54.1 |\n| 2022 | 57.7 | 117.87 | -60.17 |\n"
    )
    table = figures_of(make_corpus, text)
    got = set(zip(table["year"], table["flow"], table["value_usd_bn"], strict=True))
    assert got == {(2021, "exports", 55.9), (2021, "imports", 110.0), (2021, "balance", -54.1),
                   (2022, "exports", 57.7), (2022, "imports", 117.87), (2022, "balance", -60.17)}  # fmt: skip
    assert set(table["partner"]) == {"China"}


def test_a_table_without_a_money_unit_gives_no_amounts(make_corpus):
    text = "Deals by year\n\n| Year | Deals |\n|---|---|\n| 2022 | 12 |\n| 2023 | 37 |\n"
    assert amounts(xivn.load_corpus(make_corpus({"deals.md": text}))).empty


def test_cue_file_errors_name_the_entry(tmp_path):
    bad = tmp_path / "cues.toml"
    bad.write_text(
        (xivn.paths.data_path("trade_cues.toml")).read_text(encoding="utf-8").replace("[flows.total]", "[flows.sum]")
    )
    with pytest.raises(DataFileError, match=r"cues.toml \[flows\]"):
        trade_cues(bad)


def _clause_span_by_scanning(text, amount, others):
    """The clause rule read literally: every break and every other amount looked at in turn."""
    start, end = 0, len(text)
    for match in CLAUSE_BREAK.finditer(text):
        if match.end() <= amount[0]:
            start = max(start, match.end())
        elif match.start() >= amount[1]:
            end = min(end, match.start())
            break
    for other in others:
        if start <= other[0] < amount[0]:
            cuts = [m.end() for m in CONJUNCTION.finditer(text, other[1], amount[0])]
            start = max(start, cuts[-1] if cuts else (other[1] + amount[0]) // 2)
        elif amount[1] <= other[0] < end:
            cut = CONJUNCTION.search(text, amount[1], other[0])
            end = min(end, cut.start() if cut else (amount[1] + other[0]) // 2)
    return start, end


@given(st.lists(st.sampled_from(["$5bn", " and ", ", ", " - ", "; ", "exports", " ", "(", ")", "x"]), max_size=40))
def test_clause_span_equals_the_rule_read_literally(parts):
    text = "".join(parts)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\$5bn", text)]
    for k, amount in enumerate(spans):
        others = spans[:k] + spans[k + 1 :]
        assert clause_span(text, amount, others) == _clause_span_by_scanning(text, amount, others)


def test_a_sentence_with_thousands_of_amounts_is_read_whole(tmp_path):
    amounts_written = ", ".join(f"${n}.5 billion" for n in range(1, 2001))
    (tmp_path / "a.txt").write_text(f"Headline\n\nVietnam's exports to China rose to {amounts_written} last year.\n")
    corpus = xivn.load_corpus(tmp_path)
    found, figures = amounts(corpus), trade_figures(corpus)
    assert len(found) == len(figures) == 2000
    assert found["value_usd_bn"].tolist() == [n + 0.5 for n in range(1, 2001)]
    assert set(zip(figures["reporter"], figures["partner"], figures["flow"], strict=True)) == {
        ("Vietnam", "China", "exports")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spaced dash joins a pair as well as a hyphen
        ("In 2019, Vietnam – China bilateral trade reached $105.75 billion.", [("Vietnam", "China", 2019)]),
        # "the country" is the subject of the sentence before
        (
            "Vietnam's trade with China grew in 2019. The country imported $68.5 billion from China in 2019.",
            [("Vietnam", "China", 2019)],
        ),
        # the second clause names its own partner; the flow word is in the first
        (
            "Vietnam's exports to the U.S. rose to $70 billion in 2022, and to China by 16 percent to $43 billion.",
            [("Vietnam", US, 2022), ("Vietnam", "China", 2022)],
        ),
        ("Vietnam's foreign trade reached $517 billion in 2019.", [("Vietnam", "World", 2019)]),
        ("Việt Nam's exports to China rose to 61.2 billion USD in 2023.", [("Vietnam", "China", 2023)]),
        # a share of the total: the total is to every market, "its" the reporter named before
        (
            "Vietnam earned $1.2 billion from fruit exports to China in 2023, out of its total farm exports of $2.9bn.",
            [("Vietnam", "China", 2023), ("Vietnam", "World", 2023)],
        ),
        # the US is the partner of the shipments, not of all exports
        (
            "Vietnam's exports rose 20% to $8.2 billion in 2023, with shipments to the US up 30% to $3 billion.",
            [("Vietnam", "", 2023), ("Vietnam", US, 2023)],
        ),
        # the pair of "bilateral trade" as the sentence before states it
        (
            "China is Vietnam's largest trading partner. Bilateral trade reached 234.9 billion U.S. dollars in 2022.",
            [("Vietnam", "China", 2022)],
        ),
        # "last year's" belongs to its own figure; the forecast has no stated year
        (
            "Vietnam's deficit with China would total $28 billion, lower than last year's $32.4 billion.",
            [("Vietnam", "China", None), ("Vietnam", "China", 2022)],
        ),
    ],
)
def test_parties_and_years_of_real_phrasings(make_corpus, text, expected):
    corpus = make_corpus({"doc.md": text, "metadata.csv": "file,date\ndoc.md,2023-12-10\n"})
    table = trade_figures(xivn.load_corpus(corpus))
    got = [(r.reporter, r.partner, None if pd.isna(r.year) else r.year) for r in table.itertuples(index=False)]
    assert got == expected


def test_figures_in_other_currencies_are_converted_with_the_annual_average_of_their_year(make_corpus):
    text = (
        "The EU's trade deficit with China narrowed to €291bn in 2023. "
        "Vietnam's rice exports to the Philippines were worth 62 trillion dong in 2023."
    )
    euro, dong = figures_of(make_corpus, text).itertuples(index=False)
    # G.5A 2023: 1.0817 dollars per euro
    assert (euro.usd_from, euro.value_usd_bn) == ("converted", pytest.approx(-291 * 1.0817))
    assert euro.usd_rate == pytest.approx(1 / 1.0817)
    assert (dong.usd_from, dong.currency) == ("", "VND")  # no official rate shipped for the dong
    assert pd.isna(dong.value_usd_bn) and pd.isna(dong.usd_rate)


def _rows(make_corpus, text: str, date: str = "2023-12-10") -> list[tuple]:
    corpus = make_corpus({"doc.md": text, "metadata.csv": f"file,date\ndoc.md,{date}\n"})
    table = trade_figures(xivn.load_corpus(corpus))
    return [(r.quote, r.reporter, r.partner, r.flow, r.period, r.value_bn) for r in table.itertuples(index=False)]


def test_a_respectively_list_pairs_each_partner_with_its_amount(make_corpus):
    text = (
        "Vietnam posted a trade surplus in 2023. The country's deficits with China, South Korea and ASEAN "
        "came to $27 billion, $15.5 billion and $0.5 billion, respectively, in 2023."
    )
    assert _rows(make_corpus, text) == [
        ("$27 billion", "Vietnam", "China", "balance", "2023", -27.0),
        ("$15.5 billion", "Vietnam", "South Korea", "balance", "2023", -15.5),
        ("$0.5 billion", "Vietnam", "ASEAN", "balance", "2023", -0.5),
    ]


def test_a_respectively_list_pairs_each_flow_with_its_amount(make_corpus):
    text = "In 2019, Vietnam's exports and imports rose to $264 billion and $253 billion, respectively."
    assert [row[3] for row in _rows(make_corpus, text)] == ["exports", "imports"]


def test_import_export_turnover_is_a_total_and_its_parts_share_its_parties(make_corpus):
    text = (
        "By the end of November, Vietnam's import-export turnover had reached $621.5 billion.\n\n"
        "Exports accounted for $322.5 billion and imports for $299 billion.\n"
    )
    assert _rows(make_corpus, text, "2023-12-05") == [
        ("$621.5 billion", "Vietnam", "World", "total", "2023-01..2023-11", 621.5),
        ("$322.5 billion", "Vietnam", "World", "exports", "2023-01..2023-11", 322.5),
        ("$299 billion", "Vietnam", "World", "imports", "2023-01..2023-11", 299.0),
    ]


def test_a_headline_figure_the_body_restates_is_counted_once(make_corpus):
    text = "# Vietnam-China trade tops $100 billion\n\nVietnam's trade with China reached $104.1 billion in 2023.\n"
    assert [row[0] for row in _rows(make_corpus, text)] == ["$104.1 billion"]


def test_a_figure_in_the_same_period_last_year_has_that_period(make_corpus):
    text = (
        "Vietnam's trade balance showed a surplus of $2.82 billion in the first two months of 2023, in contrast "
        "to a deficit of $300 million in the same period last year."
    )
    assert [(row[4], row[5]) for row in _rows(make_corpus, text, "2023-03-03")] == [
        ("2023-01..2023-02", 2.82),
        ("2022-01..2022-02", -0.3),
    ]


def test_money_spent_on_chinese_imports_is_an_import_from_china(make_corpus):
    text = "Vietnam spent roughly $55.5 billion on Chinese imports in 2019."
    assert _rows(make_corpus, text) == [("$55.5 billion", "Vietnam", "China", "imports", "2019", 55.5)]


def test_a_figure_stating_only_its_partner_takes_the_reporter_of_the_sentence_before(make_corpus):
    text = (
        "ASEAN remained China's largest trading partner in 2023, with bilateral trade of $911 billion. "
        "Exports to ASEAN rose to $524 billion in 2023."
    )
    assert [row[1:3] for row in _rows(make_corpus, text)] == [("China", "ASEAN"), ("China", "ASEAN")]


@pytest.mark.parametrize(
    "text",
    [
        # a ministry's name holds no trade cue
        "Vietnam will host 2,000 firms, the Ministry of Industry and Trade said, at a fair costing $2 million.",
        # customs revenue is a budget figure, not trade
        "Budget revenue collected by the customs sector reached VND56.33 trillion in the first two months.",
    ],
)
def test_names_and_revenues_beside_trade_words_are_not_trade(make_corpus, text):
    assert _rows(make_corpus, text) == []


def test_a_month_after_a_percent_change_is_its_comparison_base(make_corpus):
    text = "Vietnam's September exports fell 6.3% from August to $30.7 billion, customs data showed."
    assert [row[4] for row in _rows(make_corpus, text, "2023-10-10")] == ["2023-09"]


def test_a_figure_a_year_earlier_has_the_year_before(make_corpus):
    text = "China's exports to Vietnam fell to $138 billion in 2023 from $147 billion a year earlier."
    assert [(row[0], row[4]) for row in _rows(make_corpus, text, "2024-01-13")] == [
        ("$138 billion", "2023"),
        ("$147 billion", "2022"),
    ]


def test_an_amount_of_change_is_no_flow(make_corpus):
    text = (
        "In 2023, Vietnam's exports reached $355 billion, down more than $16 billion, and imports rose by $2 billion."
    )
    assert [row[0] for row in _rows(make_corpus, text)] == ["$355 billion"]


def test_a_country_in_the_amounts_own_clause_or_before_its_bracket_is_the_partner(make_corpus):
    text = (
        "The US was Vietnam's biggest export market at $88 billion in 2023, and China came second at $56 billion. "
        "China was Vietnam's largest import market at $100 billion in 2023, followed by South Korea ($48 billion)."
    )
    assert [row[:3] for row in _rows(make_corpus, text)] == [
        ("$88 billion", "Vietnam", US),
        ("$56 billion", "Vietnam", "China"),
        ("$100 billion", "Vietnam", "China"),
        ("$48 billion", "Vietnam", "South Korea"),
    ]


def test_a_sentence_naming_no_country_has_the_reporter_stated_before(make_corpus):
    text = (
        "Vietnam's exports fell 8.5% to $259 billion in the first nine months of 2023. "
        "Imports in the period fell 14% to $237.3 billion. "
        "September exports fell 6.3% to $30.7 billion, and imports dropped 2.9% to $28.5 billion."
    )
    assert {row[1] for row in _rows(make_corpus, text, "2023-10-10")} == {"Vietnam"}


def test_the_northern_neighbour_and_that_country_are_the_partner_named_before(make_corpus):
    text = (
        "Trade between Vietnam and China rose to $16.4 billion in January 2024. "
        "Vietnam shipped $4.6 billion worth of goods to the northern neighbor, while imports from that country "
        "reached $11.9 billion."
    )
    assert [row[1:3] for row in _rows(make_corpus, text, "2024-02-15")] == [("Vietnam", "China")] * 3


def test_a_subject_pointing_back_carries_the_flow_and_parties_of_the_sentence_before(make_corpus):
    text = (
        "Vietnam's exports to the United States hit $109.4 billion in 2022. "
        "They had stood at $77 billion in 2020. So far this year, through November, they have reached $88.3 billion."
    )
    assert [row[:5] for row in _rows(make_corpus, text, "2023-12-13")] == [
        ("$109.4 billion", "Vietnam", US, "exports", "2022"),
        ("$77 billion", "Vietnam", US, "exports", "2020"),
        ("$88.3 billion", "Vietnam", US, "exports", "2023-01..2023-11"),
    ]


def test_the_leads_period_is_carried_but_a_forecasts_is_not(make_corpus):
    text = (
        "Vietnam's exports to China reached $47.2 billion in the first 10 months of this year.\n\n"
        "Exporters expected fruit exports to all markets to top $5.6 billion this year.\n\n"
        "Meanwhile, farm exports were flat. Rice sales were weak. Coffee was steady. "
        "Shipments of phones to China rose to $8.6 billion."
    )
    assert [(row[0], row[4]) for row in _rows(make_corpus, text, "2023-11-15")] == [
        ("$47.2 billion", "2023-01..2023-10"),
        ("$5.6 billion", "2023"),
        ("$8.6 billion", "2023-01..2023-10"),
    ]


def test_a_relative_clause_neither_classifies_nor_names_the_parties_of_a_figure_outside_it(make_corpus):
    text = (
        "Vietnam's imports from China, which supplies most parts used by its factories, fell to $100.5 billion in "
        "2023. Vietnam's seafood exports, a fifth of which went to China, reached $8.2 billion in 2023."
    )
    assert [row[:4] for row in _rows(make_corpus, text)] == [
        ("$100.5 billion", "Vietnam", "China", "imports"),
        ("$8.2 billion", "Vietnam", "", "exports"),
    ]


def test_a_cue_nearer_the_next_amount_governs_that_one(make_corpus):
    text = "India's imports from the UAE jumped to $27.9 billion in 2023, widening the trade deficit to $9.5 billion."
    assert [(row[0], row[3]) for row in _rows(make_corpus, text)] == [
        ("$27.9 billion", "imports"),
        ("$9.5 billion", "balance"),
    ]


def test_a_missing_reporter_is_the_one_the_document_states_with_that_partner(make_corpus):
    text = (
        "Vietnam's trade deficit with China narrowed to $45.4 billion in 2023.\n\n"
        "Durian boom\n\n"
        "Fruit was the standout. Growers were upbeat. Durian exports to China reached $2.1 billion in 2023."
    )
    assert [row[:3] for row in _rows(make_corpus, text)][-1] == ("$2.1 billion", "Vietnam", "China")


def test_goods_shipped_abroad_go_to_the_world_and_the_shipments_restate_the_flow_before(make_corpus):
    text = (
        "Vietnam shipped rice worth $4.4 billion abroad in 2023. Vietnam exported goods worth $55.1 billion to "
        "China in 2023. In local currency the shipments were worth about VND1,340 trillion."
    )
    assert [row[:3] for row in _rows(make_corpus, text)] == [
        ("$4.4 billion", "Vietnam", "World"),
        ("$55.1 billion", "Vietnam", "China"),
        ("VND1,340 trillion", "Vietnam", "China"),
    ]


def test_a_possessive_year_before_an_amount_is_its_own_even_as_a_comparison_base(make_corpus):
    text = (
        "Trade between China and Vietnam reached $140 billion this year (compared with 2022's total of $175.6 billion)."
    )
    assert [(row[0], row[4]) for row in _rows(make_corpus, text)] == [
        ("$140 billion", "2023"),
        ("$175.6 billion", "2022"),
    ]


def test_the_full_year_total_has_the_whole_year_of_the_month_stated(make_corpus):
    text = (
        "In December, Vietnam's imports from China rose to $11.6 billion, bringing the full-year total to "
        "$110.6 billion."
    )
    assert [(row[0], row[4]) for row in _rows(make_corpus, text, "2024-01-10")] == [
        ("$11.6 billion", "2023-12"),
        ("$110.6 billion", "2023"),
    ]


def test_a_flow_in_a_sentence_naming_no_country_restates_the_pair_of_the_same_flow_before(make_corpus):
    text = (
        "Last year, Vietnam's exports to the United States totalled $109.4 billion. "
        "This year's figure is likely to be lower: shipments fell to $88.3 billion in the first 11 months."
    )
    assert [row[:3] for row in _rows(make_corpus, text, "2023-12-12")] == [
        ("$109.4 billion", "Vietnam", US),
        ("$88.3 billion", "Vietnam", US),
    ]


def test_exports_to_and_imports_from_one_partner_pair_with_their_amounts_respectively(make_corpus):
    text = (
        "Vietnam's exports to and imports from China stood at $55.1 billion and $100.5 billion, respectively, "
        "in the first 11 months."
    )
    assert [row[:4] for row in _rows(make_corpus, text)] == [
        ("$55.1 billion", "Vietnam", "China", "exports"),
        ("$100.5 billion", "Vietnam", "China", "imports"),
    ]


def test_a_pair_figure_an_institution_reports_is_its_countrys_side(make_corpus):
    text = (
        "Vietnam's exports to China were worth $61.2 billion in 2023. "
        "Chinese customs, which count goods by origin, reported bilateral trade of 1.6 trillion yuan for 2023."
    )
    assert [row[:3] for row in _rows(make_corpus, text, "2024-01-12")][-1] == ("1.6 trillion yuan", "China", "Vietnam")


def test_exports_to_all_markets_take_no_reporter_from_a_buyer_named_after_them(make_corpus):
    text = (
        "Vietnam's exports to China were worth $61.2 billion in 2023.\n\n"
        "Fruit and vegetable exports to all markets hit $5.6 billion in 2023, with China buying around two thirds."
    )
    assert [row[:3] for row in _rows(make_corpus, text, "2024-01-12")][-1] == ("$5.6 billion", "Vietnam", "World")


def test_a_balance_left_by_the_flow_before_it_shares_its_parties(make_corpus):
    text = (
        "Vietnam's imports from China came to $88.1 billion in the first ten months of 2023. "
        "Exports to China were $47.2 billion, leaving a deficit of $40.9 billion."
    )
    assert [row[:4] for row in _rows(make_corpus, text)][-1] == ("$40.9 billion", "Vietnam", "China", "balance")
