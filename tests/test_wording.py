"""Keeping notebook output readable: which documents are shown, and the words for what is left out."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from xivn.display.wording import (
    counted,
    documents_note,
    escaped,
    is_missing,
    label_of,
    name_list,
    rows_note,
    signed_percent,
    text_or_blank,
    top_documents,
    usd_bn,
    verb,
)


def test_top_documents_keeps_the_largest_in_corpus_order():
    ids = ["a", "b", "c", "d", "e"]
    counts = {"a": 1, "b": 5, "c": 5, "e": 9}  # d is missing: it counts 0
    assert top_documents(counts, ids, 2) == ["b", "e"]  # b beats c on the tie by corpus order
    assert top_documents(counts, ids, 3) == ["b", "c", "e"]
    assert top_documents(counts, ids, 5) == ids  # a corpus within the limit is shown whole
    assert top_documents({}, ids, 2) == ["a", "b"]  # nothing counted: the first documents


@pytest.mark.parametrize(
    ("names", "limit", "expected"),
    [
        (["x", "y"], 8, "x, y"),
        ([f"n{i}" for i in range(10)], 3, "n0, n1, n2 and 7 more"),
        ([], 3, ""),
        (iter(["x", "y", "z"]), 2, "x, y and 1 more"),  # any iterable
    ],
)
def test_name_list(names, limit, expected):
    assert name_list(names, limit) == expected


def test_notes_are_empty_unless_something_was_left_out():
    assert rows_note(12, 20, "rows") == "" and documents_note(5, 5) == ""
    assert rows_note(1340, 20, "comparisons") == " The table shows the first 20 of 1,340 comparisons."
    assert documents_note(1000, 15, "claims") == " Shown: the 15 of 1,000 documents with the most claims."


@pytest.mark.parametrize(
    ("n", "noun", "plural", "expected"),
    [
        (0, "document", None, "0 documents"),  # zero takes the plural
        (1, "document", None, "1 document"),
        (1204, "document", None, "1,204 documents"),
        (1, "country", "countries", "1 country"),
        (3, "country", "countries", "3 countries"),
    ],
)
def test_counted_puts_the_noun_in_the_right_number(n, noun, plural, expected):
    assert counted(n, noun, plural) == expected


def test_usd_bn_escapes_the_dollar_so_two_amounts_never_make_maths():
    sentence = f"a deficit of {usd_bn(60.171)} and a surplus of {usd_bn(94.92)}"
    assert sentence == r"a deficit of \$60.17bn and a surplus of \$94.92bn"
    assert usd_bn(1234.5, 1) == r"\$1,234.5bn"
    assert (usd_bn(1.2, signed=True), usd_bn(-0.5, signed=True), usd_bn(-3)) == (
        r"+\$1.20bn",
        r"−\$0.50bn",
        r"-\$3.00bn",
    )


@pytest.mark.parametrize(("n", "expected"), [(0, "are"), (1, "is"), (2, "are"), (1_000, "are")])
def test_verb_agrees_with_the_count(n, expected):
    assert verb(n, "is", "are") == expected


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (0.1734, "+17%"),
        (-0.03, "-3%"),
        (0.0, "+0%"),
        (math.nan, "an unknown share"),
        (None, "an unknown share"),
        (pd.NA, "an unknown share"),
        (math.inf, "an unknown share"),  # a ratio over zero
    ],
)
def test_signed_percent_says_when_the_share_is_unknown(share, expected):
    assert signed_percent(share) == expected


@pytest.mark.parametrize(
    ("value", "missing"),
    [
        *[(None, True), (math.nan, True), (np.float64("nan"), True), (pd.NA, True), (pd.NaT, True)],
        *[("", False), ("nan", False), (0, False), ([], False), ([math.nan], False)],  # a list is a value, not a cell
    ],
)
def test_is_missing_knows_every_missing_cell(value, missing):
    assert is_missing(value) is missing


def test_cells_are_shown_escaped_and_missing_ones_left_out():
    assert text_or_blank(math.nan) == "" and text_or_blank(3) == "3"
    assert escaped(["*Evil* $x$ <b>", None, math.nan, "ok"]) == [r"\*Evil\* \$x\$ &lt;b\>", "ok"]
    labels = {"a": "AF (Reuters)", "b": math.nan, "c": ""}
    assert [label_of(labels, d) for d in ("a", "b", "c", "d")] == [r"AF \(Reuters\)", "b", "c", "d"]
