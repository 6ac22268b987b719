"""The shared country gazetteer: which countries a text names, in which form."""

from __future__ import annotations

import pytest

from xivn.cues.countries import countries, country_mentions, country_name
from xivn.errors import DataFileError


def named(text: str) -> list[tuple[str, str]]:
    return [(m.country, m.form) for m in country_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vietnam's exports to China", [("Vietnam", "name"), ("China", "name")]),
        ("Viet Nam and the Philippines", [("Vietnam", "name"), ("Philippines", "name")]),
        ("Việt Nam's exports from Ha Noi", [("Vietnam", "name"), ("Vietnam", "capital")]),  # state media's spelling
        ("the railway from Lao Cai to the Lao border", [("Laos", "adjective")]),  # Lao Cai is in Vietnam
        ("Chinese imports of Vietnamese durian", [("China", "adjective"), ("Vietnam", "adjective")]),
        ("the US deficit with China", [("United States", "name"), ("China", "name")]),
        ("U.S. officials in Washington", [("United States", "name"), ("United States", "capital")]),
        ("South Korea, not North Korea", [("South Korea", "name"), ("North Korea", "name")]),
        ("exports to Latin America and the South China Sea", []),
        ("Dutch and British buyers", [("Netherlands", "adjective"), ("United Kingdom", "adjective")]),
        ("shipments to the rest of the world", [("World", "name")]),
    ],
)
def test_names_adjectives_and_capitals_are_read_with_their_form(text, expected):
    assert named(text) == expected


def test_lower_case_words_are_not_countries():
    assert named("us and them: a turkey, china plates, a new guinea pig") == []


def test_possessives_and_institutions_are_marked():
    vietnam, customs = country_mentions("Vietnam's trade with China's General Department of Customs data")
    assert (vietnam.possessive, vietnam.institution) == (True, False)
    assert (customs.possessive, customs.institution) == (True, True)
    (ministry,) = country_mentions("the Vietnamese Ministry of Industry and Trade said")
    assert ministry.institution and not ministry.possessive


def test_offsets_point_into_the_text_searched():
    text = "Trade between Japan and Australia grew."
    (japan, australia) = country_mentions(text, offset=100)
    assert (japan.start, japan.end, australia.country) == (114, 119, "Australia")


def test_groupings_and_the_world_have_their_kind():
    table = countries()
    assert (table.kinds["European Union"], table.kinds["World"], table.kinds["Japan"]) == (
        "grouping",
        "world",
        "country",
    )


def test_a_bad_country_file_names_the_entry(tmp_path):
    path = tmp_path / "countries.toml"
    path.write_text("[countries.X]\nnames = ['(']\nadjectives = []\n[institutions]\nwords = []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"countries\.X\.names"):
        countries(path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("United States", "the United States"), ("Philippines", "the Philippines"), ("China", "China")],
)
def test_country_names_take_the_article_the_gazetteer_gives(name, expected):
    assert country_name(name) == expected


def test_a_name_the_gazetteer_does_not_know_is_returned_as_given():
    assert country_name("Atlantis") == "Atlantis"
