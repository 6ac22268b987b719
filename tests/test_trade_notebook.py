"""The trade notebook: renders with other parameters on a corpus it has never seen; its cells only call xivn."""

from __future__ import annotations

import nbformat
from conftest import REPO

from xivn.report.parameters import notebook_parameters
from xivn.report.rendering import render

JAPAN = """# Vietnam and Japan

Vietnam's trade with Japan in 2021 and 2022, in billion U.S. dollars, according to the General Statistics Office:

| Partner | Exports | Imports | Year |
|---|---|---|---|
| Japan | 20.1 | 22.6 | 2021 |
| Japan | 24.2 | 23.4 | 2022 |

Two-way trade between Vietnam and Japan reached $42.7 billion in 2021, the office said.

A $1bn battery plant is planned by Chinese firms.
"""


def test_trade_notebook_renders_with_other_parameters(make_corpus, tmp_path):
    folder = make_corpus({"japan.md": JAPAN, "empty.txt": "Nothing about trade here.\n"})
    render(
        tmp_path / "out", corpus_dir=folder, parameters={"year": 2021, "partners": ["Japan"]}, only=["trade_balance"]
    )
    notebook = nbformat.read(tmp_path / "out" / "trade_balance.ipynb", as_version=4)
    outputs = "".join(
        output.get("text", "") + output.get("data", {}).get("text/markdown", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert "states 3 trade flows of Vietnam for 2021" in outputs
    assert "1 of 1 totals add up" in outputs  # 20.1 + 22.6 = 42.7
    assert "a deficit of \\$2.50bn with Japan" in outputs  # the dollar sign escaped: no LaTeX maths
    assert "No stated figure could be checked against the reference set" in outputs  # no Japan rows
    assert "checks passed: 6 amounts, 5 trade figures, 3 analysed" in outputs


def test_trade_notebook_sets_up_with_the_trade_package():
    notebook = nbformat.read(REPO / "notebooks" / "trade_balance.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert cells[1].startswith("import xivn\nfrom xivn import trade\n")


def test_trade_notebook_parameters_are_annotated_and_explained():
    found = notebook_parameters(REPO / "notebooks" / "trade_balance.ipynb")
    assert list(found) == ["corpus_dir", "reporter", "partners", "year", "reference_file", "max_rows"]
    assert (found["reference_file"].type, found["reference_file"].default) == ("str", "trade_2022.csv")
    assert (found["max_rows"].type, found["corpus_dir"].default) == ("int", "")
