"""Notebook parameters: read from the parameters cell, values checked and parsed before anything runs."""

from __future__ import annotations

import nbformat
import pytest
from conftest import REPO, write_notebook

from xivn.errors import ParameterError
from xivn.report.parameters import (
    Parameter,
    notebook_parameters,
    parse_parameters_cell,
    parse_value,
    resolve_parameters,
)

CELL = """corpus_dir: str = ""  # folder of texts; "" = the bundled seeds
top_n: int = 10  # rows to show
share: float = 0.5  # minimum share
with_chrome: bool = False  # also read page chrome
doc_ids: list[str] = []  # subset of documents; [] = all
limit: int | None = None  # stop after this many
untyped = 3
"""


def test_parameters_cell_gives_names_types_defaults_and_help():
    found = parse_parameters_cell(CELL)
    assert list(found) == ["corpus_dir", "top_n", "share", "with_chrome", "doc_ids", "limit", "untyped"]
    assert found["top_n"] == Parameter("top_n", "int", 10, "rows to show")
    assert found["corpus_dir"].help == 'folder of texts; "" = the bundled seeds'
    assert found["doc_ids"].type == "list[str]"
    assert found["limit"].type == "int | None"
    assert found["untyped"] == Parameter("untyped", "int", 3, "")  # no annotation: the default's type


def test_committed_overview_declares_corpus_dir_and_event():
    found = notebook_parameters(REPO / "notebooks" / "00_corpus_overview.ipynb")
    assert list(found) == ["corpus_dir", "event"]
    assert (found["corpus_dir"].type, found["corpus_dir"].default) == ("str", "")
    assert (found["event"].type, found["event"].default) == ("str", "xi_vietnam_2023")


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [
        ("top_n", "3", 3),
        ("top_n", " -2 ", -2),
        ("top_n", 4, 4),
        ("top_n", 4.0, 4),  # a whole float from Python is accepted as an int
        ("share", "0.25", 0.25),
        ("share", "1", 1.0),
        ("share", 2, 2.0),
        ("with_chrome", "true", True),
        ("with_chrome", "No", False),
        ("with_chrome", "0", False),
        ("with_chrome", True, True),
        ("doc_ids", "a, b,,c", ["a", "b", "c"]),  # empty items between commas are dropped
        ("doc_ids", '["a,1", "b"]', ["a,1", "b"]),  # JSON when an item holds a comma
        ("doc_ids", "", []),
        ("doc_ids", "notalist", ["notalist"]),  # no brackets: comma-separated, so one word is a one-item list
        ("doc_ids", ("x",), ["x"]),
        ("limit", "", None),
        ("limit", "None", None),
        ("limit", "7", 7),
        ("corpus_dir", "some/folder", "some/folder"),
        ("untyped", "5", 5),
    ],
)
def test_values_are_parsed_to_the_declared_type(name, given, expected):
    value = parse_value(parse_parameters_cell(CELL)[name], given)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("top_n", "ten"),
        ("top_n", "1.5"),
        ("top_n", True),  # a bool is not a count
        ("top_n", 2.5),
        ("share", "half"),
        ("with_chrome", "maybe"),
        ("with_chrome", 2),
        ("corpus_dir", 3),
        ("doc_ids", "[1, 2"),  # broken JSON
        ("doc_ids", 5),
        ("limit", "many"),
    ],
)
def test_values_of_the_wrong_type_are_refused_in_one_line(name, given):
    parameter = parse_parameters_cell(CELL)[name]
    with pytest.raises(ParameterError) as caught:
        parse_value(parameter, given)
    message = str(caught.value)
    assert message == f"parameter {name!r} expects {parameter.type}, got {given!r}"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x: int = = 3", "not valid Python"),
        ("x: int = len('abc')  # computed", "the default of 'x' is not a literal value"),
    ],
)
def test_a_broken_parameters_cell_is_reported(source, message):
    with pytest.raises(ParameterError, match=message):
        parse_parameters_cell(source)


def test_values_go_only_to_the_notebooks_that_declare_them(tmp_path):
    first = write_notebook(tmp_path, "a", 'corpus_dir: str = ""  # c\ntop_n: int = 5  # n')
    second = write_notebook(tmp_path, "b", 'corpus_dir: str = ""  # c\ntop_n: float = 0.5  # share\nflag: bool = True')
    resolved = resolve_parameters([first, second], {"top_n": "2", "flag": "false"})
    assert resolved == {first: {"top_n": 2}, second: {"top_n": 2.0, "flag": False}}
    assert type(resolved[second]["top_n"]) is float


def test_unknown_names_and_bad_values_name_the_notebook(tmp_path):
    first = write_notebook(tmp_path, "a", "top_n: int = 5  # n")
    second = write_notebook(tmp_path, "b", "top_n: str = ''  # a label")
    with pytest.raises(ParameterError, match=r"^unknown parameter 'top_m'; did you mean 'top_n'\? \(known: top_n\)$"):
        resolve_parameters([first, second], {"top_m": "1"})
    with pytest.raises(ParameterError, match=r"expects int, got 'x' \(declared in a.ipynb\)$"):
        resolve_parameters([first, second], {"top_n": "x"})


def test_an_unknown_name_far_from_every_known_one_suggests_nothing(tmp_path):
    notebook = write_notebook(tmp_path, "a", "top_n: int = 5  # n")
    with pytest.raises(ParameterError, match=r"^unknown parameter 'colour' \(known: top_n\)$"):
        resolve_parameters([notebook], {"colour": "red"})


def test_a_notebook_without_parameters_cell_declares_nothing(tmp_path):
    path = write_notebook(tmp_path, "plain", "x: int = 1")
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[1].metadata.tags = []
    nbformat.write(notebook, path)
    assert notebook_parameters(path) == {}
    with pytest.raises(ParameterError, match=r"known: none"):
        resolve_parameters([path], {"x": "2"})
