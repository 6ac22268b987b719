"""The overview notebook's chart: article text against page chrome per document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from xivn.display import figures
from xivn.display.markdown import Markdown

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes


def composition_chart(bars: pd.DataFrame, composition: pd.DataFrame) -> Markdown | None:
    """Stacked bars of article and chrome characters, one per row of ``bars``
    (:func:`~xivn.overview.tables.composition_chart_rows`), titled with the document of ``composition``
    with the largest chrome share and how many have none; the source line names the documents by
    label. A note instead of a chart when there is nothing to draw."""
    if bars.empty or not bars[["article_chars", "chrome_chars"]].fillna(0).to_numpy().any():
        return Markdown("No document has any paragraph text: nothing to chart.")
    article = bars["article_chars"].fillna(0)
    chrome = bars["chrome_chars"].fillna(0)
    labels = bars["label"].fillna(bars["doc_id"]).astype(str)
    _fig, ax = figures.new_figure(height=3.2)
    ax.barh(labels, article, color=figures.ARTICLE_COLOUR, label="article text")
    ax.barh(labels, chrome, left=article, color=figures.CHROME_COLOUR, label="page chrome")
    ax.invert_yaxis()
    _end_on_a_tick(ax, float((article + chrome).max()))
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))  # beside the bars, clear of the title
    figures.finish(ax, title=_title(composition), xlabel="characters of paragraph text", sources=_names(composition))
    return None


def _names(composition: pd.DataFrame) -> list[str]:
    """Each document's label, or its id when it has none."""
    return composition["label"].fillna(composition["doc_id"]).astype(str).tolist()


def _title(composition: pd.DataFrame) -> str:
    """The finding: the largest share of chrome on a page and how many pages have none (the page
    itself is named in the bottom line, a long label would not fit the title)."""
    shares = composition["chrome_share"].fillna(0)
    if not (shares > 0).any():
        return "No page has chrome"
    title = f"Page chrome is at most {shares.max():.0%} of a page"
    clean = int((shares == 0).sum())
    return title + (f"; {clean:,} of {len(shares):,} pages have none" if clean else "")


def _end_on_a_tick(ax: Axes, largest: float) -> None:
    """End the x axis on the first round tick at or past ``largest``, so that the axis reads to a
    labelled number and no tick lies beyond it."""
    ticks = ax.xaxis.get_major_locator().tick_values(0, largest)
    ax.set_xlim(0, min(tick for tick in ticks if tick >= largest))
