"""Computed prose for notebooks: Markdown that corpus text can never turn into running code or maths.

Use ``from xivn.display.markdown import Markdown`` instead of IPython's: the same display object, with its
text passed through :func:`xivn.display.escaping.neutralise_markdown`, so a label or a quote holding
``<img onerror=...>`` shows as text in JupyterLab and in the HTML report. It also offers the prose
as HTML (rendered with mistune, in an element MathJax skips), which JupyterLab and nbconvert show in
preference to Markdown: two amounts such as "$60bn … $95bn" in one sentence never become maths.
"""

from __future__ import annotations

from IPython.display import Markdown as IPythonMarkdown

from xivn.display.escaping import NO_MATHS, neutralise_markdown


class Markdown(IPythonMarkdown):
    """IPython's ``Markdown`` with raw HTML and script links neutralised, shown as maths-free HTML."""

    def __init__(self, data: str | None = None, url: str | None = None, filename: str | None = None) -> None:
        super().__init__(data=None if data is None else neutralise_markdown(data), url=url, filename=filename)

    def _repr_html_(self) -> str:
        """The prose as HTML inside an element MathJax never typesets (no raw HTML can form: every
        ``<`` of the text is already an entity)."""
        import mistune

        return f'<div class="{NO_MATHS}">{mistune.html(self.data or "")}</div>'
