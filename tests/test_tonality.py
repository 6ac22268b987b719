"""Tone and certainty: VADER offline with masks, stance markers and their disambiguation, seed facts."""

from __future__ import annotations

import pytest

from xivn.corpus.checks import offset_mismatches
from xivn.framing.lexicon import fold
from xivn.framing.tonality import (
    load_stance_lexicon,
    markers_in,
    mask,
    stance_markers,
    tone,
    tone_profile,
    vader_compound,
)


def test_vader_scores_offline_and_masks_misread_names():
    lexicon = load_stance_lexicon()
    assert vader_compound("This is a good and happy outcome.") > 0.5
    sentence = "Officials of the United States met in Hanoi."
    assert vader_compound(sentence) > 0  # "united" reads positive in VADER's lexicon
    assert vader_compound(mask(sentence, lexicon.masks)) == 0
    assert len(mask(sentence, lexicon.masks)) == len(sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade rose about 5% last year.", [("hedge", "about ")]),  # approximator before a number
        ("They talked about the deal.", []),  # "about" without a number is not a hedge
        ("The summit on May 12 went ahead.", []),  # the month, not the modal
        ("The deal may be limited.", [("hedge", "may")]),
        ("Data centres could be key areas.", [("hedge", "could"), ("attitude", "key ")]),
        ("This underscores a historic shift.", [("booster", "underscores"), ("attitude", "historic")]),
    ],
)
def test_stance_markers_are_disambiguated(text, expected):
    found = [(category, fold(text)[a:b]) for category, a, b in markers_in(text, load_stance_lexicon())]
    assert found == expected


@pytest.fixture(scope="module")
def seed_tone(seeds):
    return tone(seeds)


def test_rewrite_is_more_evaluative_and_less_hedged_than_its_original(seed_tone, seeds):
    profile = tone_profile(seed_tone, seeds, draws=300, seed=3).set_index("doc_id")
    wire, rewrite = profile.iloc[0], profile.iloc[3]
    assert rewrite["attitude_per_1000"] > wire["attitude_per_1000"]
    assert rewrite["hedge_per_1000"] < wire["hedge_per_1000"]
    assert (profile["ci_low"] <= profile["median_tone"]).all() and (profile["median_tone"] <= profile["ci_high"]).all()
    assert (profile["n_positive"] + profile["n_negative"] <= profile["n_sentences"]).all()


def test_tone_and_markers_point_at_their_words(seed_tone, seeds):
    assert offset_mismatches(seed_tone, seeds, text_column="quote").empty
    markers = stance_markers(seeds)
    assert offset_mismatches(markers, seeds, text_column="quote").empty
    per_sentence = seed_tone[["hedge", "booster", "attitude"]].to_numpy().sum()
    assert per_sentence == len(markers)


def test_rates_are_per_article_word_as_the_overview_counts_them(seed_tone, seeds):
    profile = tone_profile(seed_tone, seeds, draws=50, seed=3).set_index("doc_id")
    words = seeds.documents.set_index("doc_id")["n_words"]
    assert profile["n_words"].to_dict() == words.to_dict()
    rewrite = profile.iloc[3]
    assert rewrite["n_words"] == 619  # the overview's count, not the 616 words of its split sentences
    assert rewrite["attitude_per_1000"] == round(1000 * rewrite["attitude"] / 619, 1)
