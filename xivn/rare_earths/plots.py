"""The rare-earth notebook's charts: who makes which claim, the host's reserves by edition, the corridor map.

Each function takes tables (and scalars), draws through :mod:`xivn.display.figures` and returns
``None`` after showing the chart, or a :class:`~xivn.display.markdown.Markdown` note when there is
nothing to chart (the map returns the places it drew, for the notebook's checks). matplotlib and
basemap are imported only when a chart is drawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from xivn.display import figures
from xivn.display.escaping import escape_markdown
from xivn.display.figures import chart_text
from xivn.display.markdown import Markdown
from xivn.display.wording import counted
from xivn.rare_earths.corridor import draw_corridor
from xivn.rare_earths.selection import shown_documents


def claim_chart(matrix: pd.DataFrame, max_documents: int, sources: Iterable[str] = ()) -> Markdown | None:
    """Dots sized by the number of sentences making each claim (rows) in each text (columns: the
    ``max_documents`` texts making the most claims); the title names the texts making the most and
    the fewest claims. A note instead when no text makes a claim."""
    keep = shown_documents(matrix, max_documents)
    grid = matrix[keep].fillna(0).reset_index(drop=True)
    grid = grid.melt(ignore_index=False, var_name="text", value_name="n").reset_index()
    grid = grid[grid["n"] > 0]
    if grid.empty:
        return Markdown("No text makes any of the claims: nothing to chart.")
    _fig, ax = figures.new_figure(9.5, 4.6)
    ax.scatter(grid["text"].map({t: i for i, t in enumerate(keep)}), grid["index"], s=90 * grid["n"],
               color=figures.ARTICLE_COLOUR)  # fmt: skip
    ax.set_xticks(range(len(keep)), [chart_text(t) for t in keep], rotation=20, ha="right", fontsize=8)
    ax.set_yticks(range(len(matrix)), [chart_text(c) for c in matrix.index], fontsize=8)
    ax.set_xlim(-0.5, len(keep) - 0.5)
    ax.set_ylim(len(matrix) - 0.5, -0.5)
    per_text = (matrix.fillna(0) > 0).sum(axis=0)
    title = f"{chart_text(per_text.idxmax())} makes {per_text.max()} of {counted(len(matrix), 'claim')}"
    if len(per_text) > 1:
        title += f"; {chart_text(per_text.idxmin())} makes {per_text.min()}"
    figures.finish(ax, title=title, xlabel="text", sources=sources)
    return None


def reserves_chart(ranks: pd.DataFrame, country: str) -> Markdown | None:
    """A country's reserves per edition (bars, million t) with its rank; the title gives the rank in
    the first and the latest edition. A note instead when no edition ranks the country."""
    rows = ranks[ranks["country"] == country].dropna(subset=["reserves_t"])
    if rows.empty:
        return Markdown(f"No edition in the reference data ranks {escape_markdown(country)}: nothing to chart.")
    _fig, ax = figures.new_figure(7.5, 3.2)
    mt = rows["reserves_t"] / 1e6
    ax.barh([chart_text(e) for e in rows["edition"]], mt, color=figures.ARTICLE_COLOUR)
    for y, (value, rank) in enumerate(zip(mt, rows["rank"], strict=True)):
        ax.annotate(f"{value:g} Mt, rank {rank}", (value, y), xytext=(4, 0), textcoords="offset points", va="center")
    ax.invert_yaxis()
    ax.set_xlim(0, ax.xaxis.get_major_locator().tick_values(0, mt.max() * 1.3)[-1])  # ends on a tick
    short = rows["edition"].astype(str).str.split(" (", regex=False).str[0]
    title = f"{chart_text(country)}'s reserves: rank {rows['rank'].iloc[0]} in {chart_text(short.iloc[0])}"
    if len(rows) > 1:
        title += f", rank {rows['rank'].iloc[-1]} in {chart_text(short.iloc[-1])}"
    figures.finish(ax, title=title, xlabel="reserves (million t of rare-earth oxide)", sources=rows["edition"])
    return None


def corridor_map(
    places: pd.DataFrame, distances: pd.DataFrame, route: Sequence[str], sources: Iterable[str] = ()
) -> pd.DataFrame:
    """The railway and the deposits on a map (:func:`~xivn.rare_earths.corridor.draw_corridor`), titled
    with how close the deposits lie to a station; returns the places drawn (for the checks).

    Without any deposit the railway is drawn alone; without a route (the event has no corridor, or
    the corpus does not name it) nothing is drawn and no place is returned; a route stop the places
    do not name raises :class:`~xivn.errors.ParameterError` (there is nothing to map without the railway).
    """
    if not route:
        drawn = pd.DataFrame(columns=["short_name", "role", "lon", "lat", "x", "y", "approximate", "cluster"])
        drawn.attrs.update(border_segments=0, coastline_segments=0)
        return drawn
    _fig, ax = figures.new_figure(7, 7)
    drawn = draw_corridor(ax, places, route)
    km = distances["km_to_station"].dropna()
    if len(km):
        lie = "lies" if len(distances) == 1 else "lie"
        title = f"{counted(len(distances), 'deposit')} {lie} within {km.max():.0f} km of a station"
    else:
        title = "No rare-earth deposit in the places file: the railway alone"
    figures.finish(ax, title=title, sources=sources)
    return drawn
