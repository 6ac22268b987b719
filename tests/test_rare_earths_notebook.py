"""The committed rare-earth notebook calls the package for its sentences and charts, with its documented parameters."""

from __future__ import annotations

import nbformat
import pytest
from conftest import REPO, facts_of_the_2023_visit, rendered_for_the_second_event

from xivn.report.parameters import notebook_parameters

NOTEBOOK = REPO / "notebooks" / "rare_earths.ipynb"


def code_cells() -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def test_parameters_are_the_documented_ones():
    names = list(notebook_parameters(NOTEBOOK))
    assert names == ["corpus_dir", "event", "scope", "copies", "search_terms", "claims_file", "route", "as_of",
                     "max_rows", "max_documents"]  # fmt: skip
    defaults = notebook_parameters(NOTEBOOK)
    # the event's reference tables and corridor come from its profile
    assert [defaults[name].default for name in ("route", "as_of")] == [[], ""]
    sources = "\n".join(cell.source for cell in code_cells())
    assert 'profile.reference_file("rare_earths")' in sources and 'profile.reference_file("places")' in sources


def test_sentences_and_charts_come_from_the_package():
    sources = "\n".join(cell.source for cell in code_cells())
    calls = ["bottom_line", "mentions_sentence", "omissions_sentence", "reserves_sentence", "precision_sentence",
             "conclusion", "subjects_sentence", "map_sentence", "claim_chart", "reserves_chart",
             "corridor_map", "checks_sentence", "route_sentence"]  # fmt: skip
    assert all(f"rare_earths.{call}(" in sources for call in calls)


@pytest.fixture(scope="module")
def biden_notebook(tmp_path_factory) -> str:
    """The text a reader sees in the notebook rendered for the Biden visit: Markdown cells and
    outputs (Markdown, HTML without its style sheet, plain text; no images)."""
    return rendered_for_the_second_event(tmp_path_factory.mktemp("biden"), "rare_earths")


def test_on_another_event_the_notebook_names_it_and_never_the_2023_visit(biden_notebook):
    seen = biden_notebook
    assert facts_of_the_2023_visit(seen) == []
    assert "# What does the coverage claim about rare earths, and does it hold?" in seen
    assert "Event: **Joe Biden's state visit to Vietnam**, 10–11 September 2023, Hanoi." in seen
    # the five documents about the visit make no rare-earth claim; the other pair's minerals are left out
    assert "0 of 5 texts make at least one of the 13 rare-earth claims — none here." in seen
    assert "2 documents of 7 were left out: 1 names only other countries together" in seen


def test_on_another_event_there_is_no_usgs_check_and_no_corridor(biden_notebook):
    seen = biden_notebook
    assert "The event profile names no USGS table of rare-earth figures, so no claim is checked." in seen
    assert r"1 of 5 documents is undated (Preview \(undated\)): not checked" in seen
    assert "The profile of Joe Biden's state visit to Vietnam gives no corridor, so there is no map." in seen
    assert "No map is drawn, and there is no places file." in seen
    assert "There are no USGS figures to compare: no reserves, no mine production." in seen
    assert "checks passed: 0 mentions, 0 claim sentences, 0 of 0 places on the map" in seen
