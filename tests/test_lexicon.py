"""Folding and tokenising for the framing analyses: offsets survive, spelling variants meet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xivn.framing.lexicon import fold, per_thousand, quotation_spans, tokens, words


@given(st.text())
def test_fold_keeps_the_length_so_offsets_stay_valid(text):
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. officials", ["us", "officials"]),  # the dotted abbreviation becomes the country token
        ("co-operation and cooperation", ["cooperation", "and", "cooperation"]),  # British hyphen folded
        ("Kunming-Haiphong rail", ["kunming", "haiphong", "rail"]),  # other compounds are split
        ("Xi’s visit", ["xi", "visit"]),  # curly possessive dropped
        ("a 5G network", ["a", "5g", "network"]),  # digit-letter words stay whole
        ("$175.57 billion", ["175.57", "billion"]),  # decimals are one token
    ],
)
def test_tokens_normalise_spelling_variants(text, expected):
    assert words(text) == expected


def test_token_offsets_point_at_the_raw_words():
    text = "Hanoi’s co-operation with the U.S. grew."
    for token in tokens(text, offset=100):
        raw = text[token.start - 100 : token.end - 100]
        assert fold(raw).lower().replace("-", "").replace(".", "") in {token.text, token.text + "'s"}


def test_quotation_spans_skip_apostrophes():
    text = fold("Xi’s ‘strategic’ choice and “a shared future”")
    assert [text[a:b] for a, b in quotation_spans(text)] == ["strategic", "a shared future"]


def test_per_thousand_handles_empty_documents():
    assert per_thousand(3, 600) == 5.0
    assert per_thousand(3, 0) == 0.0


@given(st.text(alphabet=st.sampled_from(list("aAbU.sS-'’ 0123,–İ\u00a0co")), max_size=60))
def test_words_are_the_texts_of_the_tokens(text):
    assert words(text) == [token.text for token in tokens(text)]


def test_words_are_the_texts_of_the_tokens_on_the_seeds(seeds):
    for text in seeds.sentences["text"]:
        assert words(text) == [token.text for token in tokens(text)]
