"""The overview notebook's chart: drawn from a composition table, or a note when there is nothing to draw."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from conftest import texts_outside

from xivn.display.markdown import Markdown
from xivn.overview import plots

matplotlib.use("Agg")

COLUMNS = [
    "doc_id",
    "label",
    "article_chars",
    "chrome_chars",
    "article_paragraphs",
    "chrome_paragraphs",
    "chrome_share",
]


@pytest.fixture
def drawn(monkeypatch):
    """The figures the chart hands to :func:`xivn.display.figures.finish`, kept instead of displayed."""
    from xivn.display import figures

    kept = []
    finish = figures.finish

    def keep(ax, **kwargs):
        kept.append(ax.figure)
        finish(ax, **kwargs, show=False)

    monkeypatch.setattr(figures, "finish", keep)
    return kept


def test_no_documents_give_a_note(drawn):
    empty = pd.DataFrame(columns=COLUMNS)
    note = plots.composition_chart(empty, empty)
    assert isinstance(note, Markdown)
    assert note.data == "No document has any paragraph text: nothing to chart."
    assert drawn == []


def test_documents_without_text_give_a_note(drawn):
    table = pd.DataFrame([("a", "A", 0, 0, 0, 0, float("nan"))], columns=COLUMNS)
    assert plots.composition_chart(table, table).data == "No document has any paragraph text: nothing to chart."
    assert drawn == []


def test_chart_draws_article_and_chrome_bars_per_document(drawn):
    table = pd.DataFrame(
        [("a", "*Wire*", 300, 100, 5, 2, 0.25), ("b", None, 200, 0, 4, 0, 0.0)],
        columns=COLUMNS,
    )
    assert plots.composition_chart(table, table) is None
    (fig,) = drawn
    (ax,) = fig.axes
    assert ax.get_xlim() == (0, 400)  # the axis ends on a labelled number
    assert ax.get_title(loc="left") == "Page chrome is at most 25% of a page; 1 of 2 pages have none"
    assert ax.get_xlabel() == "characters of paragraph text"
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["*Wire*", "b"]  # a missing label: the doc_id
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["article text", "page chrome"]
    widths = [patch.get_width() for patch in ax.patches]
    assert widths == [300, 200, 100, 0]
    assert "Source: *Wire*; b" in [text.get_text() for text in fig.texts]  # labels, the id only without one
    assert texts_outside(fig) == []


def test_chart_of_many_documents_names_sources_by_label_and_fits(drawn):
    table = pd.DataFrame(
        [
            (f"{i:03d}_1a56b2a50d2ad84{i % 10}", f"Outlet number {i} ($ wire)", 1000, 10 * i, 9, 1, i / 100)
            for i in range(30)
        ],
        columns=COLUMNS,
    )
    assert plots.composition_chart(table.head(5), table) is None
    (fig,) = drawn
    title = " ".join(fig.axes[0].get_title(loc="left").split())  # wrapped to the room beside the tick labels
    assert title == "Page chrome is at most 29% of a page; 1 of 30 pages have none"
    (source,) = [text.get_text() for text in fig.texts]
    assert "Outlet number 0" in source and "and 23 more" in source and "_1a56" not in source
    assert texts_outside(fig) == []
    (ax,) = fig.axes
    assert not ax.get_legend().get_window_extent().overlaps(ax.title.get_window_extent())


def test_chart_without_chrome_says_so(drawn):
    table = pd.DataFrame([("a", "A", 300, 0, 5, 0, 0.0)], columns=COLUMNS)
    assert plots.composition_chart(table, table) is None
    assert drawn[0].axes[0].get_title(loc="left") == "No page has chrome"
