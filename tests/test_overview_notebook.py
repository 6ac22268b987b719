"""The overview notebook stays a few calls per cell: its sentences and its chart come from xivn.overview."""

from __future__ import annotations

import nbformat
from conftest import REPO

NOTEBOOK = REPO / "notebooks" / "00_corpus_overview.ipynb"


def code_cells() -> list[str]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip()]


def test_prose_and_chart_come_from_the_package():
    sources = "\n".join(code_cells())
    for call in ("bottom_line", "dates_sentence", "composition_chart", "chrome_kinds_sentence", "quote_sentence"):
        assert f"overview.{call}(" in sources
