"""The framing notebook's charts: a note instead of an empty chart, else a figure with its finding as title."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest
from conftest import texts_outside

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
    assert ax.get_title(loc="left") == "Most frame-dense cell (75%):\nMorality\nin A"
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
    assert ax.get_title(loc="left") == "Median sentence tone is highest in\nA (+0.30)"
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
    rows = [("a", "us", "US", 6, 5, 2.5), ("a", "pact", "pact", 2, 0, 1.9), ("b", "$y$", "$y$", 3, 1, 1.2)]
    return pd.DataFrame(rows, columns=["doc_id", "term", "form", "count", "count_rest", "z"])


def test_keyness_chart_of_no_terms_is_a_note(shown):
    assert isinstance(plots.keyness_chart(top_terms().iloc[:0], LABELS, []), Markdown)
    assert shown == []


def test_keyness_chart_labels_each_bar(shown):
    assert plots.keyness_chart(top_terms(), LABELS, ["a", "b"], 5) is None
    ax = only_axes(shown)
    assert ax.get_title(loc="left") == "Each text's most distinctive words (top 5 by z)"
    assert ax.get_xlabel() == "weighted log-odds z (count/rest)"
    assert tick_labels(ax) == ["US (A)", "pact (A)", r"\$y\$ (B \$x\$)"]  # words as written, not as counted
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
    assert ax.get_title(loc="left") == "Closest pair:\nA\n" + r"and B \$x\$"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("text (column)", "text (row)")
    assert sorted(text.get_text() for text in ax.texts) == ["0.13", "0.14"]


def test_similarity_chart_without_scored_pairs_has_a_plain_title(shown):
    matrix, pairs = similarity()
    plots.similarity_chart(matrix, pairs.iloc[:0], LABELS)
    assert only_axes(shown).get_title(loc="left") == "3-gram containment of each pair"


def intervals(rows):
    columns = ["doc_id", "label", "frame_id", "frame_label", "share", "wilson_low", "wilson_high"]
    return pd.DataFrame(rows, columns=columns)


def test_frames_differ_when_their_intervals_do_not_all_overlap():
    table = intervals(
        [
            ("a", "A", "conflict", "Conflict", 0.6, 0.4, 0.8),
            ("b", "B", "conflict", "Conflict", 0.1, 0.0, 0.3),
            ("a", "A", "morality", "Morality", 0.3, 0.1, 0.5),
            ("b", "B", "morality", "Morality", 0.2, 0.05, 0.45),
        ]
    )
    assert plots.differing_frames(table) == ["Conflict"]
    assert plots.differing_frames(table.iloc[:1]) == []  # one text differs from nobody


def test_frame_intervals_chart_of_nothing_is_a_note(shown):
    assert isinstance(plots.frame_intervals_chart(intervals([]), LABELS, []), Markdown)
    assert shown == []


def test_frame_intervals_chart_draws_a_whiskered_dot_per_text_and_frame(shown):
    table = intervals(
        [
            ("a", "A", "conflict", "Conflict", 0.6, 0.4, 0.8),
            ("b", "B $x$", "conflict", "Conflict", 0.1, 0.0, 0.3),
            ("a", "A", "morality", "Morality", 0.3, 0.1, 0.5),
            ("b", "B $x$", "morality", "Morality", 0.2, 0.05, 0.45),
        ]
    )
    assert plots.frame_intervals_chart(table, LABELS, ["a", "b"]) is None
    ax = only_axes(shown)
    assert ax.get_title(loc="left") == "1 of 2 frames differs between texts beyond their intervals:\nConflict"
    assert "95% Wilson interval" in ax.get_xlabel()
    assert tick_labels(ax) == ["Conflict", "Morality"]
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["A", r"B \$x\$"]
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert [list(line.get_xdata()) for line in dots] == [[0.6, 0.3], [0.1, 0.2]]


LONG = {"a": "Vietnam News Agency (unattributed rewrite)", "b": "Preview of the state visit (unattributed)"}


def test_no_chart_text_reaches_past_the_figure_edge(shown):
    long_frames = {"conflict": "Belt and Road / Digital Silk Road", "morality": "Partnership / shared future"}
    rows = profile()
    profile_rows = rows.assign(wilson_low=0.0, wilson_high=0.9, frame_label=rows["frame_id"].map(long_frames))
    tones, tone_profile = tone_tables()
    mix = voice_tables()
    matrix, pairs = similarity()
    for labels in (LABELS, LONG):
        named = profile_rows.assign(label=profile_rows["doc_id"].map(labels))
        plots.frame_heatmap(named, labels, ["a", "b"])
        plots.frame_intervals_chart(named, labels, ["a", "b"])
        plots.tone_chart(tones, tone_profile.assign(label=tone_profile["doc_id"].map(labels)), labels, ["a", "b"])
        plots.voice_chart(mix, mix, labels, ["a", "b"])
        plots.keyness_chart(top_terms(), labels, ["a", "b"])
        plots.similarity_chart(matrix, pairs, labels)
    assert len(shown) == 12
    assert [texts_outside(fig) for fig in shown] == [[]] * 12
