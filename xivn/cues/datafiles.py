"""Loading the editable data files shipped in each package's ``data/`` folder (or given by the user).

One loader per file format — TOML for cue lists, taxonomies and dictionaries, CSV for tables
(reference statistics, hand-coded samples) — so that a malformed file always fails the same way:
a :class:`~xivn.errors.DataFileError` of the shape ``file [entry]: what is wrong``
(:func:`data_error`).

Each TOML file has a declared :class:`Schema`, written beside the loader that reads it: which
fields each table and entry must or may hold, and their types (:data:`TEXT`, :data:`FLAG`,
:data:`INTEGER`, :class:`OneOf`, :data:`PATTERNS`, :class:`ListOf`, :class:`Table`,
:class:`Entries`). :func:`load_data_file` reads a file and checks it against its schema, so a
missing field, a wrong type, a bad regular expression or a misspelt key is reported the same way
in every file; the loader then checks only what a schema cannot say (that an item's category
exists, that the statuses name exactly the status tables).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xivn.cues.prefilter import CuePattern
from xivn.errors import DataFileError
from xivn.paths import data_path

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def load_toml(name_or_path: str | Path) -> dict[str, Any]:
    """Read a TOML data file: a bare name means the copy shipped with xivn (:func:`xivn.paths.data_path`),
    anything else is a path."""
    path = data_path(name_or_path)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DataFileError(f"{path}: data file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path}: not valid TOML ({exc})") from None


def load_csv(name_or_path: str | Path, required: Iterable[str], **options: Any) -> pd.DataFrame:
    """Read a CSV data file (a bare name means the copy shipped with xivn) with ``pandas.read_csv``
    and ``options``; fail naming the file when it is missing, unreadable, or lacks a ``required`` column."""
    import pandas as pd

    path = data_path(name_or_path)
    try:
        table = pd.read_csv(path, **options)
    except FileNotFoundError:
        raise DataFileError(f"{path}: data file not found") from None
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataFileError(f"{path}: not a readable CSV table ({exc})") from None
    missing = [column for column in required if column not in table.columns]
    if missing:
        raise DataFileError(f"{path}: missing column(s) {', '.join(missing)}")
    return table


def compile_patterns(patterns: Iterable[str], *, where: str, flags: int = re.IGNORECASE) -> list[CuePattern]:
    """Compile regular expressions from a data file; ``where`` names the entry for the error.

    Each is a :class:`~xivn.cues.prefilter.CuePattern`: a ``re.Pattern`` that skips, with the same
    results, the texts lacking a word every match contains (cue lists are long; see that module).
    """
    compiled = []
    for pattern in patterns:
        if not isinstance(pattern, str):
            raise DataFileError(f"{where}: expected a regular expression string, got {pattern!r}")
        try:
            compiled.append(CuePattern(re.compile(pattern, flags)))
        except re.error as exc:
            raise DataFileError(f"{where}: bad regular expression {pattern!r} ({exc})") from None
    return compiled


# --- Schemas: what each data file must hold, declared beside the loader that reads it ------------


def data_error(file: str, entry: str, problem: str) -> DataFileError:
    """The one shape of every data-file error: ``file [entry]: problem`` (``file: problem`` for the
    file as a whole). ``entry`` is the TOML path of the bad value (``items.belt_and_road.cues``,
    ``frame.2``) or a CSV column."""
    return DataFileError(f"{file} [{entry}]: {problem}" if entry else f"{file}: {problem}")


class Field:
    """A value of a data file: :meth:`check` returns it validated, or raises :func:`data_error`."""

    expected = "a value"
    plural = "values"

    def check(self, value: Any, file: str, entry: str) -> Any:
        if not self.accepts(value):
            raise data_error(file, entry, f"expected {self.expected}, got {_shown(value)}")
        return value

    def accepts(self, value: Any) -> bool:
        return True


@dataclass(frozen=True)
class Scalar(Field):
    """A string, a boolean or an integer (TOML's own types: a boolean is never taken for a number)."""

    kind: type
    expected: str
    plural: str

    def accepts(self, value: Any) -> bool:
        return isinstance(value, self.kind) and (self.kind is bool or not isinstance(value, bool))


TEXT = Scalar(str, "a string", "strings")
FLAG = Scalar(bool, "true or false", "booleans")
INTEGER = Scalar(int, "an integer", "integers")


@dataclass(frozen=True)
class OneOf(Field):
    """A string from a fixed vocabulary."""

    choices: tuple[str, ...]

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.choices)

    @property
    def plural(self) -> str:  # type: ignore[override]
        return "values among " + ", ".join(self.choices)

    def accepts(self, value: Any) -> bool:
        return value in self.choices


@dataclass(frozen=True)
class Regex(Field):
    """A regular expression (as a string); checked by compiling it."""

    expected = "a regular expression string"
    plural = "regular expression strings"

    def check(self, value: Any, file: str, entry: str) -> Any:
        super().check(value, file, entry)
        try:
            re.compile(value)
        except re.error as exc:
            raise data_error(file, entry, f"bad regular expression {value!r} ({exc})") from None
        return value

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str)


@dataclass(frozen=True)
class ListOf(Field):
    """A list whose items all have one type (``nonempty``: at least one)."""

    item: Field
    nonempty: bool = False

    @property
    def expected(self) -> str:  # type: ignore[override]
        return ("a non-empty list" if self.nonempty else "a list") + f" of {self.item.plural}"

    def check(self, value: Any, file: str, entry: str) -> Any:
        if not isinstance(value, list) or (self.nonempty and not value):
            raise data_error(file, entry, f"expected {self.expected}, got {_shown(value)}")
        return [self.item.check(item, file, f"{entry}.{n}") for n, item in enumerate(value, start=1)]


REGEX = Regex()
STRINGS = ListOf(TEXT)
PATTERNS = ListOf(REGEX)


@dataclass(frozen=True)
class Table(Field):
    """A table with named ``required`` and ``optional`` fields; any other key is an error (a typo
    such as ``cue`` for ``cues`` must not pass silently) unless ``open``."""

    required: Mapping[str, Field] = field(default_factory=dict)
    optional: Mapping[str, Field] = field(default_factory=dict)
    open: bool = False
    expected = "a table"
    plural = "tables"

    def check(self, value: Any, file: str, entry: str) -> Any:
        if not isinstance(value, dict):
            raise data_error(file, entry, f"expected {self.expected}, got {_shown(value)}")
        known = {**self.required, **self.optional}
        unknown = [] if self.open else [key for key in value if key not in known]
        missing = [key for key in self.required if key not in value]
        if missing:
            also = f" (and an unknown field {unknown[0]!r})" if unknown else ""
            raise data_error(file, entry, f"missing field(s) {', '.join(missing)}{also}")
        if unknown:
            raise data_error(file, entry, f"unknown field {unknown[0]!r} (known: {', '.join(known)})")
        return {
            key: known[key].check(item, file, f"{entry}.{key}" if entry else key) if key in known else item
            for key, item in value.items()
        }


@dataclass(frozen=True)
class Entries(Field):
    """A table of named entries (``[items.belt_and_road]``) or, with ``array``, an array of tables
    (``[[frame]]``, entries numbered from 1), each validated by ``entry``."""

    entry: Field
    nonempty: bool = False
    array: bool = False

    @property
    def expected(self) -> str:  # type: ignore[override]
        return ("an array of tables" if self.array else "a table of entries") + (" (at least one)" * self.nonempty)

    def check(self, value: Any, file: str, entry: str) -> Any:
        kind = list if self.array else dict
        if not isinstance(value, kind) or (self.nonempty and not value):
            raise data_error(file, entry, f"expected {self.expected}, got {_shown(value)}")
        if self.array:
            return [self.entry.check(item, file, f"{entry}.{n}") for n, item in enumerate(value, start=1)]
        return {name: self.entry.check(item, file, f"{entry}.{name}") for name, item in value.items()}


@dataclass(frozen=True)
class Schema:
    """What a data file holds: its name as shipped, and its top-level table."""

    file: str
    table: Table

    def check(self, data: dict[str, Any], path: Path) -> dict[str, Any]:
        """``data`` (read from ``path``) validated; errors name ``path``'s file name and the entry."""
        return self.table.check(data, path.name, "")


def load_data_file(name_or_path: str | Path, schema: Schema) -> dict[str, Any]:
    """Read a TOML data file and validate it against ``schema``: a bare name means the copy shipped
    with xivn. Raises :class:`~xivn.errors.DataFileError` in the one shape of :func:`data_error`
    for a missing or unreadable file and for every value that does not fit the schema."""
    path = data_path(name_or_path or schema.file)
    return schema.check(load_toml(path), path)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
