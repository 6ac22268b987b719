"""Corpus text inside Markdown renders as the characters it is: no HTML, no formatting, no maths."""

from __future__ import annotations

import html
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nbconvert.filters.markdown import markdown2html

from xivn.display.escaping import escape_markdown, neutralise_markdown


def rendered_text(markdown: str) -> str:
    """The visible text of a one-paragraph Markdown snippet, as nbconvert's renderer produces it."""
    page = markdown2html(markdown).strip()
    assert page.startswith("<p>")
    assert page.endswith("</p>")
    return html.unescape(page[3:-4])


@pytest.mark.parametrize(
    "text",
    [
        '<script>document.title = "owned"</script>',
        '<img src=x onerror="window.owned = 1">',
        "Trade reached $171.9bn in 2023, up from $175.6bn",  # two dollars would open TeX maths
        "**Breaking**: [click](javascript:alert(1)) _now_",
        "1. not a list",
        "# not a heading",
        "&lt;b&gt; is an escaped tag, & stays &",
        r"a \ backslash and `code` and ~~strike~~ | pipe",
    ],
)
def test_escaped_text_renders_literally(text):
    shown = markdown2html(escape_markdown(text))
    assert "<script" not in shown
    assert "<img" not in shown
    assert "<a " not in shown
    assert "<strong>" not in shown
    assert rendered_text(escape_markdown(text)) == text


@given(st.text(alphabet=string.ascii_letters + string.digits + string.punctuation + " ", min_size=1, max_size=60))
def test_any_printable_line_renders_as_itself(text):
    line = " ".join(text.split())  # Markdown drops leading/trailing blanks and folds runs of them
    if line:
        assert rendered_text(escape_markdown(line)) == line


def test_line_breaks_are_kept():
    assert escape_markdown("one\ntwo") == "one\ntwo"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**Bottom line.** 5 texts", "**Bottom line.** 5 texts"),  # formatting is kept
        ("a <img src=x onerror=alert(1)> b", "a &lt;img src=x onerror=alert(1)> b"),
        ("<script>x()</script>", "&lt;script>x()&lt;/script>"),
        ("[click](javascript:alert(1))", "[click](#unsafe-link-removed:alert(1))"),
        ("[click]( JavaScript:alert(1))", "[click](#unsafe-link-removed:alert(1))"),  # case, space
        ("[ok](https://example.org)", "[ok](https://example.org)"),
    ],
)
def test_neutralise_markdown(markdown, expected):
    assert neutralise_markdown(markdown) == expected


def test_display_markdown_is_neutralised():
    from xivn.display.markdown import Markdown

    shown = Markdown("**<img src=x onerror=alert(1)>**")._repr_markdown_()
    assert "<" not in shown
    assert shown.startswith("**")


def test_display_markdown_offers_html_that_mathjax_skips_with_plain_dollars():
    from xivn.display.markdown import Markdown
    from xivn.display.wording import usd_bn

    prose = Markdown(f"A deficit of {usd_bn(60.17)} with China and a surplus of {usd_bn(94.92)} with the US.")
    shown = prose._repr_html_()
    assert shown.startswith('<div class="tex2jax_ignore mathjax_ignore">')
    assert "A deficit of $60.17bn with China and a surplus of $94.92bn" in shown
    assert "\\" not in shown


def test_display_markdown_html_forms_no_tag_from_corpus_text():
    from xivn.display.markdown import Markdown

    shown = Markdown("**Quote:** <img src=x onerror=alert(1)> [x](javascript:alert(1))")._repr_html_()
    assert "<strong>Quote:</strong>" in shown
    assert "<img" not in shown and "javascript:" not in shown
