"""Reusing executed notebooks: a notebook whose inputs are unchanged since the last report is not
run again.

A notebook's *key* is a SHA-256 of everything its outputs depend on: the notebook file itself,
the parameter values injected into it, the corpus (its SHA-256), xivn's code
(:func:`xivn.runner.store.code_version`) and every data file it may read (the files shipped with
xivn, and any file a parameter names by path). The report's stamp records each notebook's key;
the next render copies the executed notebook and its two pages from the old report when the key
is the same and the notebook is not forced, and says so in its progress lines and stamp.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from xivn.paths import shipped_data_files
from xivn.report.parameters import names_a_file
from xivn.runner.store import code_version

PAGE_SUFFIXES = (".ipynb", ".html", ".code.html")
"""The files one notebook leaves in a report."""


def data_digest(parameters: Mapping[str, Any]) -> str:
    """SHA-256 of the data files a notebook may read: every file shipped with xivn, then each file
    an ``event`` or ``*_file`` parameter names by path (a bare name is a shipped file, already in)."""
    digest = hashlib.sha256()
    for name, path in sorted(shipped_data_files().items()):
        digest.update(f"{name}\0".encode() + path.read_bytes())
    for name, value in sorted(parameters.items()):
        named = Path(str(value)) if names_a_file(name) and value else None
        if named is not None and named.parent != Path(".") and named.is_file():
            digest.update(f"{name}\0".encode() + named.read_bytes())
    return digest.hexdigest()


def notebook_key(notebook: Path, parameters: Mapping[str, Any], corpus_sha256: str, data: str) -> str:
    """The key of one notebook's run (see the module docstring); ``data`` is :func:`data_digest`."""
    facts = {
        "notebook": hashlib.sha256(notebook.read_bytes()).hexdigest(),
        "parameters": parameters,
        "corpus": corpus_sha256,
        "code": code_version(),
        "data": data,
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()


def previous_runs(report: Path, stamp_file: str) -> dict[str, dict[str, Any]]:
    """The notebooks of the report in ``report`` as its stamp lists them (``{stem: {"key",
    "seconds", ...}}``); empty when there is no report there or its stamp is unreadable."""
    try:
        stamp = json.loads((report / stamp_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    runs = stamp.get("notebooks") if isinstance(stamp, dict) else None
    return {str(k): v for k, v in runs.items() if isinstance(v, dict)} if isinstance(runs, dict) else {}


def reusable(report: Path, stem: str, key: str, previous: Mapping[str, Mapping[str, Any]]) -> bool:
    """Whether the old report holds this notebook run with the same key, every page of it present."""
    return previous.get(stem, {}).get("key") == key and all(
        (report / f"{stem}{suffix}").is_file() for suffix in PAGE_SUFFIXES
    )


def copy_pages(report: Path, staging: Path, stem: str) -> None:
    """Copy one notebook's executed copy and pages from the old report into the new one."""
    for suffix in PAGE_SUFFIXES:
        shutil.copy2(report / f"{stem}{suffix}", staging / f"{stem}{suffix}")
