"""Computed prose for notebooks: Markdown that corpus text can never turn into running code.

Use ``from xivn.display.markdown import Markdown`` instead of IPython's: the same display object, with its
text passed through :func:`xivn.display.escaping.neutralise_markdown`, so a label or a quote holding
``<img onerror=...>`` shows as text in JupyterLab and in the HTML report.
"""

from __future__ import annotations

from IPython.display import Markdown as IPythonMarkdown

from xivn.display.escaping import neutralise_markdown


class Markdown(IPythonMarkdown):
    """IPython's ``Markdown`` with raw HTML and script links neutralised."""

    def __init__(self, data: str | None = None, url: str | None = None, filename: str | None = None) -> None:
        super().__init__(data=None if data is None else neutralise_markdown(data), url=url, filename=filename)
