"""What the trade notebook analyses for an event: the parameters left empty come from the event profile."""

from __future__ import annotations

from conftest import REPO

from xivn.event import load_event
from xivn.trade import event_defaults, focus_sentence, reference_sentence

BIDEN = REPO / "tests" / "fixtures" / "events" / "biden_vietnam_2023.toml"


def test_the_defaults_are_the_host_the_year_before_and_the_events_table():
    focus = event_defaults(load_event("xi_vietnam_2023"))
    assert (focus.reporter, focus.year, focus.reference_file) == ("Vietnam", 2022, "trade_2022.csv")
    assert len(focus.reference) == 34  # the rows of xivn/trade/data/trade_2022.csv
    assert focus_sentence(focus).data == (
        "The figures analysed are Vietnam's trade in 2022: Vietnam is the host of Xi Jinping's state visit to "
        "Vietnam and 2022 the last full year before it."
    )


def test_an_event_without_a_trade_table_checks_nothing_and_says_so():
    focus = event_defaults(load_event(BIDEN))
    assert (focus.reporter, focus.year, focus.reference_file) == ("Vietnam", 2022, "")
    assert focus.reference.empty
    assert reference_sentence(focus).data.startswith("There is no reference table for this event:")


def test_parameters_given_win_over_the_profile():
    focus = event_defaults(load_event(BIDEN), "United States", 2021, "trade_2022.csv")
    assert (focus.reporter, focus.year, len(focus.reference)) == ("United States", 2021, 34)
    assert focus_sentence(focus).data == (
        "The figures analysed are the United States' trade in 2021: the United States is the visiting country "
        "in Joe Biden's state visit to Vietnam."
    )
    assert reference_sentence(focus).data.startswith("The reference table *trade\\_2022\\.csv* holds 34 rows")
