"""The overview notebook stays a few calls per cell: its sentences and its chart come from xivn.overview."""

from __future__ import annotations

import nbformat
import pytest
from conftest import REPO, facts_of_the_2023_visit, rendered_for_the_second_event

NOTEBOOK = REPO / "notebooks" / "00_corpus_overview.ipynb"


def code_cells() -> list[str]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip()]


def test_prose_and_chart_come_from_the_package():
    sources = "\n".join(code_cells())
    for call in ("bottom_line", "dates_sentence", "composition_chart", "chrome_kinds_sentence", "quote_sentence"):
        assert f"overview.{call}(" in sources


@pytest.fixture(scope="module")
def biden_page(tmp_path_factory) -> str:
    """The Markdown cells and text outputs of the overview rendered for Joe Biden's 2023 visit."""
    return rendered_for_the_second_event(tmp_path_factory.mktemp("biden"), "00_corpus_overview")


def test_another_event_is_the_one_its_documents_are_sorted_by(biden_page):
    assert "5 of 7 documents are about Joe Biden's state visit to Vietnam; 1 names only other countries" in biden_page
    # curated: 001 before, 000 and 002 during, 003 and 004 after; by date: 005 and 006 (2023-09-10) during
    assert "1 document was written before the state visit, 4 during it and 2 after" in biden_page
    assert "Joe Biden's state visit to Vietnam, 10–11 September 2023" in biden_page  # the timing column's note


def test_another_event_names_no_fact_of_the_default_visit(biden_page):
    # the corpus itself names China and Vietnam together: the scope table shows that pair
    assert facts_of_the_2023_visit(biden_page, allowed=("China-Vietnam",)) == []
