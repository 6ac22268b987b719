"""The report layer: every notebook rendered on a corpus into static HTML pages.

- :mod:`~xivn.report.parameters` — each notebook's parameters cell, and ``-p`` values checked against it;
- :mod:`~xivn.report.rendering` — :func:`render`: papermill processes in parallel, the atomic swap of the folder;
- :mod:`~xivn.report.pages` — the static pages (nbconvert, no scripts, templates in ``templates/``) and ``index.html``;
- :mod:`~xivn.report.provenance` — the run's stamp: date, version, commit, corpus digest, parameters, packages.
"""

from xivn.report.rendering import render

__all__ = ["render"]
