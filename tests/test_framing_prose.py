"""The framing notebook's computed sentences: empty, one, many, missing values, hostile corpus text.

Expected strings are written by hand. A label such as ``*Evil* $x$ <b>`` must come out escaped
(``\\*Evil\\* \\$x\\$ &lt;b\\>``), never as raw Markdown, maths or HTML.
"""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from xivn.display.markdown import Markdown
from xivn.event import EventProfile
from xivn.event.profile import Slogan
from xivn.framing import prose
from xivn.framing.frames import Gloss

EVIL = "*Evil* $x$ <b>"
EVIL_MD = r"\*Evil\* \$x\$ &lt;b\>"


def text(markdown: Markdown) -> str:
    assert isinstance(markdown, Markdown)
    return markdown.data


# ----------------------------------------------------------------------------- generic wording
def test_of_total_puts_the_noun_in_the_number_of_the_total():
    assert prose.of_total(1, 1, "text") == "1 of 1 text"
    assert prose.of_total(3, 5, "text") == "3 of 5 texts"
    assert prose.of_total(0, 1200, "sentence") == "0 of 1,200 sentences"
    assert prose.of_total(1, 2, "country", "countries") == "1 of 2 countries"


def test_agrees_picks_the_verb_for_one_and_for_other_counts():
    assert prose.agrees(1, "is", "are") == "is"
    assert prose.agrees(0, "is", "are") == "are"
    assert prose.agrees(2, "uses", "use") == "use"


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, np.nan])
def test_percent_and_signed_say_n_a_for_missing_values(missing):
    assert prose.percent(missing) == "n/a"
    assert prose.signed(missing) == "n/a"


def test_percent_and_signed_format_numbers():
    assert prose.percent(0.238) == "24%"
    assert prose.signed(0.296) == "+0.30"
    assert prose.signed(-0.125, 1) == "-0.1"


# -------------------------------------------------------------------------------- bottom line
def profile(rows):
    return pd.DataFrame(rows, columns=["doc_id", "frame_id", "n_sentences", "n_article_sentences"])


def found(rows=()):
    return pd.DataFrame(list(rows), columns=["derived", "original", "votes_for", "signals", "confidence"])


def test_bottom_line_of_an_empty_corpus():
    assert text(prose.bottom_line(profile([]), found(), {})) == (
        "**Bottom line.** No text is analysed. No pair of texts passes the rewrite rule."
    )


def test_bottom_line_of_one_text_without_the_frame():
    table = profile([("a", "symbolic_outcome", 0, 10), ("a", "conflict", 2, 10)])
    assert text(prose.bottom_line(table, found(), {"a": "A"})) == (
        "**Bottom line.** The text does not use the symbolic-vs-substantive frame. "
        "No pair of texts passes the rewrite rule."
    )


def test_bottom_line_of_several_texts_none_with_the_frame():
    table = profile([("a", "symbolic_outcome", 0, 10), ("b", "symbolic_outcome", 0, 3)])
    assert text(prose.bottom_line(table, found(), {"a": "A", "b": "B"})) == (
        "**Bottom line.** None of the 2 texts uses the symbolic-vs-substantive frame. "
        "No pair of texts passes the rewrite rule."
    )


def test_bottom_line_of_many_texts_names_users_and_absentees_and_the_rewrite():
    table = profile(
        [
            ("a", "symbolic_outcome", 1, 1),
            ("a", "conflict", 1, 1),
            ("b", "symbolic_outcome", 2, 4),
            ("c", "symbolic_outcome", 0, 5),
        ]
    )
    rewrite = found([("b", "a", 1, 1, "low"), ("c", "a", 3, 4, "high")])
    assert text(prose.bottom_line(table, rewrite, {"a": "A", "b": "B", "c": "C"})) == (
        "**Bottom line.** The symbolic-vs-substantive frame appears in 2 of 3 texts "
        "(A: 1 of 1 sentence, B: 2 of 4 sentences; absent from C). "
        "*B* is a rewrite of *A* (1 of 1 direction signal agrees; confidence low)."
    )


def test_bottom_line_with_missing_values():
    table = profile([("a", "symbolic_outcome", np.nan, 3), ("b", "symbolic_outcome", 2, None)])
    rewrite = found([("b", "a", np.nan, 4, None)])
    assert text(prose.bottom_line(table, rewrite, {"a": None, "b": "B"})) == (
        "**Bottom line.** The symbolic-vs-substantive frame appears in 1 of 2 texts "
        "(B: 2 of 0 sentences; absent from a). "
        "*B* is a rewrite of *a* (0 of 4 direction signals agree)."
    )


def test_bottom_line_escapes_labels():
    table = profile([("a", "symbolic_outcome", 1, 2), ("b", "symbolic_outcome", 0, 2)])
    result = text(prose.bottom_line(table, found([("b", "a", 2, 2, "high")]), {"a": EVIL, "b": "[x](javascript:1)"}))
    assert f"({EVIL_MD}: 1 of 2 sentences; absent from \\[x\\]\\(javascript:1\\))" in result
    assert f"*\\[x\\]\\(javascript:1\\)* is a rewrite of *{EVIL_MD}*" in result
    assert EVIL not in result and "<b>" not in result


# -------------------------------------------------------------------------------- lead frames
def shown(rows):
    columns = ["doc_id", "label", "frame_id", "frame_label", "n_sentences", "n_article_sentences", "share"]
    return pd.DataFrame(rows, columns=[*columns, "wilson_low", "wilson_high"])


def test_lead_frames_without_frame_sentences():
    assert text(prose.lead_frames(shown([]), 0, 0)) == "No frame cue fires in any sentence of this corpus."
    zeros = shown([("a", "A", "conflict", "Conflict", 0, 5, 0.0, 0.0, 0.0)])
    assert text(prose.lead_frames(zeros, 1, 1)) == "No frame cue fires in any sentence of this corpus."


def test_lead_frames_of_one_text():
    table = shown([("a", "A", "conflict", "Conflict", 1, 1, 1.0, 0.1, 0.9)])
    assert text(prose.lead_frames(table, 1, 1)) == (
        "Each text's most frequent frame: *A* — Conflict (1 of 1 sentence, 95% Wilson interval 10%–90%)."
    )


def test_lead_frames_of_many_texts_picks_each_texts_largest_share_and_says_how_many_are_shown():
    table = shown(
        [
            ("a", "A", "conflict", "Conflict", 1, 10, 0.1, 0.0, 0.3),
            ("a", "A", "morality", "Morality", 4, 10, 0.4, 0.1, 0.7),
            ("b", "B", "conflict", "Conflict", 2, 5, 0.4, 0.0, 0.8),
            ("b", "B", "morality", "Morality", 2, 5, 0.4, 0.0, 0.8),
        ]
    )
    assert text(prose.lead_frames(table, 20, 2)) == (
        "Each text's most frequent frame: *A* — Morality (4 of 10 sentences, 95% Wilson interval 10%–70%); "
        "*B* — Conflict (2 of 5 sentences, 95% Wilson interval 0%–80%). "
        "Shown: the 2 of 20 documents with the most frame sentences."
    )


def test_lead_frames_with_missing_values():
    table = shown([("a", "A", "conflict", None, 3, np.nan, 0.5, np.nan, None)])
    assert text(prose.lead_frames(table, 1, 1)) == (
        "Each text's most frequent frame: *A* —  (3 of 0 sentences, 95% Wilson interval n/a–n/a)."
    )


def test_lead_frames_escapes_labels_and_frame_labels():
    table = shown([("a", EVIL, "x", "Trade & *money*", 1, 2, 0.5, 0.2, 0.8)])
    assert text(prose.lead_frames(table, 1, 1)) == (
        f"Each text's most frequent frame: *{EVIL_MD}* — Trade &amp; \\*money\\* "
        "(1 of 2 sentences, 95% Wilson interval 20%–80%)."
    )


# --------------------------------------------------------------------------------- own claims
def symbolic(rows):
    return pd.DataFrame(rows, columns=["doc_id", "attributed"])


def test_own_claims_of_no_sentence():
    assert text(prose.own_claims(symbolic([]), {}, [], 20)) == (
        "No sentence of this corpus carries the symbolic-vs-substantive frame."
    )


def test_own_claims_of_one_sentence():
    assert text(prose.own_claims(symbolic([("a", False)]), {"a": "A"}, ["a"], 20)) == (
        "*A*: 1 of 1 symbolic-outcome sentence is the author's own claim."
    )


def test_own_claims_of_many_sentences_counts_the_texts_not_shown_and_the_rows_cut():
    rows = symbolic([("a", False), ("a", True), ("a", False), ("b", False)])
    assert text(prose.own_claims(rows, {"a": "A", "b": "B"}, ["a"], 2)) == (
        "*A*: 2 of 3 symbolic-outcome sentences are the author's own claim. In all 2 texts: 3 of 4 sentences. "
        "The table shows the first 2 of 4 sentences."
    )


def test_own_claims_when_no_text_with_the_frame_is_shown():
    rows = symbolic([("b", True), ("c", False)])
    assert text(prose.own_claims(rows, {"b": "B", "c": "C"}, ["a"], 20)) == "In all 2 texts: 1 of 2 sentences."


def test_own_claims_counts_a_text_with_the_frame_that_is_not_shown():
    rows = symbolic([("b", False)])
    assert text(prose.own_claims(rows, {"b": "B"}, ["a", "c"], 20)) == "In all 1 text: 1 of 1 sentence."


def test_own_claims_reads_a_missing_attribution_as_the_authors_own():
    rows = symbolic([("a", None), ("a", np.nan), ("a", True)])
    assert text(prose.own_claims(rows, {"a": "A"}, ["a"], 20)) == (
        "*A*: 2 of 3 symbolic-outcome sentences are the author's own claim."
    )


def test_own_claims_escapes_labels():
    assert text(prose.own_claims(symbolic([("a", True), ("a", True)]), {"a": EVIL}, ["a"], 20)) == (
        f"*{EVIL_MD}*: 0 of 2 symbolic-outcome sentences are the author's own claim."
    )


# ---------------------------------------------------------------------------------- agreement
def agreement(rows):
    return pd.DataFrame(rows, columns=["frame_id", "n", "kappa"])


def test_agreement_without_hand_coded_sentences():
    expected = "None of the hand-coded sentences is in this corpus, so agreement cannot be measured here."
    assert text(prose.agreement_range(agreement([]))) == expected
    assert text(prose.agreement_range(agreement([("a", 0, np.nan), ("b", 0, None)]))) == expected


def test_agreement_of_one_frame():
    assert text(prose.agreement_range(agreement([("a", 1, 0.5)]))) == (
        "On 1 hand-coded sentence, Cohen's kappa ranges from 0.50 to 0.50 over 1 frame (median 0.50); "
        "no frame is undefined."
    )


def test_agreement_of_many_frames_with_undefined_ones():
    table = agreement([("a", 40, 0.9), ("b", 40, 1.0), ("c", 40, 0.6), ("d", 40, np.nan)])
    assert text(prose.agreement_range(table)) == (
        "On 40 hand-coded sentences, Cohen's kappa ranges from 0.60 to 1.00 over 3 frames (median 0.90); "
        "1 frame is undefined (absent from the sample)."
    )
    table = agreement([("a", 40, 0.9), ("d", 40, np.nan), ("e", 40, None)])
    assert "; 2 frames are undefined (absent from the sample)." in text(prose.agreement_range(table))


def test_agreement_with_a_missing_count():
    table = agreement([("a", np.nan, 0.5), ("b", 12, 0.7)])
    assert text(prose.agreement_range(table)).startswith("On 12 hand-coded sentences, Cohen's kappa ranges from 0.50")


# ------------------------------------------------------------------------------- tone, stance
def tones(rows):
    columns = ["doc_id", "label", "n_sentences", "n_words", "median_tone", "ci_low", "ci_high", "attitude"]
    return pd.DataFrame(rows, columns=[*columns, "attitude_per_1000", "hedge", "hedge_per_1000"])


def test_tone_of_a_corpus_without_sentences():
    expected = "This corpus has no article sentences to score."
    assert text(prose.tone_and_stance(tones([]), 0, 0)) == expected
    assert text(prose.tone_and_stance(tones([("a", "A", 0, 0, np.nan, np.nan, np.nan, 0, 0, 0, 0)]), 1, 1)) == expected


def test_tone_of_one_text():
    table = tones([("a", "A", 10, 100, 0.2, 0.0, 0.4, 1, 10.0, 0, 0.0)])
    assert text(prose.tone_and_stance(table, 1, 1)) == (
        "*A* uses the most evaluative words (1 in its 100 article words, 10.0 per 1,000); no text hedges. "
        "Fewer than two texts have a median tone, so there is no difference to test."
    )


def test_tone_of_many_texts_with_overlapping_and_separate_intervals():
    table = tones(
        [
            ("a", "A", 10, 1000, 0.2, 0.0, 0.4, 5, 5.0, 3, 3.0),
            ("b", "B", 12, 500, 0.3, 0.1, 0.5, 5, 10.0, 1, 2.0),
        ]
    )
    assert text(prose.tone_and_stance(table, 30, 2)) == (
        "*B* uses the most evaluative words (5 in its 500 article words, 10.0 per 1,000); "
        "*A* hedges most (3, 3.0 per 1,000). "
        "All median-tone intervals overlap: tone differences between these texts are within noise. "
        "Shown: the 2 of 30 documents with the most frame sentences."
    )
    table.loc[1, ["median_tone", "ci_low", "ci_high"]] = [0.8, 0.6, 0.9]
    assert "Some median-tone intervals do not overlap: the lowest and highest medians differ beyond noise." in text(
        prose.tone_and_stance(table, 2, 2)
    )


def test_tone_with_missing_values():
    table = tones(
        [
            ("a", "A", 10, 100, np.nan, np.nan, np.nan, np.nan, np.nan, None, None),
            ("b", "B", 5, 80, 0.1, 0.0, 0.2, 0, 0.0, 0, 0.0),
        ]
    )
    assert text(prose.tone_and_stance(table, 2, 2)) == (
        "No text uses evaluative words; no text hedges. "
        "Fewer than two texts have a median tone, so there is no difference to test."
    )


def test_tone_escapes_labels():
    table = tones([("a", EVIL, 10, 100, 0.2, 0.0, 0.4, 1, 10.0, 2, 20.0)])
    result = text(prose.tone_and_stance(table, 1, 1))
    assert result.startswith(f"*{EVIL_MD}* uses the most evaluative words")
    assert f"*{EVIL_MD}* hedges most (2, 20.0 per 1,000)" in result


# ------------------------------------------------------------------------------------ voices
def voices(classes):
    """A voices table of speakers of these classes; a class ending in "_officials" is an official."""
    classes = list(classes)
    official = [None if c is None else c.endswith("_officials") for c in classes]
    return pd.DataFrame({"speaker_class": classes, "official": official}, dtype=object)


def mix(rows):
    return pd.DataFrame(rows, columns=["doc_id", "total", "per_1000_words"])


REST = "the rest cite analysts, unnamed diplomats, media, documents or the publisher."


def test_attribution_rates_of_an_empty_corpus():
    assert (
        text(prose.attribution_rates(voices([]), mix([]), {}, 0, 0)) == "The corpus has no texts, so nobody is quoted."
    )


def test_attribution_rates_of_texts_nobody_is_quoted_in():
    assert text(prose.attribution_rates(voices([]), mix([("a", 0, 0.0)]), {"a": "A"}, 1, 1)) == (
        "Attributions per 1,000 words (count): *A* 0.0 (0). No text quotes or cites a source."
    )


def test_attribution_rates_of_one_attribution():
    result = prose.attribution_rates(voices(["chinese_officials"]), mix([("a", 1, 5.0)]), {"a": "A"}, 1, 1)
    assert text(result) == (
        f"Attributions per 1,000 words (count): *A* 5.0 (1). 1 attribution quotes officials by office or name; {REST}"
    )


def test_attribution_rates_of_many_attributions_with_a_cut():
    table = voices(["chinese_officials", "analysts", "us_officials", "vietnamese_officials", "media"])
    result = prose.attribution_rates(table, mix([("a", 3, 17.3), ("b", 2, 4.0)]), {"a": "A", "b": "B"}, 40, 2)
    assert text(result) == (
        "Attributions per 1,000 words (count): *A* 17.3 (3); *B* 4.0 (2). "
        f"3 attributions quote officials by office or name; {REST} "
        "Shown: the 2 of 40 documents with the most frame sentences."
    )


def test_attribution_rates_with_missing_values():
    result = prose.attribution_rates(voices([None, "analysts"]), mix([("a", np.nan, None)]), {"a": None}, 1, 1)
    assert text(result) == (
        f"Attributions per 1,000 words (count): *a* 0.0 (0). 0 attributions quote officials by office or name; {REST}"
    )


def test_attribution_rates_escape_labels():
    result = text(prose.attribution_rates(voices(["media"]), mix([("a", 1, 2.0)]), {"a": EVIL}, 1, 1))
    assert result.startswith(f"Attributions per 1,000 words (count): *{EVIL_MD}* 2.0 (1).")


# ----------------------------------------------------------------------------------- keyness
def keys(rows, **attrs):
    table = pd.DataFrame(rows, columns=["doc_id", "term", "rank", "z"])
    table.attrs.update(attrs)
    return table


TAIL = ": on texts this short only repeated, exclusive words stand out."


def test_keyness_without_terms():
    assert text(prose.keyness_stability(keys([]), keys([]), 0)) == (
        "Keyness needs at least two texts with repeated words; this corpus has none."
    )


def test_keyness_of_one_term():
    table = keys([("a", "x", 1, 2.0)])
    assert text(prose.keyness_stability(table, keys([("a", "x", 1, 1.0)], alpha0=100), 50)) == (
        "With a lighter prior (α0 = 100 instead of the 50 pooled words), 100% of each text's top-10 words stay in "
        "its top 10. At most 1 word per text reaches z ≥ 1.96" + TAIL
    )


def test_keyness_of_many_terms():
    table = keys([("a", "x", 1, 3.0), ("a", "y", 2, 2.5), ("b", "w", 1, 1.0)])
    lighter = keys([("a", "x", 1, 2.0), ("a", "z", 2, 1.0), ("b", "w", 1, 1.0)], alpha0=100.0)
    assert text(prose.keyness_stability(table, lighter, 1234)) == (
        "With a lighter prior (α0 = 100 instead of the 1,234 pooled words), 67% of each text's top-10 words stay in "
        "its top 10. At most 2 words per text reach z ≥ 1.96" + TAIL
    )


def test_keyness_with_missing_values():
    table = keys([("a", "x", 1, np.nan), ("a", "y", 2, None)])
    result = text(prose.keyness_stability(table, keys([("a", "y", 1, 0.5)]), 9))
    assert result == (
        "With a lighter prior (α0 = ? instead of the 9 pooled words), 50% of each text's top-10 words stay in "
        "its top 10. At most 0 words per text reach z ≥ 1.96" + TAIL
    )


def test_keyness_escapes_a_named_prior():
    lighter = keys([("a", "x", 1, 1.0)], alpha0=EVIL)
    assert f"(α0 = {EVIL_MD} instead of" in text(prose.keyness_stability(keys([("a", "x", 1, 2.0)]), lighter, 5))


# ---------------------------------------------------------------------------------- rewrites
def story(**numbers):
    keys_ = ["n_kept", "n_original", "n_added", "n_derived", "hedges_dropped", "hedges_original", "hedges_added"]
    keys_ += ["evaluative_added", "boosters_added", "attributions_dropped"]
    summary = dict.fromkeys(keys_, 1)
    summary.update(median_tone_original=0.1, median_tone_derived=-0.2)
    summary.update(numbers)
    return summary


def test_rewrite_story_without_a_rewrite():
    assert text(prose.rewrite_story({}, "", "", {}, tau=0.3, n_pairs=0, max_rows=20)) == (
        "No pair passes the rewrite rule, so there is no alignment to show."
    )
    assert text(prose.rewrite_story({}, "", "", {}, tau=0.3, n_pairs=30, max_rows=20)) == (
        "The table shows the first 20 of 30 scored pairs. No pair passes the rewrite rule, so there is no alignment "
        "to show."
    )


def test_rewrite_story_with_ones():
    result = prose.rewrite_story(story(), "a", "b", {"a": "A", "b": "B"}, tau=0.3, n_pairs=1, max_rows=20)
    assert text(result) == (
        "*B* keeps 1 of 1 sentence of *A* (aligned at TF-IDF cosine ≥ 0.3) and adds 1 of its 1 with no counterpart. "
        "In the kept sentences it drops 1 of 1 hedge (adding 1), adds 1 evaluative word and 1 booster, and loses "
        "the attribution of 1 sentence. Median sentence tone moves from +0.10 to -0.20."
    )


def test_rewrite_story_with_many_and_a_cut_table():
    numbers = story(n_kept=11, n_original=21, n_added=15, n_derived=34, hedges_dropped=5, hedges_original=7)
    numbers.update(evaluative_added=5, boosters_added=0, attributions_dropped=5, hedges_added=2)
    result = prose.rewrite_story(numbers, "a", "b", {"a": "A", "b": "B"}, tau=0.3, n_pairs=45, max_rows=20)
    assert text(result) == (
        "The table shows the first 20 of 45 scored pairs. *B* keeps 11 of 21 sentences of *A* (aligned at TF-IDF "
        "cosine ≥ 0.3) and adds 15 of its 34 with no counterpart. In the kept sentences it drops 5 of 7 hedges "
        "(adding 2), adds 5 evaluative words and 0 boosters, and loses the attribution of 5 sentences. Median "
        "sentence tone moves from +0.10 to -0.20."
    )


def test_rewrite_story_with_missing_values():
    numbers = story(median_tone_original=np.nan, median_tone_derived=None, n_kept=None, hedges_added=np.nan)
    result = text(prose.rewrite_story(numbers, "a", "b", {}, tau=0.3, n_pairs=1, max_rows=20))
    assert result.startswith("*b* keeps 0 of 1 sentence of *a*")
    assert "(adding 0)" in result
    assert result.endswith("Median sentence tone moves from n/a to n/a.")


def test_rewrite_story_escapes_labels():
    result = text(prose.rewrite_story(story(), "a", "b", {"a": EVIL, "b": "_b_"}, tau=0.3, n_pairs=1, max_rows=20))
    assert result.startswith(f"*\\_b\\_* keeps 1 of 1 sentence of *{EVIL_MD}*")


# ------------------------------------------------------------------------------------ slogan
def slogan_table(rows):
    return pd.DataFrame(rows, columns=["doc_id", "label", "mentions", "in_quotes", "meaning_note"])


def renderings(rows):
    return pd.DataFrame(rows, columns=["doc_id", "meaning", "sentence"])


SLOGAN = Slogan("community with a shared future", ("shared future",), "命运共同体")
DESTINY = Gloss("destiny", "future", re.compile("destiny"))


def use(table, sentences, n_documents, n_shown, named=SLOGAN, gloss=DESTINY):
    return text(prose.slogan_use(table, sentences, n_documents, n_shown, named=named, gloss=gloss))


def test_slogan_of_an_empty_corpus():
    assert use(slogan_table([]), renderings([]), 0, 0) == ("The corpus has no texts, so none uses the slogan.")


def test_slogan_of_one_rendering():
    table = slogan_table([("a", "A", 1, 1, False)])
    assert use(table, renderings([("a", False, "A shared future.")]), 1, 1) == (
        "1 of 1 text uses the slogan (1 rendering, 1 in quotation marks). No text mentions destiny."
    )


def test_slogan_of_many_renderings_quotes_at_most_three_distinct_destiny_sentences():
    table = slogan_table([("a", "A", 3, 2, True), ("b", "B", 0, 0, False), ("c", "C", 2, 0, True)])
    sentences = renderings(
        [("a", True, "One"), ("a", True, "One"), ("a", False, "Not"), ("c", True, "Two"), ("c", True, "Three")]
    )
    sentences = pd.concat([sentences, renderings([("c", True, "Four")])], ignore_index=True)
    assert use(table, sentences, 16, 3) == (
        "2 of 3 texts use the slogan (5 renderings, 2 in quotation marks). Destiny is mentioned by *A*, *C*: "
        "“One” / “Two” / “Three” Shown: the 3 of 16 documents with the most frame sentences."
    )


def test_slogan_with_missing_values():
    table = slogan_table([("a", "A", np.nan, None, None), ("b", "B", 2, 1, np.nan)])
    assert use(table, renderings([("b", None, "x")]), 2, 2) == (
        "1 of 2 texts uses the slogan (2 renderings, 1 in quotation marks). No text mentions destiny."
    )
    table = slogan_table([("a", "A", 1, 1, True)])
    assert use(table, renderings([("a", True, None), ("a", np.nan, "y")]), 1, 1) == (
        "1 of 1 text uses the slogan (1 rendering, 1 in quotation marks). Destiny is mentioned by *A*: "
    )


def test_slogan_escapes_labels_and_quoted_sentences():
    table = slogan_table([("a", EVIL, 1, 1, True)])
    result = use(table, renderings([("a", True, f"Destiny {EVIL}.")]), 1, 1)
    assert result == (
        f"1 of 1 text uses the slogan (1 rendering, 1 in quotation marks). Destiny is mentioned by *{EVIL_MD}*: "
        f"“Destiny {EVIL_MD}\\.”"
    )


# ----------------------------------------------------------------------------- who republished whom
def republished(*rows: tuple) -> pd.DataFrame:
    """A republications table from (source, source_outlet, source_date, republished_by, n_copies) rows."""
    columns = ["source", "source_outlet", "source_date", "republished_by", "n_copies"]
    return pd.DataFrame(rows, columns=columns)


def test_who_republished_says_plainly_when_no_text_is_a_copy():
    assert text(prose.who_republished(republished(), 20)) == (
        "No text here is a copy of another, so no outlet republished another's story."
    )


def test_who_republished_one_story_with_hostile_names():
    table = republished((EVIL, "Global Wire", "2023-12-12", f"Mekong Daily; {EVIL}", 2))
    assert text(prose.who_republished(table, 20)) == (
        f"One story was republished: *{EVIL_MD}* (Global Wire, 2023\\-12\\-12), copied by Mekong Daily, {EVIL_MD}."
    )


def test_who_republished_many_stories_with_an_undated_source():
    table = republished(("Wire", "", "", "A; B", 2), ("Brief", "VNA", "2023-12-11", "C", 1))
    assert text(prose.who_republished(table, 20)) == (
        "2 stories were republished, in 3 copies in all; the most copied, *Wire* (undated), was republished by A, B."
    )


def test_who_republished_says_when_the_table_is_cut():
    table = republished(("Wire", "", "", "A; B", 2), ("Brief", "VNA", "2023-12-11", "C", 1), ("Note", "", "", "D", 1))
    assert text(prose.who_republished(table, 2)) == (
        "3 stories were republished, in 4 copies in all; the most copied, *Wire* (undated), was republished by A, "
        "B. The table shows the first 2 of 3 groups."
    )


def test_slogan_without_a_gloss_counts_renderings_only():
    table = slogan_table([("a", "A", 2, 1, False)])
    assert use(table, renderings([("a", False, "x")]), 1, 1, gloss=None) == (
        "1 of 1 text uses the slogan (2 renderings, 1 in quotation marks)."
    )


def test_slogan_of_an_event_without_one():
    assert use(slogan_table([("a", "A", 0, 0, False)]), renderings([]), 1, 1, named=None, gloss=None) == (
        "There is no slogan to count."
    )


def event(**changes):
    fields = dict(id="talks_2024", name="The 2024 talks", kind="summit", visitor="Japan", host="Vietnam",
                  start=date(2024, 5, 1), end=date(2024, 5, 2), places=("Hanoi",), participants=(), terms=("talks",),
                  file="talks_2024.toml")  # fmt: skip
    return EventProfile(**(fields | changes))


def test_slogan_intro_names_the_slogan_its_original_and_its_meaning():
    assert text(prose.slogan_intro(event(slogan=SLOGAN), DESTINY)) == (
        "The slogan of The 2024 talks: “community with a shared future” (命运共同体), found in 1 rendering "
        "pattern of its profile. The key word of the original wording means *destiny*; the English "
        "renderings say *future*."
    )
    assert text(prose.slogan_intro(event(slogan=Slogan("one region", ("one region", "a region"))), None)) == (
        "The slogan of The 2024 talks: “one region”, found in 2 rendering patterns of its profile."
    )


def test_slogan_intro_of_a_profile_without_one():
    assert text(prose.slogan_intro(event(), None)) == (
        "The event profile (talks\\_2024\\.toml) names no slogan, so no text is searched for one."
    )


# -------------------------------------------------------------------------------- frame sets
def frames(*sets):
    return [SimpleNamespace(set=s) for s in sets]


def test_frame_sets_written_for_the_event_analysed():
    assert text(prose.frame_sets(frames("generic", "event", "event"), "talks_2024", event())) == (
        "The dictionary holds 1 generic news frame and 2 event frames, written for this event (talks\\_2024)."
    )


def test_frame_sets_written_for_another_event():
    assert text(prose.frame_sets(frames("generic", "generic", "event"), "visit_2023", event())) == (
        "The dictionary holds 2 generic news frames and 1 event frame, written for another event (visit\\_2023), "
        "not for this one (talks\\_2024): they are applied as written, so an event frame may be absent here, or "
        "fire on wording that meant something else there."
    )


def test_frame_sets_of_a_dictionary_naming_no_event_or_without_event_frames():
    assert text(prose.frame_sets(frames("generic", "event"), "", event())) == (
        "The dictionary holds 1 generic news frame and 1 event frame; it names no event its event frames were "
        "written for."
    )
    assert text(prose.frame_sets(frames("generic"), "visit_2023", event())) == (
        "The dictionary holds 1 generic news frame and 0 event frames."
    )
