"""Corpus composition, and how it stays readable on a large corpus."""

from __future__ import annotations

import sys

import nbformat
import pandas as pd
import pytest
from conftest import REPO

import xivn
from xivn.overview import tables as overview
from xivn.report.rendering import render

sys.path.insert(0, str(REPO / "benchmarks"))
from generate_corpus import generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated corpus with more documents than a chart or a table shows one by one."""
    return xivn.load_corpus(generate(40, tmp_path_factory.mktemp("generated")))


def test_small_corpus_charts_every_document(seeds):
    table = overview.composition(seeds)
    assert overview.composition_chart_rows(table).equals(table)


def test_large_corpus_charts_the_heaviest_pages_and_the_mean_of_the_rest(generated):
    table = overview.composition(generated)
    rows = overview.composition_chart_rows(table, limit=5)
    assert len(rows) == 5
    heaviest = table.sort_values(["chrome_share", "doc_id"], ascending=[False, True]).head(4)
    assert rows["doc_id"].iloc[:4].tolist() == heaviest["doc_id"].tolist()
    summary = rows.iloc[-1]
    assert summary["label"] == "mean of the other 36 documents"
    rest = table[~table["doc_id"].isin(heaviest["doc_id"])]
    assert summary["chrome_chars"] == round(rest["chrome_chars"].mean())


def test_kind_counts_per_document_or_in_total(seeds, generated):
    per_document = overview.kind_counts(seeds)
    assert list(per_document.columns) == list(seeds.labels().values())
    total = overview.kind_counts(generated, max_documents=12)
    assert list(total.columns) == ["all 40 documents"]
    assert total.to_numpy().sum() == len(generated.paragraphs)
    assert total.loc[(False, "headline")].iloc[0] == (generated.paragraphs["kind"] == "headline").sum()


def test_overview_notebook_renders_on_a_generated_corpus(generated, tmp_path):
    render(tmp_path / "report", corpus_dir=generated.root, only=["00_corpus_overview"])
    notebook = nbformat.read(tmp_path / "report" / "00_corpus_overview.ipynb", as_version=4)
    outputs = "".join(str(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)
    assert "mean of the other 26 documents" in outputs
    assert "all 40 documents" in outputs
    assert "checks passed" in outputs


def test_chrome_kind_counts_of_the_seeds(seeds):
    counts = overview.chrome_kind_counts(seeds)
    assert (counts["related"], counts["notice"], counts["navigation"]) == (11, 6, 3)
    ranked = list(zip(-counts.to_numpy(), counts.index, strict=True))
    assert ranked == sorted(ranked)  # most frequent first, ties in kind order
    assert int(counts.sum()) == int(seeds.paragraphs["is_chrome"].sum())


def test_chrome_kind_counts_is_empty_without_chrome(make_corpus):
    corpus = xivn.load_corpus(
        make_corpus({"plain.txt": "A headline\n\nOne body sentence about the visit, long enough.\n"})
    )
    assert not corpus.paragraphs["is_chrome"].any()
    assert overview.chrome_kind_counts(corpus).empty


def test_provenance_layer_marks_the_example_sentence(seeds):
    example = overview.provenance_example(seeds)
    layer = overview.provenance_layer(example)
    assert layer.to_dict("records") == [
        {**example.to_dict(), "label": f"sentence {example['sent_id']}, quoted above"},
    ]
    view = xivn.show(seeds, example["doc_id"], layers={"example": layer})
    assert view.summary.endswith("example: 1 span")


def test_syndication_table_lists_each_group_largest_first():
    rows = [
        ("d", "d", 2, True, 1.0),
        ("e", "d", 2, False, 0.55),
        ("a", "a", 3, True, 1.0),
        ("b", "a", 3, False, 0.8),
        ("c", "a", 3, False, 1.0),
        ("f", "f", 2, True, 1.0),
        ("g", "f", 2, False, 0.9),
    ]
    groups = pd.DataFrame(rows, columns=["doc_id", "group_id", "group_size", "is_source", "similarity"])
    labels = {"a": "Wire", "b": "", "c": "Copy C", "d": "Alpha", "e": "E", "f": "Aardvark", "g": "G"}
    assert overview.syndication_table(groups, labels).values.tolist() == [
        ["a", "Wire", "b; Copy C", 3, 0.8],
        ["f", "Aardvark", "G", 2, 0.9],
        ["d", "Alpha", "E", 2, 0.55],
    ]


def test_syndication_table_of_a_corpus_without_copies_is_empty(seeds):
    table = overview.syndication_table(seeds.syndication, seeds.labels())
    assert table.empty
    assert list(table.columns) == ["group_id", "source", "copies", "group_size", "lowest_similarity"]
