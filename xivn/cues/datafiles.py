"""Loading the editable data files shipped in each package's ``data/`` folder (or given by the user).

One loader per file format — TOML for cue lists, taxonomies and dictionaries, CSV for tables
(reference statistics, hand-coded samples) — so that a malformed file always fails the same way:
a :class:`~xivn.errors.DataFileError` naming the file and the bad entry.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
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


def require_keys(entry: dict[str, Any], keys: Iterable[str], *, where: str) -> None:
    """Fail with the entry's name when a data-file entry lacks one of ``keys``."""
    missing = [key for key in keys if key not in entry]
    if missing:
        raise DataFileError(f"{where}: missing field(s) {', '.join(missing)}")
