"""The overview notebook stays a few calls per cell: its sentences and its chart come from xivn.overview."""

from __future__ import annotations

import ast

import nbformat
from conftest import REPO

NOTEBOOK = REPO / "notebooks" / "00_corpus_overview.ipynb"
BRANCHING = (ast.If, ast.IfExp, ast.For, ast.While, ast.comprehension, ast.FunctionDef, ast.Lambda, ast.Try)


def code_cells() -> list[str]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip()]


def test_cells_are_short_and_do_not_branch():
    for source in code_cells():
        assert len(source.splitlines()) <= 10, source
        found = [type(node).__name__ for node in ast.walk(ast.parse(source)) if isinstance(node, BRANCHING)]
        assert not found, (found, source)


def test_prose_and_chart_come_from_the_package():
    sources = "\n".join(code_cells())
    assert "Markdown(" not in sources
    assert "new_figure" not in sources
    for call in ("bottom_line", "dates_sentence", "composition_chart", "chrome_kinds_sentence", "quote_sentence"):
        assert f"overview.{call}(" in sources


def test_parameters_cell_uses_the_shared_wording():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    (parameters,) = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    assert parameters.source == (
        'corpus_dir: str = ""  # folder of .txt/.md files (+ optional metadata.csv); empty: the bundled seeds'
    )
