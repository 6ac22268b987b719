"""The charts of the deal notebook: the source x sector heatmap and the two partners' packages.

Each function takes tables, draws through :mod:`xivn.display.figures` and returns None, or returns a
:class:`~xivn.display.markdown.Markdown` note instead of an empty chart. matplotlib is imported
only inside the functions (through :func:`~xivn.display.figures.new_figure`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from xivn.deals.selection import shared_sectors
from xivn.display import figures
from xivn.display.escaping import escape_markdown
from xivn.display.figures import chart_text
from xivn.display.markdown import Markdown

BAR_OFFSETS = (-0.2, 0.2)
"""Where the bars of the two partnerships sit around each sector's line."""


def coverage_heatmap(shown: pd.DataFrame, coverage: pd.DataFrame, pair: str) -> Markdown | None:
    """Heatmap of the ``pair``'s deal mentions per shown document (rows) and category (columns),
    titled with the most mentioned sector over the whole ``coverage``; a note when there is nothing
    to chart."""
    values = shown.fillna(0).astype("int64")
    if values.empty or not values.to_numpy().sum():
        return Markdown(f"Nothing to chart: no document mentions a {escape_markdown(pair)} deal.")
    top = coverage.fillna(0).sum().idxmax()
    _, ax = figures.new_figure(width=9, height=2.8 + 0.4 * len(values))
    ax.imshow(values.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(values.shape[1]), [chart_text(c) for c in values.columns], rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(values)), [chart_text(i) for i in values.index], fontsize=8)
    for row, col in zip(*values.to_numpy().nonzero(), strict=True):
        ax.text(col, row, values.iat[row, col], ha="center", va="center", fontsize=8)
    figures.finish(
        ax,
        title=f"{chart_text(top)} is the most mentioned sector",
        xlabel="category (number of mentions)",
        ylabel="document",
        sources=list(values.index),
    )
    return None


def packages_chart(wide: pd.DataFrame, mentions: pd.DataFrame, labels: Mapping[str, str]) -> Markdown | None:
    """Bars of signed items per sector for each partnership (columns of ``wide``), titled with the
    sectors they share; sources: the documents with a specific item. A note when nothing was signed."""
    filled = wide.fillna(0)
    if filled.empty or not filled.to_numpy().sum():
        return Markdown("Nothing to chart: no specific item is reported signed.")
    _, ax = figures.new_figure(height=3.8)
    for offset, party in zip(BAR_OFFSETS, wide.columns, strict=False):
        ax.barh([i + offset for i in range(len(wide))], wide[party], height=0.4, label=chart_text(party))
    ax.set_yticks(range(len(wide)), [chart_text(i) for i in wide.index], fontsize=8)
    ax.invert_yaxis()
    ax.legend(frameon=False, loc="center right")
    doc_ids = mentions.loc[mentions["kind"] == "item", "doc_id"].unique()
    sources = sorted(str(labels.get(doc_id, doc_id)) for doc_id in doc_ids)
    figures.finish(
        ax,
        title=_packages_title(wide),
        xlabel="signed items (count)",
        sources=list(sources),
    )
    return None


def _packages_title(wide: pd.DataFrame) -> str:
    """The sectors the drawn packages (the first two columns of ``wide``) share, or, with one
    package, the sectors it covers."""
    drawn = wide.iloc[:, : len(BAR_OFFSETS)]
    if drawn.shape[1] == 1:
        return (
            f"The one package has signed items in {int((drawn.fillna(0) > 0).any(axis=1).sum())} of {len(wide)} sectors"
        )
    return f"The two packages share {len(shared_sectors(drawn))} of {len(wide)} sectors"
