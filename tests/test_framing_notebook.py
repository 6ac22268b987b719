"""The framing notebook: short cells without branching that call the package, parameters in the shared
vocabulary, and rendering on another folder, on a subset of its texts, with non-default parameters."""

from __future__ import annotations

import nbformat
from conftest import REPO

from xivn.report.parameters import notebook_parameters
from xivn.report.rendering import render


def notebook_text(path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "".join(str(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)


def test_framing_notebook_on_a_subset_of_another_folder(make_corpus, tmp_path):
    seeds = REPO / "seeds"
    folder = make_corpus(
        {
            "wire.txt": (seeds / "000_1a56b2a50d2ad841.txt").read_text(encoding="utf-8"),
            "warm.txt": (seeds / "003_c9643dd3023e532a.txt").read_text(encoding="utf-8"),
            "other.md": "# Weather\n\nIt rained in Hanoi on Tuesday, officials said.\n",
        }
    )
    parameters = {"sources": ["wire", "warm"], "bootstrap_draws": 200, "seed": 7}
    render(tmp_path / "report", corpus_dir=folder, parameters=parameters, only=["framing_comparison"])
    text = notebook_text(tmp_path / "report" / "framing_comparison.ipynb")
    assert "*warm* is a rewrite of *wire*" in text
    assert "checks passed: 2 texts" in text


NOTEBOOK = REPO / "notebooks" / "framing_comparison.ipynb"


def code_cells() -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def test_parameters_are_the_documented_ones():
    names = list(notebook_parameters(NOTEBOOK))
    assert names == ["corpus_dir", "sources", "frames_file", "bootstrap_draws", "seed", "max_documents", "max_rows"]


def test_sentences_and_charts_come_from_the_package():
    sources = "\n".join(cell.source for cell in code_cells())
    calls = ["bottom_line", "lead_frames", "own_claims", "agreement_range", "tone_and_stance", "attribution_rates",
             "keyness_stability", "rewrite_story", "slogan_use", "frame_heatmap", "tone_chart", "voice_chart",
             "keyness_chart", "similarity_chart"]  # fmt: skip
    assert all(f"framing.{call}(" in sources for call in calls)
