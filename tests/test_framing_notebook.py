"""The framing notebook: short cells without branching that call the package, parameters in the shared
vocabulary, and rendering on another folder, on a subset of its texts, with non-default parameters."""

from __future__ import annotations

import nbformat
from conftest import REPO, facts_of_the_2023_visit, rendered_for_the_second_event

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
    assert names == [
        "corpus_dir",
        "event",
        "scope",
        "copies",
        "sources",
        "frames_file",
        "bootstrap_draws",
        "seed",
        "max_documents",
        "max_rows",
    ]


def test_sentences_and_charts_come_from_the_package():
    sources = "\n".join(cell.source for cell in code_cells())
    calls = ["bottom_line", "lead_frames", "own_claims", "agreement_range", "tone_and_stance", "attribution_rates",
             "keyness_stability", "rewrite_story", "slogan_use", "frame_heatmap", "tone_chart", "voice_chart",
             "keyness_chart", "similarity_chart"]  # fmt: skip
    assert all(f"framing.{call}(" in sources for call in calls)


def test_framing_notebook_on_another_event_names_it_and_never_the_2023_visit(tmp_path):
    text = rendered_for_the_second_event(tmp_path / "report", "framing_comparison", bootstrap_draws=200)
    assert "Event: **Joe Biden's state visit to Vietnam**, 10–11 September 2023, Hanoi." in text
    assert "5 of 7 documents are about Joe Biden's state visit to Vietnam; 2 were left out" in text
    assert "None of the 5 texts uses the symbolic-vs-substantive frame." in text  # the bottom line, with its scope
    assert "2 documents of 7 were left out" in text
    assert "The event profile (biden\\_vietnam\\_2023\\.toml) names no slogan" in text
    assert "There is no slogan to count." in text
    assert "Mentions destiny" not in text  # no gloss of a slogan the event does not have
    assert "written for another event (xi\\_vietnam\\_2023), not for this one (biden\\_vietnam\\_2023)" in text
    assert "checks passed: 5 texts" in text
    assert facts_of_the_2023_visit(text) == []


def test_framing_notebook_on_a_corpus_with_no_document_about_the_event(make_corpus, tmp_path):
    folder = make_corpus({"notes.md": "# Field notes\n\nOnly a sentence about the weather in Hanoi.\n"})
    render(tmp_path / "report", corpus_dir=folder, only=["framing_comparison"])
    text = notebook_text(tmp_path / "report" / "framing_comparison.ipynb")
    assert "**Bottom line.** No document is analysed: no document of the 1 loaded is about" in text
    assert "No document of the 1 loaded is about" in text
    assert "checks passed: 0 texts, 0 article sentences" in text
