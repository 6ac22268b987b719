"""The analysis notebooks on a generated corpus larger than their display limits: every table and
chart is cut to the shown documents or rows, and a computed sentence says how many there are."""

from __future__ import annotations

import re

import nbformat
import pytest

from xivn.report.rendering import render

NOTEBOOKS = ["trade_balance", "deal_taxonomy", "framing_comparison", "rare_earths"]


@pytest.fixture(scope="module")
def rendered(generated_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("rendered")
    render(out, corpus_dir=generated_corpus, only=NOTEBOOKS)
    return {stem: nbformat.read(out / f"{stem}.ipynb", as_version=4) for stem in NOTEBOOKS}


def _output(notebook, source_part: str, *, whole: bool = False) -> str:
    """The outputs (HTML, Markdown or text) of the one code cell whose source contains ``source_part``
    (or, with ``whole``, is exactly ``source_part``)."""
    (cell,) = [
        c
        for c in notebook.cells
        if c.cell_type == "code" and (c.source == source_part if whole else source_part in c.source)
    ]
    return "".join(str(output.get("data", output.get("text", ""))) for output in cell.outputs)


def _table_rows(html: str) -> int:
    body = html.split("<tbody>", 1)[1]
    return body.count("<tr>")


def test_trade_tables_show_twenty_rows_and_count_the_rest(rendered):
    notebook = rendered["trade_balance"]
    sentence = re.search(
        r"The table shows the first 20 of (\d+) comparisons", _output(notebook, "attribution_sentence")
    )
    assert sentence and int(sentence.group(1)) > 20
    assert _table_rows(_output(notebook, "trade.tables.shown_checks(")) == 20
    assert f"{sentence.group(1)} reference comparisons" in _output(notebook, "checks passed")


def test_deal_heatmap_shows_the_documents_with_most_mentions(rendered):
    notebook = rendered["deal_taxonomy"]
    assert "Shown: the 15 of 60 documents with the most deal mentions." in _output(notebook, "coverage_sentence(")
    assert _table_rows(_output(notebook, "deals.tables.shown_coverage_counts(")) == 15


def test_rare_earth_claim_matrix_shows_fifteen_documents(rendered):
    notebook = rendered["rare_earths"]
    assert "Shown: the 15 of 60 documents with the most claims." in _output(notebook, "omissions_sentence(")
    first_header_row = _output(notebook, "shown = rare_earths.shown_matrix(").split("</tr>", 1)[0]
    assert len(re.findall(r"<th[ >]", first_header_row)) == 1 + 15  # the index, then one per shown document
    assert re.search(r"The table shows the first 30 of \d+ mentions", _output(notebook, "mentions_sentence("))


def test_framing_shows_fifteen_texts_and_only_candidate_pairs(rendered):
    notebook = rendered["framing_comparison"]
    assert "Shown: the 15 of 60 documents with the most frame sentences." in _output(notebook, "tone_and_stance(")
    assert _table_rows(_output(notebook, "framing.shown_tones(")) == 15
    assert _table_rows(_output(notebook, "framing.shown_voice_mix(")) == 15
    assert "checks passed: 60 texts" in _output(notebook, "checks passed")
