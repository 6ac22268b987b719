"""The deal notebook's charts (xivn.deals.plots): a note instead of an empty chart, and the expected
title, labels and sources on a small hand-made table."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from conftest import texts_outside

from xivn.deals import plots
from xivn.display import figures
from xivn.display.markdown import Markdown


@pytest.fixture
def drawn(monkeypatch):
    """The figures the plot functions create (xivn figures are not pyplot state)."""
    made = []
    original = figures.new_figure

    def recording(*args, **kwargs):
        fig, ax = original(*args, **kwargs)
        made.append(fig)
        return fig, ax

    monkeypatch.setattr(figures, "new_figure", recording)
    return made


def texts(fig) -> list[str]:
    return [text.get_text() for text in fig.texts]


def test_coverage_heatmap_empty_gives_a_note(drawn):
    empty = pd.DataFrame(columns=["Rail"], dtype="int64")
    note = plots.coverage_heatmap(empty, empty, "United States–Vietnam")
    assert isinstance(note, Markdown)
    assert note.data == "Nothing to chart: no document mentions a United States–Vietnam deal."
    zeros = pd.DataFrame({"Rail": [0, 0]}, index=["A", "B"])
    assert plots.coverage_heatmap(zeros, zeros, "China–Vietnam").data.startswith("Nothing to chart")
    assert drawn == []


def test_coverage_heatmap_draws_the_shown_documents(drawn):
    coverage = pd.DataFrame({"Rail": [1, 0, 1], "Digital & $5G$": [0, 3, np.nan]}, index=["d1", "d2", "d3"])
    shown = coverage.iloc[:2].rename(index={"d1": "Pamir (blog)", "d2": "AF $"})
    assert plots.coverage_heatmap(shown, coverage, "China–Vietnam") is None
    (fig,) = drawn
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == r"Digital & \$5G\$ is the most mentioned sector"
    assert ax.get_xlabel() == "category (number of mentions)"
    assert ax.get_ylabel() == "document"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Pamir (blog)", r"AF \$"]
    assert [t.get_text() for t in ax.texts] == ["1", "3"]  # one number per non-empty cell
    assert texts(fig) == [r"Source: Pamir (blog); AF \$"]
    assert texts_outside(fig) == []


def test_packages_chart_empty_gives_a_note(drawn):
    assert plots.packages_chart(pd.DataFrame(), pd.DataFrame(columns=["doc_id", "kind"]), {}).data == (
        "Nothing to chart: no specific item is reported signed."
    )
    zeros = pd.DataFrame({"China-Vietnam": [0.0, np.nan]}, index=["Rail", "Digital"])
    assert isinstance(plots.packages_chart(zeros, pd.DataFrame(columns=["doc_id", "kind"]), {}), Markdown)
    assert drawn == []


def test_packages_chart_draws_both_partners(drawn):
    wide = pd.DataFrame({"China-Vietnam": [2, 1, 0], "US-Vietnam": [1, 0, 0]}, index=["Rail", "Digital", "Chips"])
    mentions = pd.DataFrame({"doc_id": ["d2", "d1", "d1", "d3"], "kind": ["item", "item", "area", "area"]})
    assert plots.packages_chart(wide, mentions, {"d1": "Pamir (blog)", "d2": "AF"}) is None
    (fig,) = drawn
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "The two packages share 1 of 3 sectors"
    assert ax.get_xlabel() == "signed items (count)"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Rail", "Digital", "Chips"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["China-Vietnam", "US-Vietnam"]
    assert len(ax.patches) == 6  # three sectors, two partners
    assert texts(fig) == ["Source: AF; Pamir (blog)"]  # documents with a specific item, sorted
    assert texts_outside(fig) == []


def test_packages_chart_of_one_package_counts_its_sectors(drawn):
    wide = pd.DataFrame({"US-Vietnam": [2, 0, 1]}, index=["Rail", "Digital", "Chips"])
    mentions = pd.DataFrame({"doc_id": ["d1"], "kind": ["item"]})
    assert plots.packages_chart(wide, mentions, {"d1": "Wire"}) is None
    (fig,) = drawn
    assert fig.axes[0].get_title(loc="left") == "The one package has signed items in 2 of 3 sectors"


def test_packages_chart_title_counts_the_two_packages_drawn(drawn):
    wide = pd.DataFrame({"A-B": [1, 1], "C-D": [1, 1], "E-F": [0, 1]}, index=["Rail", "Digital"])
    mentions = pd.DataFrame({"doc_id": ["d1"], "kind": ["item"]})
    assert plots.packages_chart(wide, mentions, {}) is None
    (fig,) = drawn
    assert fig.axes[0].get_title(loc="left") == "The two packages share 2 of 2 sectors"  # E-F is not drawn
