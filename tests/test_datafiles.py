"""The one data-file loader: every shipped file has a declared schema, and every error has one shape."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import xivn
from xivn.cues.datafiles import (
    FLAG,
    INTEGER,
    PATTERNS,
    STRINGS,
    TEXT,
    Entries,
    ListOf,
    OneOf,
    Schema,
    Table,
    load_data_file,
)
from xivn.errors import DataFileError
from xivn.paths import shipped_data_files

ERROR_SHAPE = re.compile(r"^[\w.-]+\.(toml|csv)( \[[^\]]+\])?: \S")
ITEMS = Schema(
    "items.toml",
    Table(
        required={
            "items": Entries(
                Table(required={"label": TEXT, "cues": PATTERNS}, optional={"kind": OneOf(("item", "area"))}),
                nonempty=True,
            )
        },
        optional={
            "limit": INTEGER,
            "strict": FLAG,
            "words": STRINGS,
            "frame": Entries(Table(required={"id": TEXT}), array=True),
        },
    ),
)


def all_schemas() -> dict[str, Schema]:
    """Every Schema declared in a module of xivn, by the file it describes."""
    found = {}
    for info in pkgutil.walk_packages(xivn.__path__, "xivn."):
        module = importlib.import_module(info.name)
        found |= {value.file: value for value in vars(module).values() if isinstance(value, Schema)}
    return found


def test_every_shipped_toml_file_has_a_schema_and_passes_it():
    schemas = all_schemas()
    shipped = {name: path for name, path in shipped_data_files().items() if name.endswith(".toml")}
    assert set(shipped) <= set(schemas), sorted(set(shipped) - set(schemas))
    for name, path in shipped.items():
        assert load_data_file(path, schemas[name])


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("limit = 3\n", "items.toml: missing field(s) items"),  # the file as a whole: no entry
        ("[items]\n", "items.toml [items]: expected a table of entries (at least one), got {}"),
        ("[items.a]\nlabel = 'A'\n", "items.toml [items.a]: missing field(s) cues"),
        ("[items.a]\nlabel = 'A'\ncue = ['x']\n", "[items.a]: missing field(s) cues (and an unknown field 'cue')"),
        ("[items.a]\nlabel = 'A'\ncues = []\nkinds = 'item'\n", "[items.a]: unknown field 'kinds' (known: label, cues"),
        ("[items.a]\nlabel = 1\ncues = []\n", "[items.a.label]: expected a string, got 1"),
        ("[items.a]\nlabel = 'A'\ncues = 'x'\n", "[items.a.cues]: expected a list of regular expression strings"),
        ("[items.a]\nlabel = 'A'\ncues = ['ok', '(']\n", "[items.a.cues.2]: bad regular expression '('"),
        (
            "[items.a]\nlabel = 'A'\ncues = []\nkind = 'deal'\n",
            "[items.a.kind]: expected one of item, area, got 'deal'",
        ),
        ("limit = true\n[items.a]\nlabel = 'A'\ncues = []\n", "[limit]: expected an integer, got True"),  # not 1
        ("strict = 1\n[items.a]\nlabel = 'A'\ncues = []\n", "[strict]: expected true or false, got 1"),
        ("words = ['a', 2]\n[items.a]\nlabel = 'A'\ncues = []\n", "[words.2]: expected a string, got 2"),
        (
            "[[frame]]\nid = 'x'\n[[frame]]\nname = 'y'\n[items.a]\nlabel = 'A'\ncues = []\n",
            "[frame.2]: missing field(s) id",
        ),
    ],
)
def test_a_value_that_does_not_fit_names_file_entry_and_problem(tmp_path, toml, message):
    path = tmp_path / "items.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_data_file(path, ITEMS)
    assert message in str(info.value)
    assert ERROR_SHAPE.match(str(info.value))


def test_a_valid_file_comes_back_as_read(tmp_path):
    path = tmp_path / "items.toml"
    path.write_text("limit = 2\n[items.a]\nlabel = 'A'\ncues = ['\\bx\\b']\nkind = 'area'\n", encoding="utf-8")
    assert load_data_file(path, ITEMS) == {
        "limit": 2,
        "items": {"a": {"label": "A", "cues": [r"\bx\b"], "kind": "area"}},
    }


def test_a_missing_or_broken_file_fails_the_same_way(tmp_path):
    with pytest.raises(DataFileError, match="data file not found"):
        load_data_file(tmp_path / "nowhere.toml", ITEMS)
    (tmp_path / "broken.toml").write_text("items = [", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid TOML"):
        load_data_file(tmp_path / "broken.toml", ITEMS)


def test_list_and_one_of_say_what_they_expect():
    assert ListOf(OneOf(("a", "b")), nonempty=True).expected == "a non-empty list of values among a, b"
    assert STRINGS.expected == "a list of strings"
