"""The committed rare-earth notebook calls the package for its sentences and charts, with its documented parameters."""

from __future__ import annotations

import nbformat
from conftest import REPO

from xivn.report.parameters import notebook_parameters

NOTEBOOK = REPO / "notebooks" / "rare_earths.ipynb"


def code_cells() -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def test_parameters_are_the_documented_ones():
    names = list(notebook_parameters(NOTEBOOK))
    assert names == ["corpus_dir", "event", "scope", "search_terms", "claims_file", "usgs_file", "places_file", "route",
                     "as_of", "context_width", "max_rows", "max_documents"]  # fmt: skip
    defaults = notebook_parameters(NOTEBOOK)
    # the event's reference tables, corridor and dates come from its profile
    assert [defaults[name].default for name in ("usgs_file", "places_file", "route", "as_of")] == ["", "", [], ""]


def test_sentences_and_charts_come_from_the_package():
    sources = "\n".join(cell.source for cell in code_cells())
    calls = ["bottom_line", "mentions_sentence", "omissions_sentence", "reserves_sentence", "precision_sentence",
             "conclusion", "subjects_sentence", "map_sentence", "claim_chart", "reserves_chart",
             "corridor_map", "checks_sentence", "route_sentence"]  # fmt: skip
    assert all(f"rare_earths.{call}(" in sources for call in calls)
