"""The committed notebooks: fit for nbval, parameterised for papermill, renderable on any corpus."""

from __future__ import annotations

import nbformat
import pytest
from conftest import MESSY_PAGE, REPO

from xivn.report import render

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
MAX_CELL_LINES = 25


def code_cells(path):
    notebook = nbformat.read(path, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip()]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebook_was_executed_top_to_bottom(path):
    cells = code_cells(path)
    # nbval silently skips cells whose execution_count is null: none may be
    assert [cell.execution_count for cell in cells] == list(range(1, len(cells) + 1))
    assert not any(output.output_type == "error" for cell in cells for output in cell.outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_has_one_parameters_cell_with_a_corpus_dir(path):
    tagged = [cell for cell in code_cells(path) if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert "corpus_dir: str = " in tagged[0].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_cells_stay_short(path):
    assert max(len(cell.source.splitlines()) for cell in code_cells(path)) <= MAX_CELL_LINES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_outputs_hold_no_addresses_or_paths(path):
    text = path.read_text(encoding="utf-8")
    assert " at 0x" not in text
    assert str(REPO) not in text


def test_every_notebook_renders_on_another_corpus(make_corpus, tmp_path):
    folder = make_corpus(
        {
            "page.txt": MESSY_PAGE,
            "notes.md": "# Field notes\n\nNo figures here, only a sentence about the weather in Hanoi.\n",
        }
    )
    pages = render(tmp_path / "report", corpus_dir=folder)
    assert sorted(page.stem for page in pages) == sorted(path.stem for path in NOTEBOOKS)
    overview = nbformat.read(tmp_path / "report" / "00_corpus_overview.ipynb", as_version=4)
    outputs = "".join(str(output) for cell in overview.cells if cell.cell_type == "code" for output in cell.outputs)
    assert "The corpus holds 2 documents" in outputs
    assert "checks passed" in outputs


def test_rare_earths_notebook_renders_with_its_own_parameters(make_corpus, tmp_path):
    folder = make_corpus(
        {
            "wire.txt": "Vietnam Looks to China for Rail Links\n\n"
            "HANOI - Vietnam has the world's second-biggest rare earth reserves, officials said. "
            "No deal on rare earths was signed during the visit.\n",
            "metadata.csv": "file,label,date\nwire.txt,Wire,2025-06-02\n",
        }
    )
    parameters = {"search_terms": ["rail", "rare earth"], "as_of": "", "route": ["Kunming", "Lao Cai", "Hanoi"]}
    render(tmp_path / "report", corpus_dir=folder, parameters=parameters, only=["rare_earths"])
    notebook = nbformat.read(tmp_path / "report" / "rare_earths.ipynb", as_version=4)
    outputs = "".join(str(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)
    assert "1 of 1 texts make at least one" in outputs
    # dated June 2025, the text is checked against MCS 2025, when Vietnam was sixth
    assert "checked as of 2025-06, is **false when written**" in outputs
    assert "3 mentions in 1 of 1 texts" in outputs  # "Rail" in the headline, two "rare earth"
    assert "checks passed" in outputs
