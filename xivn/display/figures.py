"""One figure helper, so every chart states its finding, its units and its sources the same way.

Figures are plain ``matplotlib.figure.Figure`` objects, not pyplot state: nothing is shown
implicitly, each chart is displayed exactly once by :func:`finish`, as a PNG without timestamps.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SOURCE_COLOUR = "#555555"
ARTICLE_COLOUR = "#1f5f8b"
CHROME_COLOUR = "#bbbbbb"
DPI = 100
MAX_SOURCES = 8
"""Sources named one by one under a chart; the rest are counted ("and 992 more")."""


def chart_text(text: object) -> str:
    """Text for a matplotlib title, label or tick, shown as written: every ``$`` escaped, so that
    two of them in a corpus label never start mathtext (matplotlib's maths)."""
    return str(text).replace("$", r"\$")


def wrapped(text: str, fig: Figure, *, fontsize: float, share: float = 1.0) -> str:
    """``text`` broken into lines that fit ``share`` of the width of ``fig`` at ``fontsize`` points,
    so that no title or source line is cut at the figure's edge (a character is taken as 0.62 of
    the size, about the widest average of DejaVu Sans bold)."""
    import textwrap

    characters = max(int(fig.get_figwidth() * share * 72 * 0.95 / (fontsize * 0.62)), 20)
    return "\n".join(textwrap.fill(line, characters) for line in str(text).split("\n"))


def new_figure(width: float = 7.5, height: float = 3.6, *, ncols: int = 1) -> tuple[Figure, Axes]:
    """A figure and its axes (``ncols`` side by side) with xivn's fixed size and resolution."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI)
    return fig, fig.subplots(1, ncols)


def finish(
    ax: Axes,
    *,
    title: str,
    xlabel: str = "",
    ylabel: str = "",
    sources: Iterable[str] = (),
    show: bool = True,
) -> None:
    """Title the chart with its finding, label the axes (with units), add a source line, show it.

    ``sources`` are the documents (labels or ids) behind the numbers; they are listed under the
    chart, as written (:func:`chart_text`), so that a reader always knows where a bar comes from
    (the first few, then a count). ``title`` and the labels are drawn as given: pass corpus text
    in them through :func:`chart_text`.
    With ``show`` (the default) and inside IPython the figure is displayed once as a PNG. Nothing
    is returned, so a notebook cell never adds a second, textual copy of the figure (``ax.figure`` is the figure).
    """
    fig = ax.figure
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    names = [chart_text(name) for name in sources if name]
    if len(names) > MAX_SOURCES:
        names = [*names[: MAX_SOURCES - 1], f"and {len(names) - MAX_SOURCES + 1:,} more"]
    source = wrapped("Source: " + "; ".join(names), fig, fontsize=7.5) if names else ""
    if source:
        fig.text(0.01, 0.01, source, fontsize=7.5, color=SOURCE_COLOUR, ha="left", va="bottom")
    rect = (0, 0.05 * (source.count("\n") + 1) if source else 0, 1, 1)
    # The title starts at the axes' left edge, which the first layout places after the tick labels:
    # wrap it to the width left from there, then lay out again with the title's lines.
    fig.tight_layout(rect=rect)
    room = 1 - ax.get_position().x0
    ax.set_title(wrapped(title, fig, fontsize=11, share=room), loc="left", fontsize=11, fontweight="bold")
    fig.tight_layout(rect=rect)
    if show:
        display_png(fig)


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG bytes, with no software/version metadata (identical across runs)."""
    from io import BytesIO

    buffer = BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def display_png(fig: Figure) -> None:
    """Display a figure once, as a PNG, when running under IPython (no-op elsewhere)."""
    try:
        from IPython import get_ipython
        from IPython.display import Image, display
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return
    if get_ipython() is not None:
        display(Image(data=png_bytes(fig), format="png"))
