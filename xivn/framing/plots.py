"""The framing notebook's charts: each takes tables, draws through :mod:`xivn.display.figures` and
says "nothing to chart" (a :class:`~xivn.display.markdown.Markdown` note) instead of an empty figure.

The ``draw_*`` functions draw one chart onto given axes; the other functions make the figure, title
it with its finding and show it. matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from xivn.display import figures
from xivn.display.figures import chart_text
from xivn.display.markdown import Markdown
from xivn.display.wording import counted, name_list, verb

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

KEYNESS_COLOURS = ("#1f5f8b", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#7f8c8d")
TONE_MEDIAN_COLOUR = "#c0392b"


def _sources(labels: Mapping[str, str], doc_ids: Sequence[str]) -> list[str]:
    return [labels.get(doc_id, doc_id) for doc_id in doc_ids]  # finish draws them as written


def nothing_to_chart(what: str) -> Markdown:
    """The note shown instead of an empty chart."""
    return Markdown(f"*Nothing to chart: {what}.*")


# ----------------------------------------------------------------------------------------- frames
def draw_heatmap(ax: Axes, profile: pd.DataFrame) -> None:
    """Draw frame shares as a documents x frames heatmap, each cell labelled "k/n"."""
    shares = profile.pivot(index="label", columns="frame_label", values="share")
    counts = profile.pivot(index="label", columns="frame_label", values="n_sentences")
    totals = profile.pivot(index="label", columns="frame_label", values="n_article_sentences")
    order_rows = list(dict.fromkeys(profile["label"]))
    order_cols = list(dict.fromkeys(profile["frame_label"]))
    shares, counts, totals = (t.reindex(index=order_rows, columns=order_cols) for t in (shares, counts, totals))
    ax.imshow(shares.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for i in range(len(order_rows)):
        for j in range(len(order_cols)):
            share = shares.iat[i, j]
            colour = "white" if share > 0.55 else "black"
            ax.text(j, i, f"{counts.iat[i, j]}/{totals.iat[i, j]}", ha="center", va="center", fontsize=7, color=colour)
    ax.set_xticks(range(len(order_cols)), [chart_text(c) for c in order_cols], rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(len(order_rows)), [chart_text(r) for r in order_rows], fontsize=8)


def frame_heatmap(shown: pd.DataFrame, labels: Mapping[str, str], doc_ids: Sequence[str]) -> Markdown | None:
    """Heatmap of the shown documents' frame shares, titled with the most frame-dense cell."""
    if shown.empty:
        return nothing_to_chart("no text has article sentences to code for frames")
    _fig, ax = figures.new_figure(width=9, height=3.8)
    draw_heatmap(ax, shown)
    busiest = shown.sort_values(["share", "frame_id"], ascending=[False, True]).iloc[0]
    title = f"Most frame-dense cell ({busiest['share']:.0%}):\n{busiest['frame_label']}\nin {busiest['label']}"
    figures.finish(ax, title=chart_text(title), xlabel="frame", ylabel="text", sources=_sources(labels, doc_ids))
    return None


def differing_frames(profile: pd.DataFrame) -> list[str]:
    """The frames (labels, dictionary order) whose 95% Wilson intervals do not all overlap across
    the documents of ``profile``: some text uses them more than another beyond noise."""
    spans = profile.groupby("frame_label", sort=False).agg(low=("wilson_low", "max"), high=("wilson_high", "min"))
    return [str(frame) for frame in spans.index[spans["low"] > spans["high"]]]


def draw_frame_intervals(ax: Axes, profile: pd.DataFrame) -> None:
    """One row per frame, a dot per document at its share with its Wilson interval as a whisker."""
    frames = list(dict.fromkeys(profile["frame_label"]))
    documents = list(dict.fromkeys(profile["label"]))
    step = 0.8 / max(len(documents), 1)
    colours = _colours(len(documents))
    for k, label in enumerate(documents):
        mine = profile[profile["label"] == label].set_index("frame_label").reindex(frames)
        y = np.arange(len(frames)) - 0.4 + step * (k + 0.5)
        low, high = mine["share"] - mine["wilson_low"], mine["wilson_high"] - mine["share"]
        ax.errorbar(mine["share"], y, xerr=[low, high], fmt="o", markersize=3.5, linewidth=1, capsize=0,
                    color=colours[k], label=chart_text(label))  # fmt: skip
    ax.set_yticks(range(len(frames)), [chart_text(frame) for frame in frames], fontsize=8)
    for boundary in np.arange(len(frames) - 1) + 0.5:
        ax.axhline(boundary, color=figures.CHROME_COLOUR, linewidth=0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.invert_yaxis()
    ax.legend(frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _colours(n: int) -> list[str]:
    """``n`` distinct colours: the keyness palette, then matplotlib's tab20 when more are needed."""
    if n <= len(KEYNESS_COLOURS):
        return list(KEYNESS_COLOURS[:n])
    from matplotlib import colormaps

    palette = colormaps["tab20"]
    return [palette(i % 20) for i in range(n)]


def frame_intervals_chart(shown: pd.DataFrame, labels: Mapping[str, str], doc_ids: Sequence[str]) -> Markdown | None:
    """Frame shares of the shown documents with their 95% Wilson intervals, titled with how many
    frames differ between texts beyond those intervals."""
    if shown.empty:
        return nothing_to_chart("no text has article sentences to code for frames")
    frames = shown["frame_label"].nunique()
    height = max(2.5, frames * max(0.42, 0.08 * shown["label"].nunique()) + 1.4)
    _fig, ax = figures.new_figure(width=8.5, height=height)
    draw_frame_intervals(ax, shown)
    differing = differing_frames(shown)
    n = len(differing)
    title = f"{n:,} of {counted(frames, 'frame')} {verb(n, 'differs', 'differ')} between texts beyond their intervals"
    if differing:
        title += f":\n{name_list(differing, 3)}"
    figures.finish(
        ax,
        title=title,
        xlabel="share of the text's article sentences with the frame (dot), 95% Wilson interval (line)",
        sources=_sources(labels, doc_ids),
    )
    return None


# ------------------------------------------------------------------------------------------- tone
def draw_tone(ax: Axes, table: pd.DataFrame, profile: pd.DataFrame) -> None:
    """Sentence tone per document (dots) with the median and its interval (bar and line)."""
    rng = np.random.default_rng(0)  # jitter only
    for i, row in enumerate(profile.itertuples(index=False)):
        scores = table.loc[table["doc_id"] == row.doc_id, "compound"].to_numpy()
        ax.scatter(scores, i + rng.uniform(-0.18, 0.18, len(scores)), s=9, alpha=0.45, color=figures.ARTICLE_COLOUR)
        if len(scores):
            ax.plot([row.ci_low, row.ci_high], [i, i], color="black", linewidth=2.5)
            ax.plot([row.median_tone], [i], marker="|", markersize=16, color=TONE_MEDIAN_COLOUR)
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_yticks(range(len(profile)), [chart_text(label) for label in profile["label"]], fontsize=8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xticks(np.linspace(-1, 1, 9))
    ax.invert_yaxis()


def tone_chart(
    tones: pd.DataFrame, shown: pd.DataFrame, labels: Mapping[str, str], doc_ids: Sequence[str]
) -> Markdown | None:
    """Sentence tones of the shown documents, titled with the highest median tone."""
    scored = shown.dropna(subset=["median_tone"])
    if scored.empty:
        return nothing_to_chart("no text has article sentences to score")
    _fig, ax = figures.new_figure(height=3.4)
    draw_tone(ax, tones, shown)
    warmest = scored.sort_values(["median_tone", "doc_id"], ascending=[False, True]).iloc[0]
    figures.finish(
        ax,
        title=chart_text(f"Median sentence tone is highest in\n{warmest['label']} ({warmest['median_tone']:+.2f})"),
        xlabel="VADER compound score per sentence (−1 to +1)",
        sources=_sources(labels, doc_ids),
    )
    return None


# ----------------------------------------------------------------------------------------- voices
VOICE_MIX_COUNTS = ("doc_id", "total", "n_words", "per_1000_words")


def draw_voice_mix(ax: Axes, mix: pd.DataFrame, labels: Mapping[str, str]) -> None:
    """Stacked horizontal bars: attributions per document, coloured by speaker class."""
    classes = [c for c in mix.columns if c not in VOICE_MIX_COUNTS]
    names = mix["doc_id"].map(lambda doc_id: chart_text(labels.get(doc_id, doc_id)))
    ax.barh(names, 0 * mix["total"])  # keeps every text on the axis when nobody is quoted
    left = pd.Series(0, index=mix.index)
    for name in classes:
        ax.barh(names, mix[name], left=left, label=chart_text(name))
        left = left + mix[name]
    if classes:
        ax.legend(frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.invert_yaxis()


def voice_chart(
    mix: pd.DataFrame, shown: pd.DataFrame, labels: Mapping[str, str], doc_ids: Sequence[str]
) -> Markdown | None:
    """Attributions per shown document by speaker class, titled with the corpus's totals."""
    if shown.empty:
        return nothing_to_chart("the corpus has no texts")
    _fig, ax = figures.new_figure(width=8.5, height=3.2)
    draw_voice_mix(ax, shown, labels)
    figures.finish(
        ax,
        title=f"{counted(int(mix['total'].sum()), 'attribution')} in {counted(len(mix), 'text')}",
        xlabel="attributions (count)",
        sources=_sources(labels, doc_ids),
    )
    return None


# ---------------------------------------------------------------------------------------- keyness
def draw_keyness(ax: Axes, top: pd.DataFrame, labels: Mapping[str, str]) -> None:
    """Horizontal bars of z for the top terms (shown as written), grouped by document, each bar
    labelled with its count."""
    positions, names = [], []
    y = 0.0
    for k, (doc_id, group) in enumerate(top.groupby("doc_id", sort=False)):
        for row in group.itertuples(index=False):
            ax.barh(y, row.z, color=KEYNESS_COLOURS[k % len(KEYNESS_COLOURS)])
            ax.text(row.z, y, f" {row.count}/{row.count_rest}", va="center", fontsize=6.5)
            positions.append(y)
            names.append(chart_text(f"{row.form} ({labels.get(doc_id, doc_id)})"))
            y += 1
        y += 0.6
    ax.set_yticks(positions, names, fontsize=7)
    right = math.ceil(max(float(top["z"].max()), 0.0) * 1.15 * 2) / 2 or 1.0  # room for the count labels
    ax.set_xlim(min(0.0, math.floor(float(top["z"].min()) * 2) / 2), right)
    ax.invert_yaxis()


def keyness_chart(top: pd.DataFrame, labels: Mapping[str, str], doc_ids: Sequence[str], n: int = 5) -> Markdown | None:
    """The top ``n`` words by z of each shown document, as bars labelled count/rest."""
    if top.empty:
        return nothing_to_chart("no text has words that set it apart (keyness needs two texts with repeated words)")
    _fig, ax = figures.new_figure(height=max(2.5, 0.22 * len(top) + 1))
    draw_keyness(ax, top, labels)
    figures.finish(
        ax,
        title=f"Each text's most distinctive words (top {n} by z)",
        xlabel="weighted log-odds z (count/rest)",
        sources=_sources(labels, doc_ids),
    )
    return None


# --------------------------------------------------------------------------------------- rewrites
def draw_similarity(ax: Axes, matrix: pd.DataFrame, labels: Mapping[str, str]) -> None:
    """Draw a documents x documents similarity matrix with its values written in the cells."""
    values = matrix.to_numpy(dtype=float)
    shown = np.where(np.eye(len(values), dtype=bool), np.nan, values)
    ax.imshow(
        shown, cmap="Oranges", vmin=0, vmax=max(float(np.nanmax(shown)) if shown.size > 1 else 1, 0.05), aspect="auto"
    )
    for i in range(len(values)):
        for j in range(len(values)):
            if i != j:
                ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", fontsize=8)
    names = [chart_text(labels.get(d, d)) for d in matrix.index]
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(names)), names, fontsize=8)


def similarity_chart(matrix: pd.DataFrame, pairs: pd.DataFrame, labels: Mapping[str, str]) -> Markdown | None:
    """The 3-gram containment matrix of the closest texts, titled with the closest pair."""
    if len(matrix) < 2:
        return nothing_to_chart("a pair of texts is needed")
    _fig, ax = figures.new_figure(width=7.5, height=4.2)
    draw_similarity(ax, matrix, labels)
    title = "3-gram containment of each pair"
    if len(pairs):
        best = pairs.iloc[0]
        title = (
            f"Closest pair:\n{labels.get(best['doc_a'], best['doc_a'])}\nand {labels.get(best['doc_b'], best['doc_b'])}"
        )
    sources = _sources(labels, list(matrix.index))
    figures.finish(ax, title=chart_text(title), xlabel="text (column)", ylabel="text (row)", sources=sources)
    return None
