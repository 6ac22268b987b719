"""Result tables: readable headers, formatted values, missing values as words, no maths, no index."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from xivn.display.tables import Column, format_value, table, with_labels


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (1204, "count", "1,204"),
        (44000000.0, "number", "44,000,000"),
        (5116.279070, "number", "5,116.3"),
        (0.1222, "percent", "12.2%"),
        (-0.25, "signed_percent", "−25.0%"),
        (0.17, "signed_percent", "+17.0%"),
        (60.171, "usd_bn", "$60.17bn"),
        (-1.5, "usd_bn", "−$1.50bn"),
        (2022.0, "year", "2022"),
        (True, "flag", "yes"),
        (["China", "Vietnam"], "list", "China, Vietnam"),
        ([], "list", "—"),
        (float("nan"), "number", "—"),
        (pd.NA, "text", "—"),
        (None, "quote", "—"),
        (math.inf, "percent", "—"),
        ("", "text", "—"),
    ],
)
def test_values_read_as_a_reader_reads_them(value, kind, expected):
    assert format_value(value, kind) == expected


def test_missing_cells_take_the_columns_word():
    frame = pd.DataFrame({"partner": ["China", None], "value": [1.5, float("nan")]})
    shown = table(frame, {"partner": Column("Partner", missing="not stated"), "value": Column("Value", "number")})
    assert shown.shown.to_dict("list") == {"Partner": ["China", "not stated"], "Value": ["1.5", "—"]}
    for text in (repr(shown), shown._repr_html_()):
        assert "NaN" not in text and "<NA>" not in text and "None" not in text


def test_html_is_escaped_has_no_index_and_is_left_alone_by_mathjax():
    frame = pd.DataFrame({"quote": ["<b>$5bn</b> and $6bn"]}, index=[41])
    html = table(frame, {"quote": Column("Quote", "quote")})._repr_html_()
    assert "&lt;b&gt;$5bn&lt;/b&gt; and $6bn" in html
    assert "tex2jax_ignore" in html and "mathjax_ignore" in html
    assert ">41<" not in html


def test_notes_explain_columns_under_the_table_and_in_the_header():
    frame = pd.DataFrame({"gap": [0.5]})
    shown = table(frame, {"gap": Column("Gap", "percent", note="claim minus reference, as a share of the reference")})
    assert shown.notes() == ["Gap: claim minus reference, as a share of the reference"]
    assert 'title="claim minus reference, as a share of the reference"' in shown._repr_html_()
    assert repr(shown).endswith("Gap: claim minus reference, as a share of the reference")


def test_quotes_are_shown_whole():
    sentence = "In his meeting with Xi, Prime Minister Pham Minh Chinh said " + "the two sides agreed " * 10
    shown = table(pd.DataFrame({"quote": [sentence]}), {"quote": Column("Quote", "quote")})
    assert sentence in repr(shown) and sentence in shown._repr_html_()


def test_an_empty_table_says_so():
    shown = table(pd.DataFrame({"a": []}), {"a": "A"})
    assert "no rows" in repr(shown) and "no rows" in shown._repr_html_()


def test_the_raw_rows_stay_available_and_columns_are_checked():
    frame = pd.DataFrame({"a": [1.23456]})
    assert table(frame, {"a": Column("A", "number")}).data["a"].iloc[0] == 1.23456
    with pytest.raises(KeyError, match="b"):
        table(frame, {"b": "B"})
    with pytest.raises(ValueError, match="kind"):
        Column("A", "money")


def test_with_labels_puts_each_documents_label_beside_its_id():
    frame = pd.DataFrame({"doc_a": ["a", "b", ""], "doc_b": ["c", None, "a"]})
    shown = with_labels(frame, {"a": "Wire", "b": "", "c": None}, "doc_a", "doc_b")
    assert shown["doc_a_label"].fillna("missing").tolist() == ["Wire", "b", "missing"]  # no label: the id
    assert shown["doc_b_label"].fillna("missing").tolist() == ["c", "missing", "Wire"]  # no id: missing
    assert list(shown.columns) == ["doc_a", "doc_b", "doc_a_label", "doc_b_label"]
