"""The overview notebook's tables as shown: readable headers, formatted values, words for missing values."""

from __future__ import annotations

import pandas as pd

from xivn.corpus import paragraph_kinds
from xivn.event import load_event, scope_table
from xivn.overview import shown, with_timing


def test_documents_by_label_with_counts_and_missing_metadata_as_words():
    documents = pd.DataFrame(
        {
            "doc_id": ["000_1a56b2a50d2ad841", "001_492d9b2ee9d6a8ad"],
            "label": ["AF (Reuters)", "Preview $5bn (unattributed)"],
            "outlet": ["Asia Financial", None],
            "date": ["2023-12-13", float("nan")],
            "genre": ["wire report", "preview"],
            "timing": ["after", pd.NA],
            "n_chars": [4563, 1204000],
            "n_words": [577, 12],
        }
    )
    table = shown.documents_table(documents, load_event())
    assert list(table.shown.columns) == [
        "Text",
        "Outlet",
        "Date",
        "Genre",
        "Before or after the state visit",
        "Characters",
        "Words",
    ]
    assert table.shown.iloc[1].tolist() == [
        "Preview $5bn (unattributed)",
        "not stated",
        "not stated",
        "preview",
        "not known",
        "1,204,000",
        "12",
    ]
    assert "000_1a56b2a50d2ad841" not in table._repr_html_()
    assert "mathjax_ignore" in table._repr_html_()


def test_paragraph_kinds_show_every_description_whole():
    kinds = paragraph_kinds()
    table = shown.paragraph_kinds_table(kinds)
    assert table.shown["What it is"].tolist() == kinds["description"].tolist()
    assert set(table.shown["Page chrome"]) == {"yes", "no"}
    assert "..." not in table._repr_html_()


def test_kind_counts_become_one_row_per_kind_with_a_column_per_text():
    index = pd.MultiIndex.from_tuples([(False, "body"), (True, "related")], names=["is_chrome", "kind"])
    counts = pd.DataFrame({"AF (Reuters)": [18, 9], "Pamir (blog)": [1500, float("nan")]}, index=index)
    counts.columns.name = "label"
    table = shown.kind_counts_table(counts)
    assert list(table.shown.columns) == ["Paragraph kind", "Page chrome", "AF (Reuters)", "Pamir (blog)"]
    assert table.shown.values.tolist() == [["body", "no", "18", "1,500"], ["related", "yes", "9", "0"]]


def test_one_total_column_for_a_large_corpus():
    index = pd.MultiIndex.from_tuples([(False, "body")], names=["is_chrome", "kind"])
    counts = pd.DataFrame({"all 1,000 documents": [12040]}, index=index)
    assert shown.kind_counts_table(counts).shown.values.tolist() == [["body", "no", "12,040"]]


def test_composition_shares_read_as_percentages():
    bars = pd.DataFrame(
        {
            "doc_id": ["a", ""],
            "label": ["AF (Reuters)", "mean of the other 990 documents"],
            "article_chars": [3504, 4000],
            "chrome_chars": [973, 0],
            "article_paragraphs": [21, 10],
            "chrome_paragraphs": [14, 0],
            "chrome_share": [0.217, 0.0],
        }
    )
    table = shown.composition_table(bars)
    assert table.shown["Chrome share"].tolist() == ["21.7%", "0.0%"]
    assert table.shown["Article characters"].tolist() == ["3,504", "4,000"]
    assert "Chrome share: chrome characters / all paragraph characters" in table.notes()


def test_syndication_groups_empty_and_with_a_copy():
    columns = ["group_id", "source", "copies", "group_size", "lowest_similarity"]
    assert "no rows" in shown.syndication_groups_table(pd.DataFrame(columns=columns))._repr_html_()
    groups = pd.DataFrame([("a", "AF (Reuters)", "Inquirer (Reuters)", 2, 0.9123)], columns=columns)
    assert shown.syndication_groups_table(groups).shown.iloc[0].tolist() == [
        "AF (Reuters)",
        "Inquirer (Reuters)",
        "2",
        "91.2%",
    ]


def test_example_by_label_or_id_with_the_sentence_whole():
    sentence = "The deals reflect the interests of both sides, " * 6
    example = pd.Series({"doc_id": "000_x", "sent_id": 17, "start": 2657, "end": 2929, "text": sentence})
    table = shown.example_table(example, {"000_x": "AF (Reuters)"})
    assert table.shown.iloc[0].tolist() == ["AF (Reuters)", "17", "2,657", "2,929", sentence]
    assert shown.example_table(example, {}).shown.iloc[0, 0] == "000_x"


def test_the_scope_table_shows_each_document_by_label_with_its_verdict_in_words(seeds):
    scope = scope_table(seeds, load_event())
    table = shown.scope_shown(scope, {seeds.doc_ids[0]: "AF (Reuters)"})
    assert list(table.shown.columns) == ["Text", "About the event?", "Why", "Country pairs named"]
    first = table.shown.iloc[0]
    assert (first["Text"], first["About the event?"]) == ("AF (Reuters)", "in scope")
    assert first["Why"].startswith("names China and Vietnam together (11 sentences)")
    assert table.shown.iloc[1]["Text"] == seeds.doc_ids[1]  # no label given: the doc_id


def test_with_timing_places_documents_by_date_where_no_timing_is_curated():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "timing": ["before", None]})
    timing = pd.DataFrame(
        {"doc_id": ["b", "a"], "timing": ["after", "before"], "timing_from": ["date", "metadata.csv"]}
    )
    placed = with_timing(documents, timing)
    assert placed["timing"].tolist() == ["before", "after"]
    assert placed["timing_from"].tolist() == ["metadata.csv", "date"]
