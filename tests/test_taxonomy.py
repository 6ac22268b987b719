"""The deal taxonomy and cue files: what ships, how a user extends them, and the errors for bad entries."""

from __future__ import annotations

import pandas as pd
import pytest

import xivn
from xivn.paths import data_path

SHIPPED = data_path("deal_taxonomy.toml").read_text(encoding="utf-8")


def test_shipped_taxonomy_has_the_issue_categories_and_reference_links():
    taxonomy = xivn.deals.load_taxonomy()
    for category in (
        "security_maritime",
        "transport_rail",
        "digital_telecoms",
        "trade_investment",
        "connectivity_framework",
        "energy_industry",
        "critical_minerals",
        "intellectual_property",
        "other",
    ):
        assert category in taxonomy.categories
    table = taxonomy.table()
    assert table["item_id"].is_unique
    assert set(table.loc[table["kind"] == "item", "parties"]) == {"China-Vietnam", "US-Vietnam"}
    referenced = set(table["reference"]) - {""}
    assert referenced <= set(pd.read_csv(xivn.paths.data_path("deals_official.csv"), dtype=str)["doc_no"])


def test_shipped_cues_name_the_statuses_and_assume_none():
    cues = xivn.deals.load_deal_cues()
    assert cues.statuses == (
        "signed", "agreed", "pledged", "expected", "proposed", "urged", "denied", "absent", "unstated"
    )  # fmt: skip
    assert cues.default_status == "unstated"  # a deal whose text says nothing of its fate is not "signed"
    # they decide the verbs after them: "promised that China would buy more" is a pledge, not "expected"
    assert cues.governing == ("pledged", "proposed", "urged", "denied")


def test_a_user_can_add_a_category_and_an_item(tmp_path, make_corpus):
    extra = (
        '\n[categories.health]\nlabel = "Health"\ndescription = "Hospitals and medicine."\n'
        '\n[items.hospital_aid]\nlabel = "Hospital aid"\ncategory = "health"\nkind = "item"\n'
        "parties = \"China-Vietnam\"\ncues = ['\\bhospitals?\\b']\n"
    )
    path = tmp_path / "my_taxonomy.toml"
    path.write_text(SHIPPED + extra, encoding="utf-8")
    corpus = xivn.load_corpus(make_corpus({"a.txt": "China signed an agreement to build two hospitals.\n"}))
    found = xivn.deals.deal_mentions(corpus, taxonomy=path)
    assert found[["item_id", "category", "status"]].values.tolist() == [["hospital_aid", "health", "signed"]]
    assert found.attrs["taxonomy"] == "my_taxonomy.toml"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'category = "security_maritime"\nkind = "item"\nparties = "China-Vietnam"\nreference = "1"',
            'category = "boats"\nkind = "item"\nparties = "China-Vietnam"\nreference = "1"',
            r"\[items.gulf_of_tonkin_patrols\]: unknown category 'boats'",
        ),
        (
            "cues = ['\\bSemiconductor Partnership\\b']",
            "cues = ['(unclosed']",
            r"\[items.us_semiconductor_partnership.cues.1\]: bad regular expression",
        ),
        (
            'label = "Digital Silk Road"\ncategory = "digital_telecoms"\nkind = "item"',
            'label = "Digital Silk Road"\ncategory = "digital_telecoms"\nkind = "scheme"',
            r"\[items.digital_silk_road.kind\]: expected one of item, area",
        ),
        (
            'label = "Digital Silk Road"\ncategory = "digital_telecoms"\nkind = "item"\nparties = "China-Vietnam"',
            'label = "Digital Silk Road"\ncategory = "digital_telecoms"\nkind = "item"\nparties = "Mars"',
            r"\[items.digital_silk_road\]: parties must be one of",
        ),
    ],
)
def test_bad_taxonomy_entries_are_named(tmp_path, old, new, message):
    assert old in SHIPPED
    path = tmp_path / "bad.toml"
    path.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(xivn.errors.DataFileError, match=message):
        xivn.deals.load_taxonomy(path)


def test_a_category_without_items_is_an_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(SHIPPED + '\n[categories.empty]\nlabel = "Empty"\n', encoding="utf-8")
    with pytest.raises(xivn.errors.DataFileError, match=r"\[categories.empty\]: no item belongs"):
        xivn.deals.load_taxonomy(path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('default_status = "unstated"', 'default_status = "maybe"', r"\[default_status\]: 'maybe' is not one of"),
        (
            'statuses = ["signed", "agreed", "pledged", "expected", "proposed", "urged", "denied", "absent", '
            '"unstated"]',
            'statuses = ["signed", "agreed", "pledged", "expected", "proposed", "urged", "denied", "absent"]',
            r"\[statuses\]: .* must name exactly",
        ),
        ('"more than" = "above"', '"more than" = "plenty"', r"\[counts.qualifiers.more than\]: expected one of above"),
        ("dozens = [24, 0]", 'dozens = "many"', r"\[counts.vague.dozens\]: expected a list of integers"),
    ],
)
def test_bad_cue_entries_are_named(tmp_path, old, new, message):
    shipped = data_path("deal_cues.toml").read_text(encoding="utf-8")
    assert old in shipped
    path = tmp_path / "cues.toml"
    path.write_text(shipped.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(xivn.errors.DataFileError, match=message):
        xivn.deals.load_deal_cues(path)


def test_missing_taxonomy_file():
    with pytest.raises(xivn.errors.DataFileError, match="data file not found"):
        xivn.deals.load_taxonomy("/nonexistent/taxonomy.toml")


def test_the_pair_reported_on_is_no_taxonomy_field(tmp_path):
    # the pair a notebook reports on is the event profile's; a taxonomy that still names one is refused
    path = tmp_path / "old.toml"
    path.write_text('focal_parties = "China-Vietnam"\n' + SHIPPED, encoding="utf-8")
    with pytest.raises(xivn.errors.DataFileError, match=r"unknown field 'focal_parties'"):
        xivn.deals.load_taxonomy(path)
