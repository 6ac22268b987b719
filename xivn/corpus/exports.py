"""Reading a news-archive export: a CSV, JSONL or Parquet file with one article per row.

The file is streamed, a row at a time (a batch at a time for Parquet), so an export of 100,000
rows is never held twice in memory. Which column holds the text, the id, the URL, the title, the
date, the outlet, the author and the language is recognised by the common spellings listed in
``data/export_columns.toml`` (ignoring case, spaces, hyphens and underscores), or named by the
caller (``{"text": "story"}``).

Nothing is lost silently: a row that cannot be a document (a JSONL line that is not a JSON
object, an empty or whitespace-only text, a text above the size limit, an id already used) is
yielded as a :class:`~xivn.corpus.reader.Reject` naming the file and the line, and the other rows
still load. A file that cannot be an export at all (no text column, not CSV/JSON/Parquet) is a
one-line :class:`~xivn.errors.CorpusError`. Lines that are not UTF-8 are decoded as Windows-1252,
with one warning per file counting them (an export assembled from several sources often mixes
encodings).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from xivn.corpus.reader import MAX_FILE_BYTES, RawDocument, Reject
from xivn.cues.datafiles import STRINGS, Entries, Schema, Table, data_error, load_data_file
from xivn.errors import CorpusError, XivnWarning, shown

EXPORT_SUFFIXES = (".csv", ".jsonl", ".parquet")
FIELDS = ("text", "id", "url", "title", "date", "outlet", "author", "language")
# Where each export field lands among the corpus's metadata columns.
FIELD_COLUMNS = {
    "url": "url",
    "title": "headline",
    "date": "date",
    "outlet": "outlet",
    "author": "byline",
    "language": "language",
}
PARQUET_BATCH_ROWS = 1000
_NAME_NOISE = re.compile(r"[\s_-]+")

COLUMNS_SCHEMA = Schema(
    "export_columns.toml",
    Table(required={"fields": Entries(STRINGS, nonempty=True)}),
)
"""The export-column file: for each field, the column spellings that hold it."""


@cache
def column_spellings() -> dict[str, tuple[str, ...]]:
    """The recognised spellings per field, normalised (``data/export_columns.toml``, read once)."""
    fields = load_data_file(COLUMNS_SCHEMA.file, COLUMNS_SCHEMA)["fields"]
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown or "text" not in fields:
        problem = f"unknown field {unknown[0]!r}" if unknown else "no 'text' field"
        raise data_error(COLUMNS_SCHEMA.file, "fields", f"{problem} (fields: {', '.join(FIELDS)})")
    return {name: tuple(_normal(s) for s in spellings) for name, spellings in fields.items()}


def resolve_columns(names: Iterable[str], chosen: Mapping[str, str] | None = None) -> dict[str, str]:
    """``{field: column}`` for the columns ``names`` of an export: the column ``chosen`` for a field,
    else the first column matching the field's spellings. A chosen column that is not there is an
    error naming the columns the export has."""
    names = list(names)
    by_normal: dict[str, str] = {}
    for name in names:
        by_normal.setdefault(_normal(name), name)
    found = {}
    for field, column in (chosen or {}).items():
        if column not in names:
            raise CorpusError(f"no column {column!r} for the {field} (columns: {_listed(names)})")
        found[field] = column
    for field, spellings in column_spellings().items():
        if field not in found:
            match = next((by_normal[s] for s in spellings if s in by_normal), None)
            if match is not None:
                found[field] = match
    return found


def read_export(path: Path, chosen: Mapping[str, str] | None = None) -> Iterator[RawDocument | Reject]:
    """The documents of an export, in file order, with a :class:`~xivn.corpus.reader.Reject` in
    place of each row that cannot be one. ``chosen`` names columns (``{"text": "story"}``) that
    override the recognised spellings."""
    suffix = path.suffix.lower()
    rows = {".csv": _csv_rows, ".jsonl": _jsonl_rows, ".parquet": _parquet_rows}[suffix](path, chosen or {})
    first_line: dict[str, str] = {}
    for record, row in rows:
        if isinstance(row, Reject):
            yield row
            continue
        yield _document(path, record, row, suffix[1:], first_line)


def _document(
    path: Path, record: str, row: dict[str, Any], format: str, first_line: dict[str, str]
) -> RawDocument | Reject:
    text = row.get("text")
    problem = _text_problem(text)
    if problem:
        return Reject(str(path), record, "rejected", problem)
    if len(text) > MAX_FILE_BYTES:
        return Reject(
            str(path), record, "rejected", f"text of {len(text):,} characters, above the limit of {MAX_FILE_BYTES:,}"
        )
    doc_id = _value(row.get("id")) or f"{path.stem}_{record.removeprefix('line ').removeprefix('row ')}"
    if doc_id in first_line:
        return Reject(str(path), record, "rejected", f"duplicate id {doc_id!r} (first used at {first_line[doc_id]})")
    first_line[doc_id] = record
    stated = {FIELD_COLUMNS[f]: (value, "export") for f in FIELD_COLUMNS if (value := _value(row.get(f)))}
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return RawDocument(doc_id, path, text, digest, "utf-8", record=record, format=format, stated=stated)


def _text_problem(text: Any) -> str:
    """Why a cell cannot be a document's text ("" when it can)."""
    if text is None or text == "":
        return "no text"
    if not isinstance(text, str):
        return f"text is not a string ({type(text).__name__})"
    return "" if text.strip() else "text holds no visible characters"


def _csv_rows(path: Path, chosen: Mapping[str, str]) -> Iterator[tuple[str, dict[str, Any] | Reject]]:
    csv.field_size_limit(MAX_FILE_BYTES + 1)
    lines = _decoded_lines(path)
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
        if not header:
            raise CorpusError(f"{shown(path)}: empty export (no header row)")
        columns = resolve_columns([h.strip() for h in header], chosen)
        _need_text(path, columns, [h.strip() for h in header])
        index = {field: [h.strip() for h in header].index(column) for field, column in columns.items()}
        while True:
            start = reader.line_num + 1
            values = next(reader, None)
            if values is None:
                return
            if not any(v.strip() for v in values):
                continue
            yield f"line {start}", {field: values[i] if i < len(values) else None for field, i in index.items()}
    except csv.Error as exc:
        raise CorpusError(f"{shown(path)}, line {reader.line_num}: not readable as CSV ({exc})") from None


def _jsonl_rows(path: Path, chosen: Mapping[str, str]) -> Iterator[tuple[str, dict[str, Any] | Reject]]:
    for number, line in enumerate(_decoded_lines(path), start=1):
        if not line.strip():
            continue
        record = f"line {number}"
        try:
            item = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield record, Reject(str(path), record, "rejected", f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(item, dict):
            yield record, Reject(str(path), record, "rejected", f"a JSON {type(item).__name__}, not an object")
            continue
        columns = resolve_columns(item, chosen)
        if "text" not in columns:
            yield record, Reject(str(path), record, "rejected", f"no text field (fields: {_listed(item)})")
            continue
        yield record, {field: item[column] for field, column in columns.items()}


def _parquet_rows(path: Path, chosen: Mapping[str, str]) -> Iterator[tuple[str, dict[str, Any] | Reject]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise CorpusError(f"{shown(path)}: not a readable Parquet file ({exc})") from None
    names = file.schema_arrow.names
    columns = resolve_columns(names, chosen)
    _need_text(path, columns, names)
    fields = list(columns)
    number = 0
    for batch in file.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=[columns[f] for f in fields]):
        for values in zip(*(batch.column(i).to_pylist() for i in range(len(fields))), strict=True):
            number += 1
            yield f"row {number}", dict(zip(fields, values, strict=True))


def _need_text(path: Path, columns: Mapping[str, str], names: list[str]) -> None:
    if "text" not in columns:
        raise CorpusError(f"{shown(path)}: no text column (columns: {_listed(names)}; name one with text_column=)")


def _decoded_lines(path: Path) -> Iterator[str]:
    """The lines of ``path`` (line ends kept), each decoded as UTF-8 or else as Windows-1252; one
    warning at the end counts the lines that were not UTF-8."""
    fallback = []
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    fallback.append(number)
                    yield raw.decode("cp1252", errors="replace")
    except OSError as exc:
        raise CorpusError(f"{shown(path)}: cannot read the file ({exc.strerror or exc})") from None
    if fallback:
        warnings.warn(
            f"{shown(path)}: {len(fallback)} line(s) not valid UTF-8 (first: line {fallback[0]}); decoded as cp1252",
            XivnWarning,
            stacklevel=2,
        )


def _value(value: Any) -> str:
    """A cell as metadata text: strings stripped, numbers written plainly, a JSON object's ``name``
    (news APIs nest the source as ``{"id": …, "name": …}``), lists joined with ``; ``."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return _value(value.get("name"))
    if isinstance(value, list | tuple):
        return "; ".join(v for v in map(_value, value) if v)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _normal(name: str) -> str:
    return _NAME_NOISE.sub("", str(name)).casefold()


def _listed(names: Iterable[str]) -> str:
    return ", ".join(repr(str(n)) for n in names) or "none"
