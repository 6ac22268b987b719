"""Reading a corpus folder: which files are documents, how they decode, and the metadata file.

This module and the streaming readers of exports and web archives are the only code of the
corpus layer that touches the file system. Every problem a user
can cause is reported as a one-line :class:`~xivn.errors.CorpusError` naming the path (through
:func:`~xivn.errors.shown`, so a file name holding a newline stays on one line).

Rules (the README's "What xivn guarantees and what it refuses" repeats them for users):

- Documents are the ``*.txt``/``*.md``/``*.html``/``*.htm`` entries of the folder itself (not
  recursive), sorted by name; an HTML file's bytes are read here and turned into text by
  :mod:`~xivn.corpus.html`. An export (``.csv``, ``.jsonl``, ``.parquet``) or a web archive
  (``.warc``, ``.warc.gz``) is given as a file and read, streaming, by :mod:`~xivn.corpus.exports`
  and :mod:`~xivn.corpus.warc`. An entry with such a name that is not a regular file (a folder,
  a device) is skipped with a :class:`~xivn.errors.XivnWarning`; a broken or looping symbolic
  link, a link to a file outside the folder, an unreadable file and a file name that is not valid
  Unicode are errors.
- A file is at most :data:`MAX_FILE_BYTES` bytes; the limit is checked before reading, and the read
  itself never takes more than the limit.
- Decoding: a UTF-32/UTF-16 byte-order mark decides the encoding; else UTF-8 (with or without a
  byte-order mark); else Windows-1252 or Latin-1 with a warning. NUL bytes or many control
  characters make a binary file; a file with no visible text is empty; both are errors.
- ``metadata.csv`` names files inside the folder only (after resolving symbolic links).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from xivn.errors import CorpusError, MetadataError, XivnWarning, shown

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
DOCUMENT_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES)
METADATA_FILE = "metadata.csv"
MAX_FILE_BYTES = 20 * 1024 * 1024
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
# UTF-32 first: its little-endian mark starts with the UTF-16 one.
UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY_SAMPLE = 8192
TEXT_CONTROLS = "\t\n\f\r"
_CONTROLS = re.compile("[" + re.escape("".join(chr(c) for c in range(32) if chr(c) not in TEXT_CONTROLS)) + "]")


@dataclass(frozen=True)
class Block:
    """One block of an HTML page as laid out in the document text: ``text[start:end]`` is the block,
    ``tag`` its element, ``landmark`` the page region it sits in, ``extractor_main`` whether the
    main-content extractor keeps it as article text, ``markup_hint`` the chrome kind a class or id
    of its element or an ancestor names ("" when none)."""

    start: int
    end: int
    tag: str
    landmark: str
    extractor_main: bool
    markup_hint: str = ""


@dataclass(frozen=True)
class RawDocument:
    """One document as read: its id, path, decoded text (BOM removed), SHA-256 of its bytes, and the
    encoding it was decoded with; for a document inside a file, where (``record``); the input's
    ``format``; metadata the input states, as ``{field: (value, source)}`` (sources as in
    :data:`xivn.corpus.schema.SOURCES`); an HTML page's blocks; when a crawler fetched it."""

    doc_id: str
    path: Path
    text: str
    sha256: str
    encoding: str
    record: str = ""
    format: str = "text"
    stated: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()
    captured_at: str = ""


@dataclass(frozen=True)
class Reject:
    """Input that did not become a document: where (``path``, ``record``), ``action``
    (``rejected`` or ``skipped``) and why."""

    path: str
    record: str
    action: str
    reason: str


def corpus_files(folder: Path) -> list[Path]:
    """The document files of a folder (``*.txt`` and ``*.md``, not recursive), sorted by name.

    Raises :class:`~xivn.errors.CorpusError` for a missing or unlistable folder, a folder without
    documents, a broken or looping symbolic link, a link to a file outside the folder, and a file
    name that is not valid Unicode; warns and skips an entry that is not a regular file.
    """
    try:
        files = _document_files(folder)
    except OSError as exc:  # a permission problem on the way, for instance
        raise CorpusError(f"{shown(exc.filename or folder)}: cannot read ({exc.strerror or exc})") from None
    if not files:
        raise CorpusError(f"{shown(folder)}: no documents (expected *.txt, *.md, *.html or *.htm files)")
    return files


def _document_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise CorpusError(f"{shown(folder)}: corpus folder not found")
    if not folder.is_dir():
        raise CorpusError(
            f"{shown(folder)}: not a folder, an export (.csv, .jsonl, .parquet) or a web archive (.warc, .warc.gz)"
        )
    root = folder.resolve()
    files = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        if not _is_unicode(path.name):
            raise CorpusError(f"{shown(path)}: file name is not valid Unicode (rename the file)")
        if path.is_symlink() and not path.exists():
            raise CorpusError(f"{shown(path)}: broken or looping symbolic link")
        if not path.is_file():
            warnings.warn(f"{shown(path)}: not a regular file (a folder?); skipped", XivnWarning, stacklevel=4)
            continue
        if path.is_symlink() and root not in path.resolve().parents:  # a plain entry is inside by construction
            raise CorpusError(f"{shown(path)}: symbolic link to a file outside the corpus folder (copy the file in)")
        files.append(path)
    return files


def _is_unicode(name: str) -> bool:
    """False for a file name holding bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_document(path: Path, doc_id: str) -> RawDocument:
    """Read and decode one document file.

    A UTF-32 or UTF-16 byte-order mark is obeyed; UTF-8 (with or without a byte-order mark) is read
    as is; anything else is decoded as Windows-1252 (or Latin-1) with a
    :class:`~xivn.errors.XivnWarning` naming the file.
    """
    data = read_bounded(path, CorpusError)
    if not data:
        raise CorpusError(f"{shown(path)}: empty file (no text to analyse)")
    text, encoding = decode(data, path)
    if not text.strip():
        raise CorpusError(f"{shown(path)}: empty file (no text to analyse)")
    return RawDocument(doc_id, path, text, hashlib.sha256(data).hexdigest(), encoding)


def read_bounded(path: Path, error: type[CorpusError]) -> bytes:
    """The bytes of ``path``, refusing (with ``error``) a file above :data:`MAX_FILE_BYTES` before
    reading it, and never reading more than the limit (a file may grow after it was measured)."""
    limit = f"the limit of {MAX_FILE_BYTES:,} bytes per file"
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error(f"{shown(path)}: file is {size:,} bytes, above {limit}")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise error(f"{shown(path)}: cannot read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise error(f"{shown(path)}: file has more than {MAX_FILE_BYTES:,} bytes, above {limit}")
    return data


def _looks_binary(sample: str) -> bool:
    """NUL characters, or more than one character in ten a control character other than tab,
    line feed, form feed and carriage return."""
    if "\x00" in sample:
        return True
    return len(_CONTROLS.findall(sample)) > len(sample) * 0.1


def decode(data: bytes, path: Path | str) -> tuple[str, str]:
    """The text (one leading byte-order mark dropped) and the name of the encoding used; warns
    (naming ``path``) when it had to fall back from UTF-8."""
    for bom, encoding in UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)  # the codec reads the mark and drops it
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    f"{shown(path)}: starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (at byte {exc.start})"
                ) from None
            if _looks_binary(text[:BINARY_SAMPLE]):
                raise CorpusError(f"{shown(path)}: binary file, not text")
            return text, encoding
    if _looks_binary(data[:BINARY_SAMPLE].decode("latin-1")):
        raise CorpusError(
            f"{shown(path)}: binary file, not text (expected UTF-8 text, or UTF-16 with a byte-order mark)"
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        problem = f"byte {exc.start}"
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warnings.warn(
            f"{shown(path)}: not valid UTF-8 (at {problem}); decoded as {encoding}", XivnWarning, stacklevel=4
        )
        return text, encoding
    raise CorpusError(f"{shown(path)}: cannot decode the file as text")  # latin-1 decodes anything


def read_metadata(folder: Path) -> list[dict[str, str]] | None:
    """The rows of ``metadata.csv`` in ``folder`` (``None`` when there is no such file).

    UTF-8 with or without a byte-order mark, any line ends. Each row must name a document by
    ``file`` (a file name inside the folder) or by ``doc_id``; a file or a doc_id may be named by
    one row only. Column names are stripped of surrounding spaces; columns beyond the known ones
    are kept, columns without a name are ignored, and a row with fewer values than columns has
    empty values for the rest. A row with more values than columns is an error (usually a value
    holding an unquoted comma).
    """
    path = folder / METADATA_FILE
    if not path.is_file():
        return None
    if folder.resolve() not in path.resolve().parents:
        raise MetadataError(f"{shown(path)}: symbolic link to a file outside the corpus folder")
    data = read_bounded(path, MetadataError)
    try:
        text = data.decode("utf-8-sig")
        reader = csv.reader(io.StringIO(text, newline=""))
        columns = [name.strip() for name in next(reader, [])]
        records = [(reader.line_num, values) for values in reader if any(v.strip() for v in values)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise MetadataError(f"{shown(path)}: cannot read the metadata file ({exc})") from None
    if "file" not in columns and "doc_id" not in columns:
        found = ", ".join(repr(c) for c in columns if c) or "none"
        raise MetadataError(f"{shown(path)}: needs a 'file' or a 'doc_id' column (found: {found})")
    twice = sorted({c for c in columns if c and columns.count(c) > 1})
    if twice:
        raise MetadataError(f"{shown(path)}: column {twice[0]!r} appears more than once")
    rows, seen, root = [], {}, folder.resolve()
    for line, values in records:
        where = f"{shown(path)}, line {line}"
        if len(values) > len(columns):
            raise MetadataError(
                f"{where}: {len(values)} values for {len(columns)} columns (quote a value that holds a comma)"
            )
        row = {c: v.strip() for c, v in zip(columns, values, strict=False) if c}
        row.update({c: "" for c in columns[len(values) :] if c})
        key = ("file", row["file"]) if row.get("file") else ("doc_id", row.get("doc_id", ""))
        if not key[1]:
            raise MetadataError(f"{where}: row names no document (empty 'file' and 'doc_id')")
        if key in seen:
            raise MetadataError(f"{where}: {key[0]} {key[1]!r} already has a row (line {seen[key]})")
        seen[key] = line
        if key[0] == "file":
            _check_inside(folder, root, key[1], where)
        rows.append(row)
    return rows


def _check_inside(folder: Path, root: Path, name: str, where: str) -> None:
    """Fail unless ``name`` is a file inside ``folder`` (whose resolved path is ``root``)."""
    try:
        target = (folder / name).resolve()
    except (OSError, ValueError, RuntimeError):
        raise MetadataError(f"{where}: file {name!r} is not a usable file name") from None
    if Path(name).is_absolute() or root not in target.parents:
        raise MetadataError(f"{where}: file {name!r} is outside the corpus folder")
    if not target.is_file():
        raise MetadataError(f"{where}: file {name!r} not found in {shown(folder)}")
