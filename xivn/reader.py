"""Reading a corpus folder: which files are documents, how they decode, and the metadata file.

This is the only module of the corpus layer that touches the file system. Every problem a user
can cause is reported as a one-line :class:`~xivn.errors.CorpusError` naming the path.
"""

from __future__ import annotations

import csv
import hashlib
import warnings
from dataclasses import dataclass
from pathlib import Path

from xivn.errors import CorpusError, MetadataError, XivnWarning

DOCUMENT_SUFFIXES = (".txt", ".md")
METADATA_FILE = "metadata.csv"
MAX_FILE_BYTES = 20 * 1024 * 1024
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
BOM = "\ufeff"


@dataclass(frozen=True)
class RawDocument:
    """One file as read: its id, path, decoded text (BOM removed), SHA-256 of its bytes, and the
    encoding it was decoded with."""

    doc_id: str
    path: Path
    text: str
    sha256: str
    encoding: str


def corpus_files(folder: Path) -> list[Path]:
    """The document files of a folder (``*.txt`` and ``*.md``, not recursive), sorted by name."""
    if not folder.exists():
        raise CorpusError(f"{folder}: corpus folder not found")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder (give the folder that holds the .txt/.md files)")
    files = sorted(
        (p for p in folder.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES and p.is_file()),
        key=lambda p: p.name,
    )
    if not files:
        raise CorpusError(f"{folder}: no documents (expected *.txt or *.md files)")
    return files


def read_document(path: Path, doc_id: str) -> RawDocument:
    """Read and decode one document file.

    UTF-8 (with or without a byte-order mark) is read as is; anything else is decoded as
    Windows-1252 (or Latin-1) with a :class:`~xivn.errors.XivnWarning` naming the file.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise CorpusError(f"{path}: file is {size:,} bytes, above the limit of {MAX_FILE_BYTES:,} bytes per document")
    data = path.read_bytes()
    if not data.strip():
        raise CorpusError(f"{path}: empty file (no text to analyse)")
    if _looks_binary(data):
        raise CorpusError(f"{path}: binary file, not text (expected UTF-8 text)")
    text, encoding = _decode(data, path)
    return RawDocument(doc_id, path, text.removeprefix(BOM), hashlib.sha256(data).hexdigest(), encoding)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) * 0.1


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        problem = f"byte {exc.start}"
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warnings.warn(f"{path}: not valid UTF-8 (at {problem}); decoded as {encoding}", XivnWarning, stacklevel=3)
        return text, encoding
    raise CorpusError(f"{path}: cannot decode the file as text")  # latin-1 decodes anything


def read_metadata(folder: Path) -> list[dict[str, str]] | None:
    """The rows of ``metadata.csv`` in ``folder`` (``None`` when there is no such file).

    Each row must name a document by ``file`` (a file name inside the folder) or by ``doc_id``.
    Columns beyond the known ones are kept; missing ones are left empty.
    """
    path = folder / METADATA_FILE
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            rows = [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise MetadataError(f"{path}: cannot read the metadata file ({exc})") from None
    if "file" not in columns and "doc_id" not in columns:
        raise MetadataError(f"{path}: needs a 'file' or a 'doc_id' column (found: {', '.join(columns) or 'none'})")
    for number, row in enumerate(rows, start=2):
        name = row.get("file", "")
        if name:
            _check_inside(folder, name, f"{path}, line {number}")
    return rows


def _check_inside(folder: Path, name: str, where: str) -> None:
    target = (folder / name).resolve()
    if Path(name).is_absolute() or folder.resolve() not in target.parents:
        raise MetadataError(f"{where}: file {name!r} is outside the corpus folder")
    if not target.is_file():
        raise MetadataError(f"{where}: file {name!r} not found in {folder}")
