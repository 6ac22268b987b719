"""Showing corpus text safely: corpus text is untrusted input, never markup.

A web capture may contain ``<script>``, an ``onerror`` attribute or Markdown syntax. Notebooks that
build Markdown from corpus text (``Markdown(f"> {quote}")``) pass each piece through
:func:`escape_markdown`, so it shows as the characters it is and nothing in it runs or formats.
Tables are safe as they are (pandas escapes its HTML), and :func:`xivn.show` escapes what it draws.
"""

from __future__ import annotations

import re

# Every ASCII punctuation character that Markdown (CommonMark, plus the $ of LaTeX maths in
# JupyterLab and nbconvert) can give a meaning to; each gets a backslash, which CommonMark removes.
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")
HTML_CHARACTERS = {"&": "&amp;", "<": "&lt;"}
NO_MATHS = "tex2jax_ignore mathjax_ignore"
"""HTML classes whose content MathJax 2 and 3 (JupyterLab, nbconvert) never typeset: a ``$`` inside
stays a dollar. In Markdown no escape does this in JupyterLab, which reads ``\\$`` as ``$`` and then
finds maths in the rendered text (jupyterlab/jupyterlab#8645); HTML in such an element is safe."""


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders literally: no HTML, no emphasis, links, maths or lists.

    ``&`` and ``<`` become HTML entities and Markdown punctuation gets a backslash; line
    breaks are kept. The rendered result reads exactly like ``text``.
    """
    escaped = "".join(HTML_CHARACTERS.get(char, char) for char in str(text))
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped)


UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data|file)\s*:", re.IGNORECASE)


def neutralise_markdown(markdown: str) -> str:
    """Markdown with its formatting kept but no way to run anything: every ``<`` becomes ``&lt;``
    (so no HTML tag, event handler or autolink can form) and links to ``javascript:``,
    ``vbscript:``, ``data:`` or ``file:`` URLs lose their target.

    A safety net for prose that interpolates corpus text; pieces of corpus text should still go
    through :func:`escape_markdown` so that they also keep their look.
    """
    return UNSAFE_LINK.sub("](#unsafe-link-removed:", str(markdown).replace("<", "&lt;"))
