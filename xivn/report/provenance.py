"""The provenance stamp of a report run: when, with which code, on which corpus, with which settings.

The stamp is a plain dict (written as ``provenance.json`` and shown on the report's index page), so
a reader can tell exactly what produced the numbers in front of them.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from xivn.corpus.corpus import Corpus

KEY_PACKAGES = (
    "pandas",
    "matplotlib",
    "sentencex",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "jupyterlab",
)


def package_versions(names: tuple[str, ...] = KEY_PACKAGES) -> dict[str, str]:
    """Installed version of each package (``"not installed"`` when missing), plus Python's."""
    import platform

    versions = {"python": platform.python_version()}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def git_commit(folder: str | Path) -> str | None:
    """The commit checked out in the git work tree holding ``folder``, with ``+dirty`` when it has
    uncommitted changes; ``None`` outside a work tree or without git."""
    try:
        head = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10
        )
        if head.returncode != 0:
            return None
        status = subprocess.run(
            ["git", "-C", str(folder), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return head.stdout.strip() + ("+dirty" if status.stdout.strip() else "")


def run_stamp(corpus: Corpus, parameters: Mapping[str, Any], code_dir: str | Path) -> dict[str, Any]:
    """The stamp of a run on ``corpus``: ``date`` (UTC, ISO 8601), ``xivn_version``, ``git_commit``
    (of ``code_dir``, or ``None``), ``corpus`` (``folder``, ``sha256``, ``documents``),
    ``parameters`` and ``packages`` (key package versions)."""
    from xivn import __version__

    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "xivn_version": __version__,
        "git_commit": git_commit(code_dir),
        "corpus": {
            "folder": str(corpus.root),
            "sha256": corpus.sha256,
            "documents": len(corpus),
        },
        "parameters": dict(parameters),
        "packages": package_versions(),
    }
