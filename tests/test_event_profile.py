"""Event profiles: the shipped 2023 visit, a second event from a test file, and errors that name the bad entry."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from xivn.errors import DataFileError
from xivn.event import DEFAULT_EVENT, load_event, pair_label
from xivn.event.profile import DAY

EVENTS = Path(__file__).parent / "fixtures" / "events"
BIDEN = EVENTS / "biden_vietnam_2023.toml"


def test_the_default_profile_is_the_2023_state_visit_with_its_parties_dates_and_count():
    profile = load_event()
    assert profile.id == DEFAULT_EVENT
    assert profile.file == f"{DEFAULT_EVENT}.toml"
    assert profile.name == "Xi Jinping's state visit to Vietnam"
    assert (profile.kind, profile.visitor, profile.host, profile.pair) == (
        "state visit",
        "China",
        "Vietnam",
        "China-Vietnam",
    )
    assert (profile.start, profile.end, profile.month) == (date(2023, 12, 12), date(2023, 12, 13), "2023-12")
    assert profile.places == ("Hanoi",)
    assert profile.participants[0].name == "Xi Jinping"
    assert {p.country for p in profile.participants} == {"China", "Vietnam"}
    assert profile.outcomes.count == 36
    assert profile.outcomes.list_file == "deals_official.csv"
    assert profile.corridor.stations[0] == "Kunming"
    assert profile.corridor.stations[-1] == "Haiphong"


def test_the_default_profile_names_the_reference_tables_each_check_reads():
    profile = load_event()
    assert profile.reference("trade") == "trade_2022.csv"
    assert profile.reference("rare_earths") == "rare_earths_usgs.csv"
    assert profile.reference("places") == "places.csv"
    assert profile.reference("deals") == "deals_official.csv"


def test_the_default_slogan_and_its_renderings():
    slogan = load_event().slogan
    assert slogan.original == "命运共同体"
    assert slogan.text == "community with a shared future"
    assert re.search(slogan.renderings[0], "a China-Vietnam community with a shared future", re.IGNORECASE)


@pytest.mark.parametrize("name", [DEFAULT_EVENT, f"{DEFAULT_EVENT}.toml"])
def test_a_bare_name_with_or_without_its_suffix_means_the_shipped_profile(name):
    assert load_event(name) == load_event()


def test_a_profile_of_another_event_loads_from_a_path():
    profile = load_event(BIDEN)
    assert (profile.visitor, profile.host, profile.pair) == ("United States", "Vietnam", "United States-Vietnam")
    assert profile.window == (date(2023, 8, 27), date(2023, 9, 25))
    assert profile.month == "2023-09"
    assert [p.name for p in profile.participants][:2] == ["Joe Biden", "Nguyen Phu Trong"]
    assert profile.participants[2].aliases == ()
    assert profile.slogan is None
    assert profile.outcomes is None
    assert profile.corridor is None
    assert profile.reference("exchange_rates") == "usd_rates.csv"


def test_a_participant_is_found_by_the_name_as_written_then_by_its_aliases():
    xi = load_event().participants[0]
    assert re.search(xi.patterns[0], "President Xi Jinping said")
    assert not re.search(xi.patterns[0], "President Xi said")
    assert any(re.search(pattern, "President Xi said") for pattern in xi.patterns)


def test_a_check_the_profile_gives_no_table_for_is_an_error_naming_the_known_ones():
    with pytest.raises(DataFileError, match=r"biden_vietnam_2023\.toml \[references\.trade\]: .*given: exchange_rates"):
        load_event(BIDEN).reference("trade")


def test_a_reference_table_beside_the_profile_is_found_from_the_profiles_folder(tmp_path):
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "my_trade.csv").write_text("reporter\nVietnam\n", encoding="utf-8")
    path = _edited(tmp_path, "[references]\n", "[references]\ntrade = 'tables/my_trade.csv'\n")
    assert load_event(path).reference("trade") == str(tmp_path / "tables" / "my_trade.csv")


def test_a_pair_label_is_sorted_whatever_the_order():
    assert pair_label(("Vietnam", "China")) == pair_label(["China", "Vietnam"]) == "China-Vietnam"


def test_a_date_field_takes_a_day_not_a_time_or_a_string():
    assert DAY.accepts(date(2023, 9, 10))
    assert not DAY.accepts("2023-09-10")
    with pytest.raises(DataFileError, match=r"x\.toml \[start\]: expected a date"):
        DAY.check(datetime(2023, 9, 10, 8, 0), "x.toml", "start")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('visitor = "United States"', 'visitor = "USA"', r"\[visitor\]: 'USA' is not a country of the gazetteer"),
        ('visitor = "United States"', 'visitor = "united states"', r"\[visitor\]: .*did you mean 'United States'"),
        ('visitor = "United States"', 'visitor = "ASEAN"', r"\[visitor\]: 'ASEAN' is not a country"),
        ('visitor = "United States"', 'visitor = "Vietnam"', r"\[host\]: the host is the visitor"),
        ("end = 2023-09-11", "end = 2023-09-09", r"\[end\]: 2023-09-09 is before the start 2023-09-10"),
        ("start = 2023-09-10", 'start = "2023-09-10"', r"\[start\]: expected a date \(YYYY-MM-DD, unquoted\)"),
        ("near_days = 14", "near_days = -1", r"\[near_days\]: expected a number of days, 0 or more"),
        ('id = "biden_vietnam_2023"', 'id = "Biden 2023"', r"\[id\]: expected lower-case letters"),
        ('country = "Vietnam"\naliases', 'country = "Viet"\naliases', r"\[participant\.2\.country\]: 'Viet'"),
        (
            "aliases = ['\\bTrong\\b']",
            "aliases = ['(Trong']",
            r"\[participant\.2\.aliases\.1\]: bad regular expression",
        ),
        ("terms = ['", "terms = ['(', '", r"\[terms\.1\]: bad regular expression '\('"),
        (
            "terms = ['",
            "term = ['",
            r"biden_vietnam_2023\.toml: missing field\(s\) terms \(and an unknown field 'term'\)",
        ),
        ('role = "President of Vietnam"\n', "", r"\[participant\.3\]: missing field\(s\) role"),
        ('places = ["Hanoi"]', "places = []", r"\[places\]: expected a non-empty list of strings"),
        (
            '"usd_rates.csv"',
            '"no_such_rates.csv"',
            r"\[references\.exchange_rates\]: no data file 'no_such_rates\.csv'",
        ),
        (
            "[references]",
            "[outcomes]\nsource = 'x'\ncount = -2\n[references]",
            r"\[outcomes\.count\]: expected a count",
        ),
        ("[references]", "[outcomes]\ncount = 3\n[references]", r"\[outcomes\]: missing field\(s\) source"),
        ("[references]", "[slogan]\ntext = 'x'\n[references]", r"\[slogan\]: missing field\(s\) renderings"),
    ],
)
def test_a_bad_entry_is_named_with_the_file_and_what_is_wrong(tmp_path, old, new, message):
    path = _edited(tmp_path, old, new)
    with pytest.raises(DataFileError, match=message):
        load_event(path)


def test_a_missing_profile_is_an_error_naming_it():
    with pytest.raises(
        DataFileError, match=r"no_such_event: no such event profile \(shipped with xivn: xi_vietnam_2023;"
    ):
        load_event("no_such_event")
    with pytest.raises(DataFileError, match=r"elsewhere/visit\.toml: no such event profile"):
        load_event("elsewhere/visit.toml")


def _edited(folder: Path, old: str, new: str) -> Path:
    """A copy of the second event's profile in ``folder`` with ``old`` replaced by ``new`` (once)."""
    text = BIDEN.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = folder / BIDEN.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_reference_files_come_from_the_profile_unless_given():
    visit, biden = load_event(), load_event(EVENTS / "biden_vietnam_2023.toml")
    assert visit.reference_file("rare_earths") == "rare_earths_usgs.csv"
    assert visit.reference_file("places") == "places.csv"
    assert visit.reference_file("rare_earths", "mine.csv") == "mine.csv"
    assert biden.reference_file("rare_earths") == ""  # the Biden profile names only exchange rates
    assert biden.reference_file("places", "mine.csv") == "mine.csv"
