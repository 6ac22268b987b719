"""The analysis store: the tables of per-document stages kept on disk and reused by later runs.

:func:`xivn.runner.run_stages` with ``store=FOLDER`` (or the ``XIVN_STORE`` environment variable)
reads back the rows of every document it has analysed before and computes only the new or changed
ones. The folder holds one Parquet file (a *part*) per stage and partition of documents computed::

    FOLDER/<stage>/<stage key>/part-<digest of its documents>.parquet

A stage's key is a SHA-256 over its name, :func:`code_version` (xivn's version and a digest of its
Python source) and the digests of the data files the stage reads (``Stage.reads``, with the run's
own replacements of ``Stage.options``): editing ``frames.toml``, or running with another frame
dictionary, gives ``frame_evidence`` another key, so its rows are computed for it, while the other
stages' parts are reused. In a part, each document is keyed by
:attr:`xivn.corpus.corpus.Corpus.document_digests` (its id, text and metadata), recorded in the
file's metadata beside the table's ``attrs`` and Arrow schema: a document whose digest changed is
analysed again.

The store is a cache: delete the folder at any time. Each part is written to a temporary file in its
folder and renamed into place (atomic), so a killed run or two runs at once never leave a partial
part under a part's name; a part that cannot be used (truncated, not Parquet, a failed page
checksum, metadata or schema that do not match) is reported on the progress stream, removed, and its
documents recomputed. Old keys' folders are not pruned yet, and corpus-wide stages and aggregates are
not stored: they are recomputed on every run.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from xivn.corpus.parallel import concat_parts
from xivn.paths import PACKAGE_DIR, data_path

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import pyarrow as pa

    from xivn.corpus.stages import Stage

STORE_VARIABLE = "XIVN_STORE"
"""The environment variable naming the store folder used when ``run_stages`` is given no ``store``."""

METADATA_KEY = b"xivn.store"
STALE_TEMPORARY_SECONDS = 3600
"""Temporary files older than this (left by a killed run) are removed when their folder is read."""


def store_folder(store: str | os.PathLike[str] | bool | None) -> Path | None:
    """The store folder of a run: ``store`` itself when it is a path; for None, the folder named by
    ``XIVN_STORE`` when that is set (else no store); for False, no store."""
    if store is None:
        store = os.environ.get(STORE_VARIABLE) or False
    if store is False:
        return None
    if store is True:
        from xivn.errors import ParameterError

        raise ParameterError("store=True names no folder: give a folder path, or set XIVN_STORE")
    return Path(store).expanduser()


@cache
def code_version() -> str:
    """xivn's version and a SHA-256 of its Python source: stored rows never outlive a code change."""
    from xivn import __version__

    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(f"{path.relative_to(PACKAGE_DIR).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def file_digest(name: str | os.PathLike[str]) -> str:
    """SHA-256 of a data file (a bare name means the shipped copy, :func:`xivn.paths.data_path`)."""
    path = data_path(name)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else f"missing {path}"


def stage_key(entry: Stage, files: Mapping[str, str] | None = None) -> str:
    """The key of a stage's stored rows: its name, :func:`code_version` and the digests of the data
    files it reads, each the shipped copy unless ``files`` replaces it (``{shipped name: path}``)."""
    files = files or {}
    read = sorted(set(entry.reads))
    facts = [entry.name, code_version(), *(f"{name}\t{file_digest(files.get(name, name))}" for name in read)]
    return hashlib.sha256("\n".join(facts).encode()).hexdigest()


def part_name(documents: Sequence[tuple[str, str]]) -> str:
    """The file name of the part holding ``documents`` (``(doc_id, digest)`` pairs, in order)."""
    listed = "\n".join(f"{doc_id}\t{digest}" for doc_id, digest in documents)
    return f"part-{hashlib.sha256(listed.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.parquet"


class Store:
    """The parts of one store folder; ``report`` takes the progress lines (corrupt parts, failed
    writes); ``files`` are the run's replaced data files (``{shipped name: path}``, see :func:`stage_key`)."""

    def __init__(self, folder: Path, report: Callable[[str], None], files: Mapping[str, str] | None = None) -> None:
        self.folder, self.report, self.files = folder, report, dict(files or {})

    def __repr__(self) -> str:
        return f"<Store {self.folder}>"

    def stage_folder(self, entry: Stage) -> Path:
        """Where the parts of ``entry`` with its current key are."""
        return self.folder / entry.name / stage_key(entry, self.files)[:32]

    def read(self, entry: Stage, digests: Mapping[str, str]) -> tuple[list[pd.DataFrame], set[str]]:
        """The stored rows of ``entry`` for the documents of ``digests`` (``{doc_id: digest}``) whose
        digest matches: ``(tables, doc_ids found)``, one table per part used. Parts that cannot be
        used are reported, removed, and their documents left to compute."""
        folder = self.stage_folder(entry)
        if not folder.is_dir():
            return [], set()
        self._remove_stale_temporaries(folder)
        key, headers = stage_key(entry, self.files), []
        for path in sorted(folder.glob("part-*.parquet")):
            header = self._header(path, entry.name, key)
            if header is not None:
                headers.append((path, header))
        usual = Counter(tuple(header["columns"]) for _, header in headers).most_common(1)
        tables, found = [], set()
        for path, header in headers:
            if tuple(header["columns"]) != usual[0][0]:
                self._discard(path, entry.name, f"columns {header['columns']} differ from the other parts'")
                continue
            wanted = {doc_id for doc_id, digest in header["documents"] if digests.get(doc_id) == digest} - found
            if wanted:
                table = self._table(path, entry.name, header)
                if table is not None:
                    tables.append(table if len(wanted) == len(header["documents"]) else _rows_of(table, wanted))
                    found |= wanted
        return tables, found

    def write(self, entry: Stage, table: pd.DataFrame, documents: Sequence[tuple[str, str]]) -> None:
        """Store ``table``, the rows of ``entry`` for ``documents`` (``(doc_id, digest)`` pairs), as
        one part: a temporary file renamed into place. A failed write is reported, not raised."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        folder = self.stage_folder(entry)
        temporary = None
        try:
            arrow = pa.Table.from_pandas(table, preserve_index=False)
            header = {
                "stage": entry.name,
                "key": stage_key(entry, self.files),
                "columns": list(table.columns),
                "schema": _schema_text(arrow.schema),
                "attrs": table.attrs,
                "documents": [list(pair) for pair in documents],
            }
            arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), METADATA_KEY: json.dumps(header)})
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet", dir=folder)
            os.close(handle)
            pq.write_table(arrow, temporary, write_page_checksum=True)
            os.replace(temporary, folder / part_name(documents))
        except (OSError, TypeError, ValueError, pa.ArrowException) as error:
            self.report(f"store: could not write a part of {entry.name} ({error}); the run goes on without it")
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)

    def _header(self, path: Path, stage: str, key: str) -> dict | None:
        """The xivn metadata of a part, checked against its stage and key (None: part discarded)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            schema = pq.read_schema(path)
            header = json.loads((schema.metadata or {}).get(METADATA_KEY, b"null"))
        except FileNotFoundError:  # removed meanwhile: the store may be deleted at any time
            return None
        except (OSError, ValueError, pa.ArrowException) as error:
            self._discard(path, stage, f"unreadable: {error}")
            return None
        problem = _header_problem(header, schema, stage, key)
        if problem:
            self._discard(path, stage, problem)
            return None
        return header

    def _table(self, path: Path, stage: str, header: dict) -> pd.DataFrame | None:
        """A part's table, its pages' checksums verified (None: part discarded)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(path, page_checksum_verification=True).to_pandas()
        except FileNotFoundError:
            return None
        except (OSError, ValueError, pa.ArrowException) as error:
            self._discard(path, stage, f"unreadable: {error}")
            return None
        listed = {doc_id for doc_id, _ in header["documents"]}
        if not set(table["doc_id"]) <= listed:
            self._discard(path, stage, "rows of documents it does not list")
            return None
        table.attrs = dict(header["attrs"])
        return table

    def _discard(self, path: Path, stage: str, reason: str) -> None:
        self.report(f"store: part {path.name} of {stage} is unusable ({reason}); its documents are recomputed")
        path.unlink(missing_ok=True)

    @staticmethod
    def _remove_stale_temporaries(folder: Path) -> None:
        now = time.time()
        for path in folder.glob(".tmp-*"):
            try:
                if now - path.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                    path.unlink()
            except OSError:
                pass  # another run removed it


def _schema_text(schema: pa.Schema) -> str:
    return schema.remove_metadata().to_string(show_schema_metadata=False)


def _header_problem(header: object, schema: pa.Schema, stage: str, key: str) -> str:
    """What is wrong with a part's metadata, or "" when it belongs to ``stage`` under ``key``."""
    if not isinstance(header, dict) or not {"stage", "key", "columns", "schema", "attrs", "documents"} <= set(header):
        return "no xivn store metadata"
    if header["stage"] != stage or header["key"] != key:
        return f"written for {header['stage']!r} under another key"
    if header["schema"] != _schema_text(schema) or "doc_id" not in header["columns"]:
        return "its schema is not the one it was written with"
    return ""


def _rows_of(table: pd.DataFrame, doc_ids: set[str]) -> pd.DataFrame:
    rows = table[table["doc_id"].isin(doc_ids)]
    rows.attrs = dict(table.attrs)
    return rows


def assemble(pieces: Sequence[pd.DataFrame], doc_ids: Sequence[str]) -> pd.DataFrame:
    """One stage's table from stored and computed pieces: concatenated as
    :func:`xivn.corpus.parallel.concat_parts` does, then rows put in corpus order (``doc_ids``),
    each document's rows in their own order."""
    import numpy as np
    import pandas as pd

    table = concat_parts(pieces)
    order = table["doc_id"].map(pd.Series(np.arange(len(doc_ids)), index=list(doc_ids))).to_numpy()
    if len(order) > 1 and (np.diff(order) < 0).any():
        attrs = table.attrs
        table = table.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)
        table.attrs = attrs
    return table
