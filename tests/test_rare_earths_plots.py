"""The rare-earth charts: a note instead of an empty chart, and the expected title and labels otherwise."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

import xivn
from xivn.display import figures
from xivn.display.markdown import Markdown
from xivn.rare_earths import load_places, plots

ROUTE = xivn.event.load_event().corridor.stations  # the shipped profile's corridor


@pytest.fixture
def drawn(monkeypatch):
    """The figures the plot functions create (xivn's figures are not pyplot's, so plt.gcf() cannot see them)."""
    made = []
    new_figure = figures.new_figure

    def recording(*args, **kwargs):
        fig, ax = new_figure(*args, **kwargs)
        made.append(fig)
        return fig, ax

    monkeypatch.setattr(figures, "new_figure", recording)
    return made


def matrix(rows: dict[str, list[int]], documents: list[str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows.values()), columns=documents, index=pd.Index(list(rows), name="claim"))


def title(fig) -> str:
    return fig.axes[0].get_title(loc="left")


def test_claim_chart_without_claims_gives_a_note(drawn):
    note = plots.claim_chart(matrix({"Reserves": [0, 0]}, ["A", "B"]), 15)
    assert isinstance(note, Markdown) and note.data == "No text makes any of the claims: nothing to chart."
    assert drawn == []
    assert isinstance(plots.claim_chart(pd.DataFrame(index=pd.Index(["Reserves"], name="claim")), 15), Markdown)


def test_claim_chart_draws_the_shown_texts_and_names_most_and_fewest(drawn):
    table = matrix({"Reserves": [1, 1, 0], "Supply": [2, 0, 0], "Deal": [1, 0, 1]}, ["A", "B $1 $2", "C"])
    assert plots.claim_chart(table, 2, sources=["a", "b", "c"]) is None
    (fig,) = drawn
    ax = fig.axes[0]
    assert title(fig) == r"A makes 3 of 3 claims; B \$1 \$2 makes 1"  # \$: matplotlib draws a dollar, not maths
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", r"B \$1 \$2"]  # the two making the most
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Reserves", "Supply", "Deal"]
    assert ax.get_xlabel() == "text"
    assert len(ax.collections[0].get_offsets()) == 4  # one dot per (claim, text) with sentences
    assert any(text.get_text().startswith("Source: a; b; c") for text in fig.texts)


def test_claim_chart_of_one_text_names_it_once(drawn):
    plots.claim_chart(matrix({"Reserves": [2]}, ["Wire"]), 15)
    assert title(drawn[0]) == "Wire makes 1 of 1 claim"


def ranks(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["edition", "country", "reserves_t", "rank"])


def test_reserves_chart_without_the_country_gives_a_note(drawn):
    note = plots.reserves_chart(ranks(("MCS 2025 (Jan 2025)", "China", 44e6, 1)), "*Viet* $nam$")
    assert note.data == r"No edition in the reference data ranks \*Viet\* \$nam\$: nothing to chart."
    assert drawn == []


def test_reserves_chart_titles_first_and_latest_rank(drawn):
    table = ranks(
        ("MCS 2023 (Jan 2023)", "Vietnam", 22e6, 2),
        ("MCS 2023 (Jan 2023)", "China", 44e6, 1),
        ("MCS 2025 (Jan 2025)", "Vietnam", 3.5e6, 6),
    )
    assert plots.reserves_chart(table, "Vietnam") is None
    (fig,) = drawn
    ax = fig.axes[0]
    assert title(fig) == "Vietnam's reserves: rank 2 in MCS 2023, rank 6 in MCS 2025"
    assert ax.get_xlabel() == "reserves (million t of rare-earth oxide)"
    assert [t.get_text() for t in ax.texts] == ["22 Mt, rank 2", "3.5 Mt, rank 6"]
    assert [bar.get_width() for bar in ax.patches] == [22.0, 3.5]


def test_corridor_map_titles_the_distances_and_returns_the_places_drawn(drawn):
    places = load_places()
    distances = pd.DataFrame({"short_name": ["Ben Den", "Dong Pao"], "km_to_station": [0.0, 50.0]})
    shown = plots.corridor_map(places, distances, ROUTE, sources=["places.csv"])
    (fig,) = drawn
    assert title(fig) == "2 deposits lie within 50 km of a station"
    assert set(shown["role"]) == {"station", "deposit"} and shown.attrs["border_segments"] > 0
    one = plots.corridor_map(places, distances.head(1), ["Kunming", "Hanoi"])
    assert one["role"].value_counts()["station"] == 2
    assert title(drawn[1]) == "1 deposit lies within 0 km of a station"


def test_corridor_map_without_deposits_draws_the_railway_alone(drawn):
    places = load_places()
    stations = places[~places["is_deposit"]]
    shown = plots.corridor_map(stations, pd.DataFrame({"km_to_station": []}), ["Kunming", "Hanoi"])
    assert title(drawn[0]) == "No rare-earth deposit in the places file: the railway alone"
    assert shown["role"].tolist() == ["station", "station"]


def test_corridor_map_without_a_route_draws_nothing(drawn):
    shown = plots.corridor_map(load_places(), pd.DataFrame({"km_to_station": []}), ())
    assert drawn == [] and shown.empty and shown.attrs["border_segments"] == 0


def test_no_chart_text_reaches_past_the_figure(drawn):
    from conftest import texts_outside

    claims = {
        "A railway runs through the mining region": [1, 2, 0],
        "Export restrictions on rare earths or critical minerals": [0, 1, 1],
    }
    texts = ["Rewrite of a wire preview (unattributed)", "Inquirer News (Reuters)", "Pamir Consulting (blog)"]
    plots.claim_chart(matrix(claims, texts), 15, sources=texts)
    plots.reserves_chart(
        ranks(("MCS 2023 (Jan 2023)", "Vietnam", 22e6, 2), ("MCS 2025", "Vietnam", 3.5e6, 6)), "Vietnam"
    )
    deposit = pd.DataFrame({"short_name": ["Ben Den"], "km_to_station": [0.0]})
    plots.corridor_map(load_places(), deposit, ROUTE, sources=["p"])
    assert len(drawn) == 3
    assert [texts_outside(fig) for fig in drawn] == [[], [], []]
