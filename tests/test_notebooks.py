"""The committed notebooks: fit for nbval, parameterised for papermill, renderable on any corpus."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import nbformat
import pytest
from conftest import MESSY_PAGE, REPO

from xivn.report.parameters import Parameter, notebook_parameters, parse_parameters_cell
from xivn.report.rendering import render

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
    pages = render(tmp_path / "report", corpus_dir=folder, jobs=2)
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
    parameters = {
        "search_terms": ["rail", "rare earth"],
        "as_of": "",
        "route": ["Kunming", "Lao Cai", "Hanoi"],
        "scope": "all",  # the wire names no participant of the visit and is dated long after it
    }
    render(tmp_path / "report", corpus_dir=folder, parameters=parameters, only=["rare_earths"])
    notebook = nbformat.read(tmp_path / "report" / "rare_earths.ipynb", as_version=4)
    outputs = "".join(str(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)
    assert "1 of 1 text makes at least one" in outputs
    # dated June 2025, the text is checked against MCS 2025, when Vietnam was sixth
    assert "checked as of 2025-06, is **false when written**" in outputs
    assert "3 mentions in 1 of 1 text;" in outputs  # "Rail" in the headline, two "rare earth"
    # the wire names Hanoi but not Kunming: the route is not drawn
    assert "No text here names both Kunming and Hanoi, so the route Kunming–Lao Cai–Hanoi is not drawn." in outputs
    assert "checks passed" in outputs


def alternative(parameter: Parameter) -> Any:
    """A value of the declared type other than the default (``None`` when none can be made up):
    a flag flipped, a number moved, a list cut to its first item. Strings other than the corpus
    folder cannot be made up generically and keep their default."""
    default = parameter.default
    if isinstance(default, bool):
        return not default
    if isinstance(default, int):
        return default + 1
    if isinstance(default, float):
        return default / 2 if default else 0.5
    if isinstance(default, list | tuple) and len(default) > 1:
        return list(default[:1])
    return None


@pytest.fixture
def seed_subset(tmp_path) -> Path:
    """Two of the seeds (a wire report and the blog) with their metadata rows, in a folder of their own."""
    keep = ["000_1a56b2a50d2ad841.txt", "004_7f647e3ecafc4dc6.txt"]
    folder = tmp_path / "subset"
    folder.mkdir()
    for name in keep:
        shutil.copy(REPO / "seeds" / name, folder / name)
    with (REPO / "seeds" / "metadata.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(row for row in rows if row["file"] in keep)
    return folder


def test_every_notebook_renders_a_subset_with_non_default_parameters(seed_subset, tmp_path):
    values: dict[str, Any] = {}
    for path in NOTEBOOKS:
        for name, parameter in notebook_parameters(path).items():
            if name != "corpus_dir" and name not in values and alternative(parameter) is not None:
                values[name] = alternative(parameter)
    render(tmp_path / "report", corpus_dir=seed_subset, parameters=values, jobs=2)
    for path in NOTEBOOKS:
        executed = nbformat.read(tmp_path / "report" / path.name, as_version=4)
        injected = next(cell for cell in executed.cells if "injected-parameters" in cell.metadata.get("tags", []))
        declared = notebook_parameters(path)
        expected = {"corpus_dir": str(seed_subset), **{k: v for k, v in values.items() if k in declared}}
        assert {k: p.default for k, p in parse_parameters_cell(injected.source).items()} == expected
    overview = nbformat.read(tmp_path / "report" / "00_corpus_overview.ipynb", as_version=4)
    outputs = "".join(str(output) for cell in overview.cells if cell.cell_type == "code" for output in cell.outputs)
    assert "The corpus holds 2 documents" in outputs
    assert "heaviest in *AF \\\\(Reuters\\\\)*" in outputs


# Code cells of the overview whose output depends on the blog post's wording; the others must not change.
# The chart of characters per document changes too, but nbval does not compare PNGs: the composition
# table under it is what must fail.
CHANGED_BY_EDIT = ("overview.bottom_line(", "overview.documents_table(", "overview.composition_table(", "checks passed")


def test_nbval_fails_exactly_the_cells_a_corpus_change_should_change(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", corpus)
    blog = corpus / "004_7f647e3ecafc4dc6.txt"
    text = blog.read_text(encoding="utf-8")
    anchor = "It was Xi’s first visit to Vietnam in six years"
    assert anchor in text
    blog.write_text(text.replace(anchor, "Trade between the two countries kept growing. " + anchor), encoding="utf-8")

    notebook = nbformat.read(REPO / "notebooks" / "00_corpus_overview.ipynb", as_version=4)
    parameters = next(cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", []))
    parameters.source = re.sub(r'(?m)^corpus_dir: str = ""', f"corpus_dir: str = {str(corpus)!r}", parameters.source)
    copy = tmp_path / "overview.ipynb"
    nbformat.write(notebook, copy)
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    report_file = tmp_path / "results.xml"
    command = [sys.executable, "-m", "pytest", "-c", str(tmp_path / "pytest.ini"), "-p", "no:cacheprovider", "--nbval"]
    command += ["--nbval-current-env", "--nbval-sanitize-with", str(REPO / "notebooks" / "nbval_sanitize.cfg")]
    result = subprocess.run(
        [*command, f"--junitxml={report_file}", str(copy)], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 1, result.stdout[-2000:]

    cases = ElementTree.parse(report_file).getroot().iter("testcase")
    failed = {int(case.get("name").split()[-1]): case.find("failure") is not None for case in cases}
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert sorted(failed) == list(range(len(cells)))  # every code cell was checked
    expected = {n for n, cell in enumerate(cells) if any(m in cell.source for m in CHANGED_BY_EDIT)}
    assert len(expected) == 4
    assert {n for n, did_fail in failed.items() if did_fail} == expected
