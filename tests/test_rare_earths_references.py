"""What the rare-earth notebook takes from the event profile: its reference tables and its corridor,
drawn only when the corpus names it."""

from __future__ import annotations

import pytest
from conftest import REPO

import xivn
from xivn.rare_earths.references import corridor_route

BIDEN_PROFILE = REPO / "tests" / "fixtures" / "events" / "biden_vietnam_2023.toml"
BIDEN_CORPUS = BIDEN_PROFILE.with_suffix("")
STATIONS = ("Kunming", "Hekou town", "Lao Cai", "Yen Bai", "Hanoi", "Haiphong")


@pytest.fixture(scope="module")
def visit():
    return xivn.event.load_event()


@pytest.fixture(scope="module")
def biden():
    return xivn.event.load_event(BIDEN_PROFILE)


def test_the_seeds_name_the_corridor_by_both_its_ends(visit, seeds):
    route = corridor_route(seeds, visit)
    assert (route.name, route.stations) == ("Kunming–Haiphong railway", STATIONS)
    # the preview and the blog name Kunming and Haiphong; the others name neither end
    assert route.named and route.documents == ("Preview (unattributed)", "Pamir (blog)")
    assert route.drawn == STATIONS


def test_a_corpus_that_names_only_one_station_draws_no_corridor(visit, make_corpus):
    corpus = xivn.load_corpus(make_corpus({"a.txt": "Title\n\nXi met Trong in Hanoi on rare earths.\n"}))
    route = corridor_route(corpus, visit)
    assert not route.named and route.drawn == () and route.stations == STATIONS


def test_the_corridor_counts_as_named_by_its_name_with_any_dash(visit, make_corpus):
    corpus = xivn.load_corpus(make_corpus({"a.txt": "Title\n\nWork on the Kunming-Haiphong Railway may start.\n"}))
    assert corridor_route(corpus, visit).documents == ("a",)


def test_a_route_given_as_a_parameter_needs_both_its_ends(visit, make_corpus):
    corpus = xivn.load_corpus(make_corpus({"a.txt": "Title\n\nA line from Kunming to Lao Cai.\n"}))
    route = corridor_route(corpus, visit, ["Kunming", "Lao Cai", "Hanoi"])
    assert (route.name, route.named) == ("", False)
    assert corridor_route(corpus, visit, ["Kunming", "Lao Cai"]).drawn == ("Kunming", "Lao Cai")


def test_a_profile_without_a_corridor_has_no_route(biden):
    route = corridor_route(xivn.load_corpus(BIDEN_CORPUS), biden)
    assert (route.name, route.stations, route.named, route.drawn) == ("", (), False, ())
