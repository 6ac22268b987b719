"""Property tests of the parsers and the analyses on hostile text.

The money parser (:func:`xivn.trade.parse_amounts`, :func:`xivn.trade.parse_unit`) and every table-returning
analysis (trade, deals, rare earths, framing, tone, voices, keyness, rewrites) must never raise on a
valid corpus, must return their documented columns, and every row must slice the raw text back
exactly (``corpus.text(doc_id)[start:end] == quote``). Texts mix seed sentences with junk, control
characters, astral characters, combining marks, very long lines and chrome-only documents.

Settings come from the profiles in conftest.py (reproducible examples by default).
"""

from __future__ import annotations

import math
import re
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from conftest import MESSY_PAGE
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_properties import SPECIALS, TEXTS

import xivn
from xivn.corpus.checks import offset_mismatches
from xivn.corpus.corpus import Corpus
from xivn.corpus.reader import RawDocument
from xivn.cues.countries import country_mentions
from xivn.deals.counts import COUNTS
from xivn.deals.mentions import MENTIONS
from xivn.framing.frames import EVIDENCE
from xivn.framing.keywords import KEYNESS
from xivn.framing.rewrite_detection import alignment_spans
from xivn.framing.speakers import VOICES
from xivn.rare_earths.claims import CLAIMS, CONCORDANCE
from xivn.trade.figures import AMOUNTS, PARTY_LEVELS, TRADE_FIGURES
from xivn.trade.money import PREFIX_CURRENCY, SCALES_BN, SUFFIX_CURRENCY

# --- the money parser --------------------------------------------------------------------------

# Pieces that look like parts of amounts, glued together in any order.
MONEY_PIECES = [
    "$", "US$", "U.S.$", "US $", "S$", "€", "£", "¥", "USD", "VND", "RMB", "1", "12", "175.57", "1,234", "1,234.5",
    "300,000", ",", ".", "-", "–", " to ", " ", "billion", "bn", "bln", "trillion", "million", "m", "b", "k", "t",
    " dollars", " U.S. dollars", " yuan", " dong", " euros", "USD", "2023", "2023-2026", "%", "about ", "more than ",
    "in exports", ", and", "(US$ bn)", "billion U.S. dollars", "USD million", "\u0301", "١٢٣", "１２", "²",
    "A$", "HK$", " yen", "Australian dollar ", " pounds", " sterling", "JPY", "FY2023", "2003-04", "January-November",
]  # fmt: skip
MONEY_TEXTS = st.lists(
    st.one_of(st.sampled_from(MONEY_PIECES), st.sampled_from(SPECIALS), st.text(max_size=6)), max_size=40
).map("".join)


@given(st.one_of(MONEY_TEXTS, TEXTS))
@example("")
@example("$1,")  # a thousands separator with no digits after it
@example("$1.")  # a decimal point with no digits after it
@example("$١٢٣ billion")  # Arabic-Indic digits are \d to re, and float() reads them
@example("$１２ bn")  # fullwidth digits likewise
@example("$²")  # a superscript two is \d-like to str.isdigit but not to re: no amount
@example("$" + "9" * 400 + " trillion")  # a number too big for a float is infinite
@example("1.5 billion, then 2 billion USD and $3bn-4 trillion")
def test_amounts_slice_the_text_and_have_finite_values(text):
    previous_end = 0
    for amount in xivn.trade.parse_amounts(text):
        assert text[amount.start : amount.end] == amount.text != ""
        assert previous_end <= amount.start, "amounts overlap or are out of order"
        previous_end = amount.end
        assert math.isfinite(amount.value) and amount.value >= 0
        assert amount.high is None or (math.isfinite(amount.high) and amount.high >= 0)
        assert math.isfinite(amount.rounding) and amount.rounding >= 0
        assert amount.currency
    unit = xivn.trade.parse_unit(text)
    assert unit is None or (unit[0] and math.isfinite(unit[1]) and unit[1] > 0)


# Context words that cannot glue onto an amount: letters only (no digits, no currency symbols),
# and none of the currency, scale or qualifier words of xivn/money.py.
RESERVED = {w.lower() for w in [*SCALES_BN, *PREFIX_CURRENCY, *SUFFIX_CURRENCY, "us", "american", "dollars", "euros"]}
WORD = st.text(st.characters(categories=["L", "M"]), min_size=1, max_size=10).filter(
    lambda w: w.lower() not in RESERVED and w.lower().rstrip("s") not in RESERVED
)
PUNCTUATION = st.sampled_from([*"!?;:()[]{}\"'“”‘’«»/&*#@=+<>|~^_…·—", "\u200b", "\xa0", "😀", "中"])
CONTEXT = st.lists(st.one_of(WORD, PUNCTUATION, st.sampled_from(SPECIALS)), max_size=15).map(" ".join)
LEFT_EDGE = st.sampled_from([" ", "\n", "\t", " (", " “", ": ", "; ", "\u3000", "\n- "])
RIGHT_EDGE = st.sampled_from([" ", "\n", ".", ",", ";", ")", "”", "!", "?", ". ", "\r\n"])
AMOUNT_FORMS = [
    ("$175.57 billion", 175.57, "USD"),
    ("USD 57.7bn", 57.7, "USD"),
    ("234.9 billion U.S. dollars", 234.9, "USD"),
    ("US$171.9 bn", 171.9, "USD"),
    ("$1,234.5 million", 1.2345, "USD"),
    ("1.45 trillion yuan", 1450.0, "CNY"),
    ("VND 5 trillion", 5000.0, "VND"),
    ("€3bn", 3.0, "EUR"),
]


@pytest.mark.parametrize(("written", "value", "currency"), AMOUNT_FORMS)
def test_amount_forms_alone(written, value, currency):
    # the metamorphic test below compares against these readings, so pin them first
    (amount,) = xivn.trade.parse_amounts(written)
    assert (amount.start, amount.end, amount.currency) == (0, len(written), currency)
    assert amount.value == pytest.approx(value)


@given(CONTEXT, LEFT_EDGE, st.sampled_from(AMOUNT_FORMS), RIGHT_EDGE, CONTEXT)
@example("", "", AMOUNT_FORMS[0], "", "")
@example("about", " ", AMOUNT_FORMS[0], ".", "")  # a hedge stays outside the span
@example("x" * 100_000, " ", AMOUNT_FORMS[2], " ", "y" * 100_000)  # on a very long line
def test_an_amount_keeps_its_reading_in_any_surroundings(before, left, form, right, after):
    written, value, currency = form
    text = f"{before}{left}{written}{right}{after}"
    start = len(before) + len(left)
    found = [a for a in xivn.trade.parse_amounts(text) if a.start == start]
    assert len(found) == 1, f"{written!r} not found in {text!r}"
    (amount,) = found
    assert (amount.end, amount.text, amount.currency) == (start + len(written), written, currency)
    assert amount.value == pytest.approx(value)


NOT_MONEY = st.one_of(
    st.integers(1900, 2100).map(str),  # a year
    st.builds("{}-{}".format, st.integers(1900, 2100), st.integers(1900, 2100)),  # a range of years
    st.builds("{} dollars".format, st.integers(1900, 2100)),  # a price base: "in constant 2015 dollars"
    st.builds("{}%".format, st.decimals(0, 1000, places=1)),
    st.builds("{} percent".format, st.integers(0, 100)),
    st.from_regex(r"\+84 \d{2} \d{4} \d{4}", fullmatch=True),  # a phone number
    st.from_regex(r"0\d{9}", fullmatch=True),  # a mobile number
    st.from_regex(r"\(0\d{2}\) \d{4}-\d{4}", fullmatch=True),
    st.from_regex(r"\d{6,15}", fullmatch=True),  # a run of digits
)


@given(CONTEXT, st.sampled_from(["", "$175.57 billion ", "USD 57.7bn, "]), LEFT_EDGE, NOT_MONEY, RIGHT_EDGE, CONTEXT)
@example("in", "", " ", "2023-2026", ".", "")
@example("in constant", "", " ", "2015 dollars", ".", "")
@example("", "$175.57 billion ", " ", "2023", ",", "")  # a year after an amount is still a year
def test_years_percentages_and_phone_numbers_are_not_money(before, amount, left, number, right, after):
    text = f"{before}{left}{amount}{number}{right}{after}"
    start = len(before) + len(left) + len(amount)
    end = start + len(number)
    assert [a.text for a in xivn.trade.parse_amounts(text) if a.start < end and start < a.end] == []


# Pathological inputs for backtracking: long runs of what the patterns try to repeat. A linear parse
# of 50,000 amounts takes about 2 CPU seconds; a catastrophic pattern takes minutes. The deadline is
# per example and wide, so a busy shared machine does not fail a parser that is fine.
PATHOLOGICAL = ["1,", "1", "1.", "$", "$1 ", "billion ", " ", "US ", "US$", "1-", "1 to ", "about ", "U.S. ", ",",
                "1 billion US ", "1 dollars ", "dollars ", "\n", "1,000", "$1,", "bn ", "1 bn US dollars "]  # fmt: skip


@settings(deadline=timedelta(seconds=30))
@given(st.sampled_from(PATHOLOGICAL), st.integers(1, 50_000))
@example("1,", 50_000)
@example("$1 ", 50_000)
@example("1 dollars ", 50_000)
def test_long_runs_parse_quickly(piece, times):
    text = piece * times
    xivn.trade.parse_amounts(text)
    xivn.trade.parse_unit(text)


# --- the analyses on whole corpora -------------------------------------------------------------


def _seed_sentences() -> list[str]:
    seeds = xivn.load_corpus()
    return sorted(set(seeds.sentences["text"]))


SEED_SENTENCES = _seed_sentences()
CHROME_ONLY = "Skip to content\n\nWe use cookies to improve your experience. Accept all cookies.\n\nRelated Stories\n"
# Long lines without a line break. The amounts come one per sentence: the trade resolver looks at
# the whole sentence for every amount in it, so a sentence of thousands of amounts is quadratic
# (a known limit, see test_many_amounts_in_one_sentence below).
LONG_LINE = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["x", "word ", "Trade hit $1bn. ", "Xi said. ", "1,", "rare earths ", "😀", "a\u0301", "\x07"]),
    st.integers(min_value=200, max_value=4_000),
)
JUNK = st.one_of(st.sampled_from(SPECIALS), st.text(max_size=15), st.sampled_from(MONEY_PIECES))
LINE = st.lists(st.one_of(st.sampled_from(SEED_SENTENCES), st.sampled_from(SEED_SENTENCES), JUNK), max_size=8).map(
    " ".join
)
DOCUMENT = st.one_of(
    st.lists(st.one_of(LINE, LINE, LINE, LONG_LINE), min_size=1, max_size=10).map(
        lambda lines: "\n".join(lines) if len(lines) % 2 else "\n\n".join(lines)
    ),
    st.just(CHROME_ONLY),
    st.just(MESSY_PAGE),
)
CORPORA = st.lists(DOCUMENT, min_size=1, max_size=3)
HUGE_LINE = re.sub(r"\s", " ", " ".join(SEED_SENTENCES) * 10)[:100_000]  # 100 KB without a line break


# Documented columns of the tables that have no column constant in their module.
TONE = ["doc_id", "sent_id", "start", "end", "quote", "n_words", "compound_raw", "compound", "polarity",
        "hedge", "booster", "attitude"]  # fmt: skip
REWRITES = ["doc_a", "doc_b", "j5", "j3", "c3_ab", "c3_ba", "cos_doc", "coverage_ab", "coverage_ba", "is_derivation",
            "original", "derived", "votes_for", "votes_against", "signals", "confidence"]  # fmt: skip


def corpus_of(texts: list[str]) -> Corpus:
    """An in-memory corpus of the texts (doc ids ``d0``, ``d1``, ...) as the loader would make it, stated
    to be English so that every analysis reads them (random text may be detected as another language)."""
    english = {f"d{i}": {"language": "en"} for i in range(len(texts))}
    return Corpus([RawDocument(f"d{i}", Path(f"d{i}.txt"), t, "", "utf-8") for i, t in enumerate(texts)], english, None)


def assert_provenance(table: pd.DataFrame, corpus: Corpus, columns: tuple[str, ...] | list[str]) -> None:
    """The documented columns, and every row slices its document back to its quote."""
    assert list(table.columns) == list(columns)
    mismatches = offset_mismatches(table, corpus, text_column="quote")
    assert mismatches.empty, mismatches[["doc_id", "start", "end", "quote"]].head().to_dict("records")
    for doc_id, start, end in zip(table["doc_id"], table["start"], table["end"], strict=True):
        assert 0 <= start <= end <= len(corpus.text(doc_id))


def hostile_corpora(test):
    """Run ``test`` on generated corpora and on a few fixed hard cases."""
    test = example([CHROME_ONLY])(test)  # nothing but page chrome
    test = example([HUGE_LINE])(test)  # one 100 KB line
    test = example(["\x00\x07\x1b" * 50 + SEED_SENTENCES[0], "😀\u0301" * 200])(test)
    test = example([SEED_SENTENCES[0]] * 3)(test)  # three identical documents
    return given(CORPORA)(test)


@hostile_corpora
def test_trade_tables_keep_their_provenance(texts):
    corpus = corpus_of(texts)
    found = xivn.trade.amounts(corpus)
    assert_provenance(found, corpus, AMOUNTS)
    assert found["value_bn"].map(math.isfinite).all()
    figures = xivn.trade.trade_figures(corpus)
    assert_provenance(figures, corpus, TRADE_FIGURES)
    assert_parties_are_stated(figures, corpus)


def assert_parties_are_stated(figures: pd.DataFrame, corpus: Corpus) -> None:
    """No trade row has a party its document does not name, and a missing party is said."""
    for row in figures.itertuples(index=False):
        named = {m.country for m in country_mentions(corpus.text(row.doc_id))}
        assert {row.reporter, row.partner} - {""} <= named, row
        assert (row.resolved_from == "unresolved") == ("" in (row.reporter, row.partner)), row
    assert set(figures["resolved_from"]) <= set(PARTY_LEVELS)


@hostile_corpora
def test_deal_tables_keep_their_provenance(texts):
    corpus = corpus_of(texts)
    assert_provenance(xivn.deals.deal_mentions(corpus), corpus, MENTIONS)
    assert_provenance(xivn.deals.deal_counts(corpus), corpus, COUNTS)


@hostile_corpora
def test_rare_earth_tables_keep_their_provenance(texts):
    corpus = corpus_of(texts)
    assert_provenance(xivn.rare_earths.concordance(corpus), corpus, CONCORDANCE)
    assert_provenance(xivn.rare_earths.rare_earth_claims(corpus), corpus, CLAIMS)


@hostile_corpora
def test_framing_tables_keep_their_provenance(texts):
    corpus = corpus_of(texts)
    evidence = xivn.framing.frame_evidence(corpus)
    assert_provenance(evidence, corpus, EVIDENCE)
    cues = evidence.rename(columns={"start": "_s", "end": "_e", "cue_start": "start", "cue_end": "end"})
    assert offset_mismatches(cues, corpus, text_column="cue").empty
    table = xivn.framing.tone(corpus)
    assert_provenance(table, corpus, TONE)
    assert table[["compound", "compound_raw"]].abs().le(1).all().all()
    assert_provenance(xivn.framing.voices(corpus), corpus, VOICES)


@hostile_corpora
def test_keyness_and_rewrites_keep_their_provenance(texts):
    corpus = corpus_of(texts)
    assert_provenance(xivn.framing.keyness(corpus), corpus, KEYNESS)
    table = xivn.framing.rewrites(corpus)
    assert list(table.columns) == REWRITES
    assert len(table) == len(texts) * (len(texts) - 1) // 2  # every pair, once
    if len(texts) >= 2:
        alignment = xivn.framing.align(corpus, "d0", "d1")
        assert_provenance(alignment_spans(alignment), corpus, ["side", "status", "doc_id", "sent_id", "start", "end",
                                                               "quote"])  # fmt: skip


@settings(deadline=timedelta(seconds=20))
@given(st.sampled_from(["$1bn, ", "exports of $1bn and ", "$1 "]))
def test_many_amounts_in_one_sentence(piece):
    # 500 amounts in one sentence without a break: each is found, and all resolve in seconds
    corpus = corpus_of(["Vietnam's exports to China were " + piece * 500 + "."])
    assert len(xivn.trade.amounts(corpus)) == 500
    figures = xivn.trade.trade_figures(corpus)
    assert_provenance(figures, corpus, TRADE_FIGURES)
    assert set(zip(figures["reporter"], figures["partner"], strict=True)) == {("Vietnam", "China")}


def test_one_document_has_no_keyness_and_no_rewrites():
    # keyness compares a document with the rest, rewrites compare pairs: with one document both are
    # empty tables with their columns; aligning a document with itself is a parameter error
    corpus = corpus_of([SEED_SENTENCES[0]])
    assert xivn.framing.keyness(corpus).empty and list(xivn.framing.keyness(corpus).columns) == list(KEYNESS)
    assert xivn.framing.rewrites(corpus).empty and list(xivn.framing.rewrites(corpus).columns) == REWRITES
    with pytest.raises(xivn.errors.ParameterError, match="same document"):
        xivn.framing.align(corpus, "d0", "d0")


def test_the_huge_line_is_one_line_of_100_kb():
    assert len(HUGE_LINE) == 100_000 and not re.search(r"[\r\n]", HUGE_LINE)
