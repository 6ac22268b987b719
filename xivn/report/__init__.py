"""The report layer: every notebook rendered on a corpus into static HTML pages.

- :mod:`~xivn.report.parameters` — each notebook's parameters cell, and ``-p`` values checked against it;
- :mod:`~xivn.report.rendering` — :func:`render`: papermill processes in parallel, the atomic swap of the folder;
- :mod:`~xivn.report.pages` — the static pages (nbconvert, no scripts, templates in ``templates/``) and ``index.html``;
- :mod:`~xivn.report.provenance` — the run's stamp: date, version, commit, corpus digest, parameters, packages.

``render`` is imported on first use, so that the command line can read the parameters cells and
check its arguments without loading pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from xivn.report.rendering import render

__all__ = ["render"]


def __getattr__(name: str) -> Any:
    if name != "render":
        raise AttributeError(f"module 'xivn.report' has no attribute {name!r}")
    from xivn.report.rendering import render

    return render
