"""The overview notebook's chart: article text against page chrome per document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from xivn.display import figures
from xivn.display.markdown import Markdown

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def composition_chart(bars: pd.DataFrame, composition: pd.DataFrame) -> Markdown | None:
    """Stacked bars of article and chrome characters, one per row of ``bars``
    (:func:`~xivn.overview.tables.composition_chart_rows`), titled with the largest chrome share of
    ``composition``; a note instead of a chart when there is nothing to draw."""
    if bars.empty or not bars[["article_chars", "chrome_chars"]].fillna(0).to_numpy().any():
        return Markdown("No document has any paragraph text: nothing to chart.")
    article = bars["article_chars"].fillna(0)
    chrome = bars["chrome_chars"].fillna(0)
    labels = bars["label"].fillna(bars["doc_id"]).astype(str)
    _fig, ax = figures.new_figure(height=3.2)
    ax.barh(labels, article, color=figures.ARTICLE_COLOUR, label="article text")
    ax.barh(labels, chrome, left=article, color=figures.CHROME_COLOUR, label="page chrome")
    ax.invert_yaxis()
    ax.legend(frameon=False, loc="lower right", bbox_to_anchor=(1, 1), ncols=2)
    share = composition["chrome_share"].max()
    title = f"Chrome is up to {share:.0%} of a page" if share > 0 else "No page has chrome"
    figures.finish(ax, title=title, xlabel="characters", sources=bars["doc_id"].fillna("").astype(str))
    return None
