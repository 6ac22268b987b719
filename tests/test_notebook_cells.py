"""Notebook cells are a few lines that call xivn: short, without branching, linted like code.

Logic and prose live in the package, where they are tested; a cell that branches or loops is logic
that escaped. Markdown cells are free-form.
"""

from __future__ import annotations

import ast

import nbformat
import pytest
from conftest import REPO

from xivn.report.parameters import notebook_parameters

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
MAX_LINES = 10
CORPUS_DIR = (
    'corpus_dir: str = ""  # folder of .txt/.md/.html files, a .csv/.jsonl/.parquet export or a .warc(.gz); '
    "empty: the seeds"
)
EVENT = 'event: str = "xi_vietnam_2023"  # event profile: a bare name means a profile shipped with xivn, else a path'
SCOPE = (
    'scope: str = "event"  # documents analysed: "event" (about the event), "pair" (naming its two countries), "all"'
)
COPIES = 'copies: str = "all"  # republished copies of one story: "all" analyses each, "once" one per syndication group'
BRANCHING = (ast.If, ast.IfExp, ast.For, ast.While, ast.Try, ast.Match, ast.comprehension)
DEFINING = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def cells(path):
    notebook = nbformat.read(path, as_version=4)
    return [(n, cell.source) for n, cell in enumerate(notebook.cells) if cell.cell_type == "code"]


def branching(source: str) -> list[str]:
    """The branching or defining constructs of a cell's code, by name."""
    return sorted(
        {type(node).__name__ for node in ast.walk(ast.parse(source)) if isinstance(node, BRANCHING + DEFINING)}
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_cell_branches_loops_or_defines(path):
    found = {n: branching(source) for n, source in cells(path) if branching(source)}
    assert not found, f"cells with logic that belongs in xivn: {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_cells_are_at_most_ten_lines(path):
    long = {n: len(source.splitlines()) for n, source in cells(path) if len(source.splitlines()) > MAX_LINES}
    assert not long


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_set_up_cell_imports_only_xivn(path):
    imported = {
        (node.module or "").split(".")[0] if isinstance(node, ast.ImportFrom) else alias.name.split(".")[0]
        for _, source in cells(path)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {"xivn"}, imported


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_speak_one_vocabulary(path):
    """The same idea has the same name everywhere: corpus_dir (one wording), <what>_file, max_rows, max_documents."""
    (parameters,) = [source for _, source in cells(path) if source.lstrip().startswith("corpus_dir")]
    names = [line.split(":", 1)[0] for line in parameters.splitlines()]
    assert parameters.splitlines()[0] == CORPUS_DIR
    assert not {"reference", "taxonomy_path", "cues_path", "evidence_rows", "max_docs"} & set(names)
    assert all(not name.endswith("_path") for name in names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_names_its_event_and_every_analysis_its_documents_the_same_way(path):
    """The overview reads every document, so it takes the event only; each analysis also takes the
    scope and the copies, with the same words, and passes them to xivn.event.select."""
    lines = [
        line for _, source in cells(path) if source.lstrip().startswith("corpus_dir") for line in source.splitlines()
    ]
    expected = [EVENT] if path.stem == "00_corpus_overview" else [EVENT, SCOPE, COPIES]
    assert lines[1 : 1 + len(expected)] == expected
    if path.stem != "00_corpus_overview":
        assert any(
            "xivn.event.select(xivn.load_corpus(corpus_dir), profile, scope, copies)" in s for _, s in cells(path)
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_parameter_has_a_type_and_a_comment(path):
    found = notebook_parameters(path)
    assert found and all(parameter.type and parameter.help for parameter in found.values())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_cell_writes_prose_or_draws_a_chart_itself(path):
    sources = "\n".join(source for _, source in cells(path))
    assert "Markdown(" not in sources and "new_figure" not in sources and "plt." not in sources


def test_branching_is_recognised():
    assert branching("x = 1 if y else 2") == ["IfExp"]
    assert branching("[a for a in b]") == ["comprehension"]
    assert branching("for a in b:\n    pass") == ["For"]
    assert branching("f = lambda: 1") == ["Lambda"]
    assert branching("table = trade.amounts(corpus)\ntable.head(5)") == []
