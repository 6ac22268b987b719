"""The one reader of reference tables: found by name, cells as asked, errors that name the file."""

from __future__ import annotations

import pytest

from xivn.cues.reference import load_reference
from xivn.errors import DataFileError


def test_a_bare_name_is_a_shipped_reference_table():
    table = load_reference("trade_2022.csv", ("reporter", "partner"), dtype=str, keep_default_na=False)
    assert {"Vietnam (General Department of Vietnam Customs)", "China (GACC)"} <= set(table["reporter"])
    assert (table["value_usd_bn"] == "").any()  # kept as written: a figure looked for and not found


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a,b\n1,2\n", r"odd\.csv: missing column\(s\) c, d"),  # every missing column, in the order asked
        ("", r"odd\.csv: not a readable CSV table"),  # an empty file has no header at all
        ('a,b\n"1,2\n', r"odd\.csv: not a readable CSV table"),  # an unclosed quote
    ],
)
def test_bad_tables_name_the_file(tmp_path, content, message):
    path = tmp_path / "odd.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_reference(path, ("a", "c", "d"))


def test_a_missing_table_names_where_it_was_looked_for(tmp_path):
    with pytest.raises(DataFileError, match=r"nowhere\.csv: data file not found"):
        load_reference(tmp_path / "nowhere.csv", ())
