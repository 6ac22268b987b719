"""The corridor map: places and their precision, distances, and a real drawing from packaged data."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from matplotlib.collections import LineCollection, PathCollection

import xivn
from xivn.display import figures as plots
from xivn.errors import ParameterError
from xivn.rare_earths import corridor as maps

DEPOSITS = {"Dong Pao", "Bac Nam Xe", "Nam Nam Xe", "Then Thau", "Yen Phu", "Ben Den"}
ROUTE = xivn.event.load_event().corridor.stations  # the shipped profile's corridor


@pytest.fixture(scope="module")
def places():
    return maps.load_places()


def test_places_name_the_deposits_and_flag_proxies(places):
    assert set(places.loc[places["is_deposit"], "short_name"]) == DEPOSITS
    flags = places.set_index("short_name")["approximate"]
    # no deposit has its own coordinate; Lao Cai and Kunming are sourced city coordinates
    assert flags[sorted(DEPOSITS)].all()
    assert not flags["Lao Cai"] and not flags["Kunming"]
    assert flags["Hanoi"] and flags["Haiphong"]  # general knowledge, not sourced


def test_route_is_in_order_and_stops_must_be_unambiguous(places):
    assert maps.route_stations(places, ROUTE)["short_name"].tolist() == [
        "Kunming",
        "Hekou town",
        "Lao Cai",
        "Yen Bai",
        "Hanoi",
        "Haiphong",
    ]
    with pytest.raises(ParameterError, match="'Hekou' matches 2 places"):
        maps.route_stations(places, ["Kunming", "Hekou"])
    with pytest.raises(ParameterError, match="'Atlantis' matches no place"):
        maps.route_stations(places, ["Atlantis"])


def test_distances_to_the_nearest_station(places):
    table = maps.distances_to_route(places, ROUTE).set_index("short_name")
    # Dong Pao's proxy (Lai Chau city, 22.386N 103.470E) to Lao Cai (22.483N 103.950E): about 50 km
    assert table.loc["Dong Pao", "nearest_station"] == "Lao Cai"
    assert 45 <= table.loc["Dong Pao", "km_to_station"] <= 55
    # proxies placed on a city the line serves are 0 km away: a property of the proxy, not the mine
    assert table.loc["Yen Phu", "km_to_station"] == 0


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted while drawing the map")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_map_draws_borders_from_packaged_data_and_every_place(places, no_network):
    fig, ax = plots.new_figure(6, 6)
    drawn = maps.draw_corridor(ax, places, ROUTE)
    assert drawn.attrs["border_segments"] > 0 and drawn.attrs["coastline_segments"] > 0
    borders = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert borders and sum(len(c.get_segments()) for c in borders) >= drawn.attrs["border_segments"]
    assert drawn[drawn["role"] == "station"]["short_name"].tolist()[0] == "Kunming"
    assert set(drawn.loc[drawn["role"] == "deposit", "short_name"]) == DEPOSITS
    # every place lies inside the map, and the railway line passes through the stations in order
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert drawn["x"].between(x0, x1).all() and drawn["y"].between(y0, y1).all()
    (rail,) = [line for line in ax.get_lines() if line.get_label().startswith("railway")]
    assert list(rail.get_xdata()) == drawn.loc[drawn["role"] == "station", "x"].tolist()
    labels = " ".join(text.get_text() for text in ax.texts)
    assert all(name in labels for name in DEPOSITS | {"Kunming", "Haiphong", "VIETNAM", "CHINA"})
    assert plots.png_bytes(fig).startswith(b"\x89PNG")


def test_importing_xivn_and_maps_does_not_load_the_mapping_library():
    code = "import sys, xivn, xivn.rare_earths.corridor; sys.exit('mpl_toolkits.basemap' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def label_boxes(fig, ax):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    return [(text.get_text(), text.get_window_extent(renderer)) for text in ax.texts]


def marker_positions(ax) -> set[tuple[float, float]]:
    """Where the place markers are drawn, in display points (after any sideways offset)."""
    markers = [c for c in ax.collections if isinstance(c, PathCollection)]
    return {tuple(p.round(1)) for c in markers for p in c.get_offset_transform().transform(c.get_offsets())}


def test_map_labels_never_overlap_and_every_place_is_seen(places, no_network):
    from conftest import texts_outside

    fig, ax = plots.new_figure(7, 7)
    drawn = maps.draw_corridor(ax, places, ROUTE)
    plots.finish(ax, title="Six deposits lie within 62 km of a station", sources=["places.csv"])
    boxes = label_boxes(fig, ax)
    overlapping = [(a, b) for i, (a, box) in enumerate(boxes) for b, other in boxes[i + 1 :] if box.overlaps(other)]
    assert overlapping == []
    # places sharing one position (Ben Den on Lao Cai, three deposits on one district midpoint) each
    # get their own marker and their name in one label
    shared = drawn[drawn.duplicated(["lat", "lon"], keep=False)]
    assert len(shared) >= 5 and drawn.groupby("cluster").size().max() >= 3
    assert len(marker_positions(ax)) == len(drawn)
    text = " ".join(name for name, _ in boxes)
    assert all(name in text for name in drawn["short_name"])
    assert texts_outside(fig) == []


def test_places_close_together_get_one_label_and_separate_markers(no_network):
    import pandas as pd

    places = pd.DataFrame(
        {"name": ["Kunming", "Lao Cai", "Hanoi", "Alpha", "Beta", "Gamma"],
         "short_name": ["Kunming", "Lao Cai", "Hanoi", "Alpha", "Beta", "Gamma"],
         "lat": [25.0, 22.48, 21.03, 22.48, 22.50, 21.6], "lon": [102.7, 103.95, 105.85, 103.95, 103.96, 104.8],
         "is_deposit": [False, False, False, True, True, True], "approximate": [False] * 6}
    )  # fmt: skip
    fig, ax = plots.new_figure(6, 6)
    drawn = maps.draw_corridor(ax, places, ("Kunming", "Lao Cai", "Hanoi"), resolution="c")
    assert drawn.groupby("cluster")["short_name"].apply(set).map(len).max() == 3
    labels = [name for name, _ in label_boxes(fig, ax) if "Alpha" in name]
    assert len(labels) == 1 and "Lao Cai" in labels[0] and "Beta" in labels[0]
    assert len(marker_positions(ax)) == len(drawn)


def test_without_a_places_table_or_a_route_there_is_nothing_to_measure(places):
    empty = maps.load_places("")  # the event profile names no places table
    assert empty.empty and {"short_name", "is_deposit", "approximate"} <= set(empty.columns)
    assert maps.distances_to_route(places, ()).empty  # no route drawn: no distance to a station
    assert maps.distances_to_route(empty, ()).columns.tolist()[-2:] == ["nearest_station", "km_to_station"]
