"""The document viewer: structure, escaped text, marked spans (overlapping ones too), tooltips."""

from __future__ import annotations

import re
from html import unescape

import pandas as pd
import pytest

import xivn
from xivn.errors import CorpusError, LayerError

AF = "000_1a56b2a50d2ad841"


def marks(html: str) -> list[tuple[str, str]]:
    """(tooltip, marked text) of every <mark> in the HTML, unescaped."""
    return [
        (unescape(t), unescape(w)) for t, w in re.findall(r'<mark style="[^"]*" title="([^"]*)">(.*?)</mark>', html)
    ]


def span(doc_id, start, end, **columns):
    return {"doc_id": doc_id, "start": start, "end": end, **columns}


def test_every_paragraph_is_shown_with_its_kind_and_chrome_is_grey(seeds):
    view = xivn.show(seeds, AF)
    paragraphs = seeds.paragraphs[seeds.paragraphs["doc_id"] == AF]
    html = view._repr_html_()
    for row in paragraphs.itertuples():
        assert f"paragraph {row.par_id} · {row.kind}" in html
    assert html.count("pre-wrap;color:#9a9a9a") == int(paragraphs["is_chrome"].sum())
    assert "China, Vietnam Sign Rail and Data Deals, While Upgrading Ties" in html
    assert (
        repr(view) == f"{AF} (AF (Reuters)): {len(paragraphs)} paragraphs, {int(paragraphs['is_chrome'].sum())} chrome"
    )


def test_a_layer_marks_its_spans_with_a_tooltip_naming_the_record(seeds):
    text = seeds.text(AF)
    start = text.index("undersea data centre")
    layer = pd.DataFrame([span(AF, start, start + 20, label="data centre", quote="x")])
    view = xivn.show(seeds, AF, layers={"deal": layer})
    assert marks(view.html) == [("deal: data centre", "undersea data centre")]
    assert repr(view).endswith("; deal: 1 span")


def test_overlapping_spans_are_split_into_segments(seeds):
    text = seeds.text(AF)
    start = text.index("rail links, security")
    rail, security = start, start + len("rail links, ")
    first = pd.DataFrame([span(AF, rail, security + 8, label="rail and security")])
    second = pd.DataFrame([span(AF, security, security + 8, category="security")])  # first non-provenance column
    shown = marks(xivn.show(seeds, AF, layers={"deal": first, "topic": second}).html)
    assert shown == [
        ("deal: rail and security", "rail links, "),
        ("deal: rail and security\ntopic: security", "security"),
    ]


def test_label_column_can_be_chosen_and_rows_of_other_documents_are_ignored(seeds):
    layer = pd.DataFrame([span(AF, 16, 21, label="no", name="China"), span("004_7f647e3ecafc4dc6", 0, 5, name="x")])
    shown = marks(xivn.show(seeds, AF, layers={"word": layer}, label_columns={"word": "name"}).html)
    assert shown == [("word: China", "China")]


def test_corpus_text_and_labels_are_escaped(make_corpus):
    folder = make_corpus(
        {"evil.txt": 'Headline here\n\nBody with <script>alert(1)</script> and <img src=x onerror="f()">.\n'}
    )
    corpus = xivn.load_corpus(folder)
    start = corpus.text("evil").index("<script>")
    layer = pd.DataFrame([span("evil", start, start + 8, label='<b onmouseover="f()">')])
    html = xivn.show(corpus, "evil", layers={"<i>layer</i>": layer}).html
    assert "<script" not in html
    assert "<img" not in html
    assert "<b " not in html
    assert "<i>" not in html
    assert "alert(1)&lt;/script&gt; and &lt;img src=x onerror=&quot;f()&quot;&gt;" in html
    assert marks(html) == [('<i>layer</i>: <b onmouseover="f()">', "<script>")]


def test_output_is_deterministic_and_holds_no_address(seeds):
    layer = pd.DataFrame([span(AF, 16, 21, label="a"), span(AF, 16, 21, label="b")])
    first, second = xivn.show(seeds, AF, layers={"x": layer}), xivn.show(seeds, AF, layers={"x": layer})
    assert first.html == second.html
    assert " at 0x" not in repr(first)
    assert marks(first.html) == [("x: a\nx: b", "China")]


@pytest.mark.parametrize(
    ("layer", "message"),
    [
        (pd.DataFrame({"doc_id": [AF], "start": [1]}), "layer 'bad' lacks column(s) end"),
        (pd.DataFrame([span(AF, 10, 99_999, label="x")]), "offsets 10:99999 outside"),
        (pd.DataFrame([span(AF, 10, 5, label="x")]), "offsets 10:5 outside"),  # end before start
    ],
)
def test_bad_layers_are_refused(seeds, layer, message):
    with pytest.raises(LayerError, match=re.escape(message)):
        xivn.show(seeds, AF, layers={"bad": layer})


def test_a_missing_label_column_and_an_unknown_document_are_refused(seeds):
    with pytest.raises(LayerError, match="no label column 'kind'"):
        xivn.show(seeds, AF, layers={"x": pd.DataFrame([span(AF, 0, 1)])}, label_columns={"x": "kind"})
    with pytest.raises(CorpusError, match="unknown doc_id 'nope'"):
        xivn.show(seeds, "nope")


def test_a_layer_without_label_columns_names_only_the_layer(seeds):
    shown = marks(xivn.show(seeds, AF, layers={"sentence": pd.DataFrame([span(AF, 16, 21, quote="China")])}).html)
    assert shown == [("sentence", "China")]
