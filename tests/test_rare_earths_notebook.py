"""The committed rare-earth notebook keeps its logic in the package: short cells without branching,
and a parameters cell in the shared vocabulary."""

from __future__ import annotations

import ast

import nbformat
from conftest import REPO

NOTEBOOK = REPO / "notebooks" / "rare_earths.ipynb"
BRANCHING = (ast.If, ast.IfExp, ast.For, ast.While, ast.comprehension, ast.FunctionDef, ast.Lambda, ast.Try)
CORPUS_DIR = 'corpus_dir: str = ""  # folder of .txt/.md files (+ optional metadata.csv); empty: the bundled seeds'


def code_cells() -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def test_cells_are_short_and_do_not_branch():
    for cell in code_cells():
        assert len(cell.source.splitlines()) <= 10, cell.source
        found = [type(node).__name__ for node in ast.walk(ast.parse(cell.source)) if isinstance(node, BRANCHING)]
        assert not found, f"{found} in:\n{cell.source}"


def test_parameters_are_annotated_and_commented():
    (cell,) = [cell for cell in code_cells() if "parameters" in cell.metadata.get("tags", [])]
    lines = cell.source.splitlines()
    assert lines[0] == CORPUS_DIR
    for line in lines:
        assert isinstance(ast.parse(line).body[0], ast.AnnAssign), line
        assert "  # " in line, line
    names = [line.split(":", 1)[0] for line in lines]
    assert names == ["corpus_dir", "search_terms", "claims_file", "usgs_file", "places_file", "route", "as_of",
                     "context_width", "max_rows", "max_documents"]  # fmt: skip


def test_sentences_and_charts_come_from_the_package():
    sources = "\n".join(cell.source for cell in code_cells())
    assert "Markdown(" not in sources and "new_figure" not in sources
    calls = ["bottom_line", "mentions_sentence", "omissions_sentence", "reserves_sentence", "precision_sentence",
             "conclusion", "claim_chart", "reserves_chart", "corridor_map"]  # fmt: skip
    assert all(f"rare_earths.{call}(" in sources for call in calls)
