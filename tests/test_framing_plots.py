"""The framing notebook's charts: a note instead of an empty chart, else a figure with its finding as title."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from xivn.display import figures
from xivn.display.markdown import Markdown
from xivn.framing import plots

matplotlib.use("Agg")

LABELS = {"a": "A", "b": "B $x$"}


@pytest.fixture
def shown(monkeypatch):
    """The figures the charts display (instead of showing them)."""
    drawn = []
    monkeypatch.setattr(figures, "display_png", drawn.append)
    yield drawn
    for fig in drawn:
        fig.clear()


def only_axes(drawn):
    (fig,) = drawn
    return fig.axes[0]


def tick_labels(ax, axis="y"):
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [tick.get_text() for tick in ticks]


def profile():
    rows = [
        ("a", "A", "conflict", "Conflict", 1, 4, 0.25),
        ("a", "A", "morality", "Morality", 3, 4, 0.75),
        ("b", "B $x$", "conflict", "Conflict", 0, 2, 0.0),
        ("b", "B $x$", "morality", "Morality", 1, 2, 0.5),
    ]
    columns = ["doc_id", "label", "frame_id", "frame_label", "n_sentences", "n_article_sentences", "share"]
    return pd.DataFrame(rows, columns=columns)


def test_heatmap_of_nothing_is_a_note(shown):
    note = plots.frame_heatmap(profile().iloc[:0], LABELS, [])
    assert isinstance(note, Markdown) and note.data.startswith("*Nothing to chart")
    assert shown == []


def test_heatmap_is_titled_with_the_densest_cell(shown):
    assert plots.frame_heatmap(profile(), LABELS, ["a", "b"]) is None
    ax = only_axes(shown)
    assert ax.get_title(loc="left") == "Most frame-dense cell: Morality in A (75%)"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("frame", "text")
    assert tick_labels(ax) == ["A", r"B \$x\$"]
    assert sorted(text.get_text() for text in ax.texts) == ["0/2", "1/2", "1/4", "3/4"]
    assert [text.get_text() for text in shown[0].texts] == [r"Source: A; B \$x\$"]


def tone_tables():
    tones = pd.DataFrame({"doc_id": ["a", "a", "b"], "compound": [0.5, 0.1, -0.4]})
    columns = ["doc_id", "label", "median_tone", "ci_low", "ci_high"]
    profile = pd.DataFrame([("a", "A", 0.3, 0.1, 0.5), ("b", "B $x$", -0.4, -0.4, -0.4)], columns=columns)
    return tones, profile


def test_tone_chart_of_nothing_is_a_note(shown):
    tones, profile = tone_tables()
    assert isinstance(plots.tone_chart(tones, profile.iloc[:0], LABELS, []), Markdown)
    unscored = profile.assign(median_tone=np.nan)
    assert isinstance(plots.tone_chart(tones, unscored, LABELS, ["a", "b"]), Markdown)
    assert shown == []


def test_tone_chart_is_titled_with_the_warmest_text(shown):
    tones, profile = tone_tables()
    assert plots.tone_chart(tones, profile, LABELS, ["a", "b"]) is None
    ax = only_axes(shown)
    assert ax.get_title(loc="left") == "Median sentence tone is highest in A (+0.30)"
    assert ax.get_xlabel() == "VADER compound score per sentence (−1 to +1)"
    assert tick_labels(ax) == ["A", r"B \$x\$"]


def voice_tables():
    mix = pd.DataFrame(
        {"doc_id": ["a", "b"], "Analysts": [2, 0], "Officials": [1, 0], "total": [3, 0], "n_words": [100, 50]}
    )
    return mix.assign(per_1000_words=[30.0, 0.0])


def test_voice_chart_of_no_texts_is_a_note(shown):
    mix = voice_tables()
    assert isinstance(plots.voice_chart(mix.iloc[:0], mix.iloc[:0], LABELS, []), Markdown)
    assert shown == []


def test_voice_chart_is_titled_with_the_totals(shown):
    mix = voice_tables()
    assert plots.voice_chart(mix, mix, LABELS, ["a", "b"]) is None
    ax = only_axes(shown)
    assert ax.get_title(loc="left") == "3 attributions in 2 texts"
    assert ax.get_xlabel() == "attributions (count)"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["Analysts", "Officials"]


def test_voice_chart_of_one_attribution_in_one_text(shown):
    mix = voice_tables().iloc[:1].assign(Analysts=[1], Officials=[0], total=[1])
    plots.voice_chart(mix, mix, LABELS, ["a"])
    assert only_axes(shown).get_title(loc="left") == "1 attribution in 1 text"


def top_terms():
    rows = [("a", "trade", 6, 5, 2.5), ("a", "pact", 2, 0, 1.9), ("b", "$y$", 3, 1, 1.2)]
    return pd.DataFrame(rows, columns=["doc_id", "term", "count", "count_rest", "z"])


def test_keyness_chart_of_no_terms_is_a_note(shown):
    assert isinstance(plots.keyness_chart(top_terms().iloc[:0], LABELS, []), Markdown)
    assert shown == []


def test_keyness_chart_labels_each_bar(shown):
    assert plots.keyness_chart(top_terms(), LABELS, ["a", "b"], 5) is None
    ax = only_axes(shown)
    assert ax.get_title(loc="left") == "Each text's most distinctive words (top 5 by z)"
    assert ax.get_xlabel() == "weighted log-odds z (count/rest)"
    assert tick_labels(ax) == ["trade (A)", "pact (A)", r"\$y\$ (B \$x\$)"]
    assert [text.get_text() for text in ax.texts] == [" 6/5", " 2/0", " 3/1"]


def similarity():
    matrix = pd.DataFrame([[1.0, 0.14], [0.13, 1.0]], index=["a", "b"], columns=["a", "b"])
    pairs = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "c3_ab": [0.14], "c3_ba": [0.13]})
    return matrix, pairs


def test_similarity_chart_of_fewer_than_two_texts_is_a_note(shown):
    matrix, pairs = similarity()
    assert isinstance(plots.similarity_chart(matrix.iloc[:0, :0], pairs.iloc[:0], LABELS), Markdown)
    assert isinstance(plots.similarity_chart(matrix.iloc[:1, :1], pairs.iloc[:0], LABELS), Markdown)
    assert shown == []


def test_similarity_chart_is_titled_with_the_closest_pair(shown):
    matrix, pairs = similarity()
    assert plots.similarity_chart(matrix, pairs, LABELS) is None
    ax = only_axes(shown)
    assert ax.get_title(loc="left") == r"Closest pair: A / B \$x\$"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("text (column)", "text (row)")
    assert sorted(text.get_text() for text in ax.texts) == ["0.13", "0.14"]


def test_similarity_chart_without_scored_pairs_has_a_plain_title(shown):
    matrix, pairs = similarity()
    plots.similarity_chart(matrix, pairs.iloc[:0], LABELS)
    assert only_axes(shown).get_title(loc="left") == "3-gram containment of each pair"
