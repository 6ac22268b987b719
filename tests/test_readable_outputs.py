r"""The committed notebooks show readers words and rounded numbers, never the machinery's placeholders.

Over every output of every committed notebook (``text/plain``, ``text/html``, ``text/markdown`` and
printed text): no ``NaN``, ``<NA>``, ``NaT`` or ``None`` as a table cell, no bare float with more
than four decimals, no "(s)" plural hedge, and no pair of unescaped ``$`` in Markdown (JupyterLab
would typeset the text between them as maths). Each failure names the notebook, the cell and the
offending snippet.

In JupyterLab one backslash does not escape a dollar in Markdown: the Markdown parser turns ``\$``
into ``$`` and MathJax, which reads the rendered text, then finds a pair (jupyterlab/jupyterlab#8645).
A dollar is safe in code, in an element marked ``tex2jax_ignore`` or ``mathjax_ignore``, or after two
backslashes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
MIME_TYPES = ("text/plain", "text/html", "text/markdown")
MISSING = r"NaN|nan|<NA>|&lt;NA&gt;|NaT|None"
MISSING_IN_HTML = re.compile(rf"<t[dh]\b[^>]*>\s*({MISSING})\s*</t[dh]>")
MISSING_IN_MARKDOWN = re.compile(rf"\|\s*({MISSING})\s*(?=\|)")
# in a plain-text table the columns are apart by two spaces or more; "None of the texts" is a sentence
MISSING_IN_TEXT = re.compile(r"(?<!\S)(NaN|<NA>|NaT)(?!\S)|(?:^|(?<=\s\s))(None)(?=\s\s|\s*$)", re.MULTILINE)
LONG_FLOAT = re.compile(r"(?<![\w.])-?\d+\.\d{5,}(?![\w.])")
PLURAL_HEDGE = re.compile(r"\w\((?:s|es)\)", re.IGNORECASE)
HIDDEN_HTML = re.compile(r"<(style|script)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
NO_MATHS = re.compile(r"<(\w+)\b[^>]*\b(?:tex2jax|mathjax)_ignore\b[^>]*>.*?</\1>", re.DOTALL)
UNESCAPED_DOLLAR = re.compile(r"(?<!\\\\)\$")
SNIPPET_CHARS = 40


@dataclass(frozen=True)
class Shown:
    """One representation of one output: where it is and its text."""

    notebook: str
    cell: int
    mime: str
    text: str

    def where(self, snippet: str) -> str:
        return f"{self.notebook} cell {self.cell} [{self.mime}]: {snippet!r}"


def shown_outputs(path: Path) -> Iterator[Shown]:
    """Every text representation of every output of the notebook at ``path``."""
    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                yield Shown(path.name, index, "stream", output.text)
            data = output.get("data", {})
            for mime in MIME_TYPES:
                # JupyterLab and nbconvert show an output's HTML in preference to its Markdown
                if mime in data and not (mime == "text/markdown" and "text/html" in data):
                    yield Shown(path.name, index, mime, data[mime])


def snippet(text: str, match: re.Match) -> str:
    """The match with a little of the text around it, on one line."""
    start, end = max(match.start() - SNIPPET_CHARS, 0), match.end() + SNIPPET_CHARS
    return " ".join(text[start:end].split())


def visible_text(text: str, mime: str) -> str:
    """What a reader sees of ``text``: for HTML, the text without tags, styles or scripts."""
    return TAG.sub(" ", HIDDEN_HTML.sub(" ", text)) if mime == "text/html" else text


def missing_cells(text: str, mime: str) -> list[str]:
    """Table cells that show a missing value as ``NaN``, ``<NA>``, ``NaT`` or ``None``."""
    pattern = {"text/html": MISSING_IN_HTML, "text/markdown": MISSING_IN_MARKDOWN}.get(mime, MISSING_IN_TEXT)
    return [snippet(text, match) for match in pattern.finditer(text)]


def long_floats(text: str, mime: str) -> list[str]:
    """Bare numbers with more than four decimals, in the visible text."""
    seen = visible_text(text, mime)
    return [snippet(seen, match) for match in LONG_FLOAT.finditer(seen)]


def plural_hedges(text: str, mime: str) -> list[str]:
    """Words hedging their number with "(s)" or "(es)", in the visible text."""
    seen = visible_text(text, mime)
    return [snippet(seen, match) for match in PLURAL_HEDGE.finditer(seen)]


def maths_pairs(text: str, mime: str) -> list[str]:
    """In Markdown or HTML, paragraphs with two ``$`` or more that MathJax would see: typeset as maths."""
    if mime not in ("text/markdown", "text/html"):
        return []
    found = []
    text = NO_MATHS.sub("", CODE.sub("", text) if mime == "text/markdown" else HIDDEN_HTML.sub("", text))
    paragraphs = re.split(r"</p>|</div>|</td>|</th>", text) if mime == "text/html" else re.split(r"\n\s*\n", text)
    for paragraph in paragraphs:
        dollars = list(UNESCAPED_DOLLAR.finditer(paragraph))
        if len(dollars) >= 2:
            start, end = max(dollars[0].start() - 10, 0), dollars[1].end() + 10
            found.append(" ".join(paragraph[start:end].split()))
    return found


CHECKS: dict[str, Callable[[str, str], list[str]]] = {
    "missing values shown as NaN, <NA>, NaT or None": missing_cells,
    "bare floats with more than four decimals": long_floats,
    "(s) plural hedges": plural_hedges,
    "unescaped $...$ pairs in Markdown or HTML": maths_pairs,
}


@pytest.mark.parametrize("check", CHECKS, ids=lambda name: CHECKS[name].__name__)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_committed_outputs_are_readable(path, check):
    found = [shown.where(piece) for shown in shown_outputs(path) for piece in CHECKS[check](shown.text, shown.mime)]
    found = list(dict.fromkeys(found))  # a row of three NaN would otherwise be listed three times
    assert not found, f"{len(found)} {check}:\n" + "\n".join(found)


# ------------------------------------------------------------------------------------ the checks themselves


@pytest.mark.parametrize(
    ("text", "mime"),
    [
        ("<table><tr><td>China</td><td>NaN</td></tr></table>", "text/html"),
        ("<td class='x'> &lt;NA&gt; </td>", "text/html"),
        ("| outlet | date |\n| --- | --- |\n| AF | None |", "text/markdown"),
        ("  doc_id  date\n0  a1     NaT\n1  b2     2023-12-12", "text/plain"),
        ("  outlet  byline\n0  AF      None\n1  VN      Reuters", "text/plain"),
    ],
)
def test_a_missing_value_as_a_cell_is_found(text, mime):
    assert missing_cells(text, mime)


@pytest.mark.parametrize(
    ("text", "mime"),
    [
        ("<td>not stated</td><td>Nancy</td>", "text/html"),
        ("None of the five texts gives a date.", "text/plain"),
        ("None of the texts names the outlet; NaNometre is no word.", "text/markdown"),
    ],
)
def test_words_and_sentences_are_not_missing_cells(text, mime):
    assert missing_cells(text, mime) == []


def test_long_floats_are_found_in_the_visible_text_only():
    html = '<td style="width: 12.345678px">0.123456</td><td>3.14</td>'
    assert long_floats(html, "text/html") == ["0.123456 3.14"]
    assert long_floats("share 0.5123 of 1.2.34567 and 2023.12345x", "text/plain") == []
    assert long_floats("a ratio of -12.000001 here", "text/markdown") == ["a ratio of -12.000001 here"]


def test_plural_hedges_are_found():
    assert plural_hedges("3 document(s) and 2 box(es)", "text/plain") == ["3 document(s) and 2 box(es)"] * 2
    assert plural_hedges("the agreements (some) were signed", "text/plain") == []


def test_two_unescaped_dollars_in_a_markdown_paragraph_are_found():
    assert maths_pairs("exports of $57.7 billion and $175.6 billion", "text/markdown")
    assert maths_pairs("exports of \\$57.7 billion and \\$175.6 billion", "text/markdown")  # typeset in Lab
    assert maths_pairs("exports of \\\\$57.7 billion and \\\\$175.6 billion", "text/markdown") == []
    assert maths_pairs('<span class="tex2jax_ignore">$57.7 and $175.6</span> billion', "text/markdown") == []
    assert maths_pairs("$57.7 billion.\n\nThen $175.6 billion.", "text/markdown") == []
    assert maths_pairs("`$1` and `$2` in code", "text/markdown") == []
    assert maths_pairs("exports of $57.7 billion and $175.6 billion", "text/plain") == []
    assert maths_pairs("<td>$57.7 billion and $175.6 billion</td>", "text/html")  # a pandas table in Lab
    assert maths_pairs('<div class="tex2jax_ignore mathjax_ignore"><p>$57.7 and $175.6</p></div>', "text/html") == []
    assert maths_pairs("<td>$57.7 billion</td><td>$175.6 billion</td>", "text/html") == []  # one per cell


def test_a_failure_names_the_notebook_the_cell_and_the_snippet():
    shown = Shown("trade_balance.ipynb", 7, "text/html", "<td>NaN</td>")
    assert shown.where("<td>NaN</td>") == "trade_balance.ipynb cell 7 [text/html]: '<td>NaN</td>'"
