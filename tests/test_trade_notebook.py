"""The trade notebook: renders with other parameters on a corpus it has never seen, and on another
event's corpus with that event's facts only; its cells only call xivn."""

from __future__ import annotations

import shutil

import nbformat
from conftest import BIDEN_CORPUS, REPO, facts_of_the_2023_visit, rendered_for_the_second_event

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

# A wire report of the visit's eve with US-Vietnam trade figures (the test corpus of the event has none)
BIDEN_TRADE = """Trade frames Biden's visit to Hanoi

HANOI, Sept 9 (Example Wire) - Trade has surged since the United States and Vietnam set up their partnership, \
officials said ahead of President Joe Biden's state visit.

Vietnam's exports to the United States were $109.39 billion in 2022, while its imports from the United States \
were $14.47 billion.

Two-way trade between Vietnam and the United States reached $123.86 billion in 2022.
"""


def _outputs(notebook) -> str:
    """The text, Markdown and plain-text outputs of the notebook's code cells."""
    return "".join(
        output.get("text", "") + output.get("data", {}).get("text/markdown", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


def test_trade_notebook_renders_with_other_parameters(make_corpus, tmp_path):
    folder = make_corpus({"japan.md": JAPAN, "empty.txt": "Nothing about trade here.\n"})
    parameters = {"year": 2021, "partners": ["Japan"], "scope": "all"}
    render(tmp_path / "out", corpus_dir=folder, parameters=parameters, only=["trade_balance"])
    outputs = _outputs(nbformat.read(tmp_path / "out" / "trade_balance.ipynb", as_version=4))
    assert "states 3 trade flows of Vietnam for 2021" in outputs
    assert "1 of 1 totals add up" in outputs  # 20.1 + 22.6 = 42.7
    assert "a deficit of \\$2.50bn with Japan" in outputs  # the dollar sign escaped: no LaTeX maths
    assert "No stated figure could be checked against the reference set" in outputs  # no Japan rows
    assert "Vietnam's total trade with Japan in 2021, so those 3 figures have no same-side check" in outputs
    assert "checks passed: 6 amounts, 5 trade figures, 3 analysed" in outputs


def test_trade_notebook_of_another_event_names_its_facts_only(tmp_path):
    corpus = tmp_path / "biden"
    shutil.copytree(BIDEN_CORPUS, corpus)
    (corpus / "007_trade.txt").write_text(BIDEN_TRADE, encoding="utf-8")
    with (corpus / "metadata.csv").open("a", encoding="utf-8") as metadata:
        metadata.write(
            '007_trade,007_trade.txt,Wire (trade),Example Wire,"Trade frames Biden\'s visit",2023-09-09,en,,\n'
        )
    outputs = rendered_for_the_second_event(tmp_path / "out", "trade_balance", corpus)
    assert "Event: **Joe Biden's state visit to Vietnam**, 10–11 September 2023, Hanoi." in outputs
    assert "Vietnam is the host of Joe Biden's state visit to Vietnam and 2022 the last full year before it" in outputs
    # 109.39 + 14.47 = 123.86; Vietnam sells 109.39 − 14.47 = 94.92 more than it buys
    assert "states 3 trade flows of Vietnam for 2022; 1 of 1 totals add up" in outputs
    assert "a surplus of \\$94.92bn with the United States" in outputs
    assert "There is no reference table for this event" in outputs
    assert "No stated figure could be checked against the reference set" in outputs
    assert facts_of_the_2023_visit(outputs) == []


def test_trade_notebook_sets_up_with_the_trade_package():
    notebook = nbformat.read(REPO / "notebooks" / "trade_balance.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert cells[1].startswith("import xivn\nfrom xivn import trade\n\nprofile = xivn.event.load_event(event)\n")
    assert cells[2] == "chosen.summary()"


def test_trade_notebook_parameters_are_annotated_and_explained():
    found = notebook_parameters(REPO / "notebooks" / "trade_balance.ipynb")
    assert list(found) == [
        "corpus_dir",
        "event",
        "scope",
        "copies",
        "reporter",
        "partners",
        "year",
        "reference_file",
        "max_rows",
    ]
    assert (found["reporter"].default, found["year"].default, found["reference_file"].default) == ("", 0, "")
    assert (found["max_rows"].type, found["corpus_dir"].default) == ("int", "")
